"use client";

import { useLocale, useTranslations } from "next-intl";

import { Icon } from "@/components/ui/icon";
import { IndicatorBadge, StepStatusLabel } from "@/components/ui/status-badges";
import { findOverdue, overdueSummary } from "@/lib/overdue";
import type { CurrentStep, OfferSummary } from "@/lib/schemas/model";
import { useClockText } from "@/lib/use-now";

import { IssueCounts } from "./issue-counts";

/**
 * The right-most column (and the foot of a phone card), as in the portal: the indicator,
 * and for offers in flight the step they are at with its progress. A step that could not be
 * read says so rather than disappearing (the server's reason is logged there, in English).
 */
export function StatusCell({ offer, changed }: { offer: OfferSummary; changed: boolean }) {
  const t = useTranslations("offers.row");
  const step = offer.currentStep;
  // "Awaiting publisher sign-off" already says what a waiting sign-off step would say.
  const showStep =
    step && !(offer.indicator === "awaitingSignoff" && step.status.value === "waitingForPublisherReview");
  return (
    <div className="flex flex-col items-start gap-1">
      <div className="flex flex-wrap items-center gap-2">
        <IndicatorBadge indicator={offer.indicator} rawStatus={offer.status.raw} />
        {changed ? (
          <span className="inline-flex items-center gap-1 text-xs font-medium text-slate-600">
            <Icon name="refresh" className="h-3.5 w-3.5" />
            {t("justChanged")}
          </span>
        ) : null}
      </div>
      {showStep ? <StepProgress step={step} /> : null}
      {offer.statusError ? (
        <span className="inline-flex items-center gap-1 text-xs text-amber-800">
          <Icon name="warning" className="h-3.5 w-3.5" />
          {t("stepUnreadable")}
        </span>
      ) : null}
      <IssueCounts errors={offer.errorCount} warnings={offer.warningCount} quiet />
    </div>
  );
}

/**
 * The current step in words, with a labelled progress bar while it runs; a step in another
 * state says which with the Status tab's icon and words (blocked, rejected, waiting…), and a
 * step past its estimate says so as the Status tab does.
 */
export function StepProgress({ step }: { step: CurrentStep }) {
  const t = useTranslations("offers.row");
  const running = step.status.value === "inProgress";
  const progress = step.progress === null ? null : Math.min(100, Math.max(0, Math.round(step.progress)));
  return (
    <div className="flex min-w-44 flex-col gap-0.5 text-xs text-slate-700">
      <span>
        <span className="font-medium text-slate-900">{step.name}</span>
        {running && progress !== null ? <span className="text-slate-600 tabular-nums"> · {progress}%</span> : null}
        {running ? null : (
          <>
            {" "}
            <StepStatusLabel status={step.status} small />
          </>
        )}
      </span>
      <OverdueLine step={step} />
      {running && progress !== null ? (
        <progress
          value={progress}
          max={100}
          aria-label={t("stepProgress", { step: step.name })}
          className="h-1.5 w-full max-w-48 overflow-hidden rounded-full [&::-moz-progress-bar]:bg-blue-600 [&::-webkit-progress-bar]:bg-slate-200 [&::-webkit-progress-value]:bg-blue-600"
        />
      ) : null}
    </div>
  );
}

/** "Taking longer than usual (estimated < 15 min, running 3 hr)", in the Status tab's words and icon. */
function OverdueLine({ step }: { step: CurrentStep }) {
  const t = useTranslations("status");
  const locale = useLocale();
  const text = useClockText((now) => {
    const overdue = findOverdue({
      status: step.status.value,
      estimatedTimeFrame: step.estimatedTimeFrame,
      startedAt: step.startedAt,
      firstSeenAt: null,
      now,
    });
    if (!overdue) return null;
    const summary = overdueSummary(overdue, locale);
    return t(summary.key, summary.values);
  });
  if (text === null) return null;
  return (
    <span data-testid="row-overdue" className="inline-flex items-start gap-1 font-medium text-amber-900">
      <Icon name="clock" className="mt-px h-3.5 w-3.5 shrink-0 text-amber-800" />
      {text}
    </span>
  );
}
