import { useTranslations } from "next-intl";

import { RelativeTime } from "@/components/ui/relative-time";
import { StepStatusLabel } from "@/components/ui/status-badges";
import type { Overdue } from "@/lib/overdue";
import type { Step } from "@/lib/schemas/model";
import type { StepStatusValue } from "@/lib/schemas/vocabulary";

import { CopyStepLink } from "./copy-step-link";
import { MessageList } from "./message-list";
import { OverdueNotice } from "./overdue-notice";
import { StepProgress } from "./step-progress";

/** The marker on the timeline's rail; the number is decoration (the <ol> gives position). */
const MARKER: Record<StepStatusValue, string> = {
  notStarted: "bg-white text-slate-500 ring-slate-300",
  inProgress: "bg-brand-600 text-white ring-brand-600",
  waitingForPublisherReview: "bg-amber-100 text-amber-900 ring-amber-500",
  waitingForApproval: "bg-amber-100 text-amber-900 ring-amber-500",
  blocked: "bg-red-100 text-red-800 ring-red-500",
  rejected: "bg-red-600 text-white ring-red-600",
  complete: "bg-green-600 text-white ring-green-600",
  canceled: "bg-slate-200 text-slate-700 ring-slate-400",
  unknown: "bg-purple-100 text-purple-800 ring-purple-500",
};

/** The step's anchor (`#step-<id>`); ids come from the upstream, so keep them URL-safe. */
export function stepAnchorId(stepId: string): string {
  return `step-${stepId.replace(/[^A-Za-z0-9_-]/g, "-")}`;
}

interface StepItemProps {
  step: Step;
  index: number;
  isCurrent: boolean;
  isLast: boolean;
  /** The step the page's `#step-…` points at: highlighted, since `:target` misses steps rendered after load. */
  isTarget: boolean;
  overdue: Overdue | null;
}

export function StepItem({ step, index, isCurrent, isLast, isTarget, overdue }: StepItemProps) {
  const t = useTranslations("status.step");
  const anchorId = stepAnchorId(step.id);
  return (
    <li
      id={anchorId}
      aria-current={isCurrent ? "step" : undefined}
      data-testid="step"
      data-step-id={step.id}
      data-targeted={isTarget || undefined}
      className="relative scroll-mt-6 pb-5 pl-10 last:pb-0 sm:pl-12"
    >
      {isLast ? null : <span aria-hidden="true" className="absolute top-9 bottom-1 left-4 w-0.5 bg-slate-200" />}
      <span
        aria-hidden="true"
        className={`absolute top-1 left-0 flex h-8 w-8 items-center justify-center rounded-full text-sm font-semibold ring-2 ${MARKER[step.status.value]}`}
      >
        {index + 1}
      </span>
      <article
        aria-labelledby={`${anchorId}-name`}
        className={`min-w-0 rounded-lg border p-3 shadow-sm motion-safe:transition-[box-shadow,background-color] motion-safe:duration-500 sm:p-4 ${isTarget ? "bg-amber-50/40 ring-2 ring-amber-400" : `bg-white ${isCurrent ? "ring-brand-600 ring-1" : ""}`} ${isCurrent ? "border-brand-600" : "border-slate-200"}`}
      >
        <header className="flex flex-wrap items-start justify-between gap-x-4 gap-y-1">
          <div className="flex min-w-0 flex-wrap items-center gap-2">
            <h3 id={`${anchorId}-name`} className="min-w-0 text-base font-semibold wrap-anywhere text-slate-900">
              {step.name}
            </h3>
            {isCurrent ? (
              <span className="bg-brand-600 rounded-full px-2 py-0.5 text-xs font-medium text-white">
                {t("current")}
              </span>
            ) : null}
          </div>
          <div className="flex flex-wrap items-center gap-2">
            <StepStatusLabel status={step.status} />
            <CopyStepLink anchorId={anchorId} stepName={step.name} />
          </div>
        </header>
        {step.description ? <p className="mt-1 text-sm wrap-anywhere text-slate-600">{step.description}</p> : null}
        <dl className="mt-3 flex flex-wrap gap-x-6 gap-y-1 text-xs text-slate-600">
          <div className="flex gap-1">
            <dt>{t("estimated")}</dt>
            <dd className="font-medium text-slate-800">{step.estimatedTimeFrame ?? t("notGiven")}</dd>
          </div>
          {step.startedAt ? (
            <div className="flex gap-1">
              <dt>{t("firstActivity")}</dt>
              <dd className="font-medium text-slate-800">
                <RelativeTime value={step.startedAt} />
              </dd>
            </div>
          ) : null}
        </dl>
        <div className="mt-2">
          <StepProgress step={step} />
        </div>
        {overdue ? (
          <div className="mt-3">
            <OverdueNotice overdue={overdue} stepId={step.id} />
          </div>
        ) : null}
        {step.messages.length > 0 ? (
          <div className="mt-3">
            <MessageList messages={step.messages} idPrefix={anchorId} />
          </div>
        ) : null}
      </article>
    </li>
  );
}
