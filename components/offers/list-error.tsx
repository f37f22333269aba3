"use client";

import { useTranslations } from "next-intl";

import { ErrorPanel } from "@/components/ui/error-panel";
import { Icon } from "@/components/ui/icon";
import { ApiError } from "@/lib/api-client";
import { isFatal } from "@/lib/queries";
import { joinErrorText, useErrorText } from "@/lib/use-error-text";

/** The first load failed: say why, and offer to try again (polling has paused on 401/403). */
export function ListError({ title, error, onRetry }: { title: string; error: Error; onRetry: () => void }) {
  const t = useTranslations("offers.list.error");
  const errorText = useErrorText();
  const why = joinErrorText(errorText(error));
  return (
    <ErrorPanel
      title={title}
      message={`${why} ${isFatal(error) ? t("paused") : t("retrying")}`}
      code={error instanceof ApiError ? error.code : undefined}
      action={
        <button
          type="button"
          onClick={onRetry}
          className="inline-flex items-center gap-1.5 rounded-md border border-red-300 bg-white px-3 py-1.5 text-sm font-medium text-red-900 hover:bg-red-100"
        >
          <Icon name="refresh" />
          {t("tryAgain")}
        </button>
      }
    />
  );
}
