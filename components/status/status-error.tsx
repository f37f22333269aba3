import Link from "next/link";
import { useTranslations } from "next-intl";

import { ErrorPanel } from "@/components/ui/error-panel";
import { ApiError } from "@/lib/api-client";
import { joinErrorText, useErrorText } from "@/lib/use-error-text";

interface StatusErrorProps {
  error: Error;
  publisherId: string;
  offerId: string;
  onRetry: () => void;
}

const linkClass = "font-medium text-red-900 underline underline-offset-2";
const buttonClass = "rounded-md border border-red-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-red-100";

/** The Status tab with no data to show: says why plainly, and where to go from here. */
export function StatusError({ error, publisherId, offerId, onRetry }: StatusErrorProps) {
  const t = useTranslations("status.errors");
  const errorText = useErrorText();
  const allOffers = `/publishers/${encodeURIComponent(publisherId)}/offers`;
  const status = error instanceof ApiError ? error.status : 0;
  const code = error instanceof ApiError ? error.code : undefined;
  const back = (
    <Link href={allOffers} className={linkClass}>
      {t("backToAllOffers")}
    </Link>
  );

  if (status === 404) {
    return (
      <ErrorPanel
        title={t("notFoundTitle")}
        message={t("notFound", { offerId, publisherId })}
        code={code}
        action={back}
      />
    );
  }
  if (status === 401 || status === 403) {
    return (
      <ErrorPanel
        title={t("noAccessTitle")}
        message={t("noAccess", { reason: joinErrorText(errorText(error)) })}
        code={code}
        action={back}
      />
    );
  }
  return (
    <ErrorPanel
      title={t("statusTitle")}
      message={joinErrorText(errorText(error))}
      code={code}
      action={
        <div className="flex flex-wrap items-center gap-4">
          <button type="button" onClick={onRetry} className={buttonClass}>
            {t("tryAgain")}
          </button>
          {back}
        </div>
      }
    />
  );
}
