"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";

import { usePolling } from "@/components/providers";
import { queries } from "@/lib/queries";

import { CriticalIssues } from "./critical-issues";
import { OfferMessages } from "./offer-messages";
import { StatusAnnouncer } from "./status-announcer";
import { StatusError } from "./status-error";
import { StatusSkeleton } from "./status-skeleton";
import { StatusSummary } from "./status-summary";
import { StepTimeline } from "./step-timeline";

/**
 * The offer's Status tab: polls the status document (faster while steps run, slower while a
 * person must act, not at all once terminal) and keeps the last good data on screen when a
 * refresh fails (the header's freshness bar then says it is stale, and why).
 */
export function StatusView({ publisherId, offerId }: { publisherId: string; offerId: string }) {
  const t = useTranslations("status");
  const { data, error, isPending, refetch } = useQuery(queries.offerStatus(publisherId, offerId, usePolling()));
  const refresh = () => void refetch();

  if (isPending) return <StatusSkeleton />;
  if (!data) return <StatusError error={error} publisherId={publisherId} offerId={offerId} onRetry={refresh} />;

  const status = data.data;
  return (
    <div className="space-y-5">
      <StatusSummary status={status} />
      <CriticalIssues status={status} />
      <OfferMessages messages={status.messages} />
      <section aria-labelledby="steps-heading">
        <h2 id="steps-heading" className="mb-3 flex flex-wrap items-center gap-2 text-lg font-semibold text-slate-900">
          {t("stepsHeading")}
          {status.derivedFrom === "submissions" ? (
            <span className="rounded-full border border-slate-300 bg-slate-50 px-2 py-0.5 text-xs font-medium text-slate-700">
              {t("derivedStepsLabel")}
            </span>
          ) : null}
        </h2>
        {status.derivedFrom === "submissions" ? (
          <p data-testid="derived-steps" className="mb-3 text-sm text-slate-600">
            {t("derivedSteps")}
          </p>
        ) : null}
        <StepTimeline status={status} />
      </section>
      <StatusAnnouncer status={status} />
    </div>
  );
}
