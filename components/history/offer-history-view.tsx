"use client";

import { useQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";

import { usePolling } from "@/components/providers";
import { ErrorPanel } from "@/components/ui/error-panel";
import { ApiError } from "@/lib/api-client";
import { formatExact } from "@/lib/format";
import { queries } from "@/lib/queries";
import { joinErrorText, useErrorText } from "@/lib/use-error-text";

import { ObservedSteps } from "./observed-steps";
import { TransitionList } from "./transition-list";

/** The History tab: what the recorder saw of this offer, with its observed step times. */
export function OfferHistoryView({ publisherId, offerId }: { publisherId: string; offerId: string }) {
  const t = useTranslations("history.tab");
  const locale = useLocale();
  const errorText = useErrorText();
  const polling = usePolling();
  const history = useQuery(queries.offerHistory(publisherId, offerId, polling));
  const status = useQuery(queries.offerStatus(publisherId, offerId, polling));

  if (history.isPending) {
    return (
      <p role="status" className="text-sm text-slate-600">
        {t("loading")}
      </p>
    );
  }
  if (!history.data) {
    const unavailable = history.error instanceof ApiError && history.error.code === "history_unavailable";
    return (
      <ErrorPanel
        title={unavailable ? t("unavailableTitle") : t("loadFailedTitle")}
        message={unavailable ? t("unavailable") : joinErrorText(errorText(history.error))}
        code={history.error instanceof ApiError ? history.error.code : undefined}
        action={
          <button
            type="button"
            onClick={() => void history.refetch()}
            className="rounded-md border border-red-300 bg-white px-3 py-1.5 text-sm"
          >
            {t("tryAgain")}
          </button>
        }
      />
    );
  }
  const { transitions, steps, recordingSince } = history.data.data;
  return (
    <div className="space-y-5" data-testid="history">
      <p className="text-sm text-slate-600">
        {recordingSince
          ? t("recordingSince", { at: formatExact(Date.parse(recordingSince), locale) })
          : t("nothingYet")}
      </p>
      <ObservedSteps observed={steps} steps={status.data?.data.steps ?? []} />
      <TransitionList transitions={transitions} steps={status.data?.data.steps ?? []} />
    </div>
  );
}
