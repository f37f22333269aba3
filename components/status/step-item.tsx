"use client";

import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";

import { IssueCounts } from "@/components/offers/issue-counts";
import { Icon } from "@/components/ui/icon";
import { StepStatusLabel } from "@/components/ui/status-badges";
import { formatDateTime } from "@/lib/format";
import type { Overdue } from "@/lib/overdue";
import type { Step } from "@/lib/schemas/model";
import type { StepStatusValue } from "@/lib/schemas/vocabulary";
import type { StepTiming } from "@/lib/step-timing";

import { CopyStepLink } from "./copy-step-link";
import { MessageList } from "./message-list";
import { OverdueNotice } from "./overdue-notice";
import { StepProgress } from "./step-progress";
import { StepTimes } from "./step-times";

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
  timing: StepTiming;
}

/**
 * One step of the timeline. A completed step folds to one line (name, status, when it
 * finished, how long it took, its warnings and errors) and opens on demand, as a finished
 * step of a CI run does; the current step, and a step a link points at, stay open.
 */
export function StepItem({ step, index, isCurrent, isLast, isTarget, overdue, timing }: StepItemProps) {
  const anchorId = stepAnchorId(step.id);
  const foldable = step.status.value === "complete" && !isCurrent;
  const [expanded, setExpanded] = useState<boolean | null>(null);
  const open = !foldable || isTarget || (expanded ?? false);
  const bodyId = `${anchorId}-body`;
  return (
    <li
      id={anchorId}
      aria-current={isCurrent ? "step" : undefined}
      data-testid="step"
      data-step-id={step.id}
      data-targeted={isTarget || undefined}
      data-collapsed={open ? undefined : "true"}
      className={`relative scroll-mt-6 pl-10 last:pb-0 sm:pl-12 ${open ? "pb-5" : "pb-2"}`}
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
        className={`min-w-0 rounded-lg border shadow-sm motion-safe:transition-[box-shadow,background-color] motion-safe:duration-500 ${open ? "p-3 sm:p-4" : "px-3 py-2 sm:px-4"} ${isTarget ? "bg-amber-50/40 ring-2 ring-amber-400" : `bg-white ${isCurrent ? "ring-brand-600 ring-1" : ""}`} ${isCurrent ? "border-brand-600" : "border-slate-200"}`}
      >
        <StepHeader
          step={step}
          anchorId={anchorId}
          isCurrent={isCurrent}
          timing={timing}
          fold={foldable && !isTarget ? { open, bodyId, toggle: () => setExpanded(!open) } : null}
        />
        <div id={bodyId} hidden={!open}>
          {open ? <StepBody step={step} timing={timing} overdue={overdue} anchorId={anchorId} /> : null}
        </div>
      </article>
    </li>
  );
}

interface Fold {
  open: boolean;
  bodyId: string;
  toggle: () => void;
}

function StepHeader({
  step,
  anchorId,
  isCurrent,
  timing,
  fold,
}: {
  step: Step;
  anchorId: string;
  isCurrent: boolean;
  timing: StepTiming;
  fold: Fold | null;
}) {
  const t = useTranslations("status.step");
  const locale = useLocale();
  const errors = step.messages.filter((m) => m.level.value === "error").length;
  const warnings = step.messages.filter((m) => m.level.value === "warning").length;
  return (
    <header className="flex flex-wrap items-center justify-between gap-x-4 gap-y-1">
      <div className="flex min-w-0 flex-wrap items-center gap-2">
        <h3 id={`${anchorId}-name`} className="min-w-0 text-base font-semibold wrap-anywhere text-slate-900">
          {fold ? (
            <button
              type="button"
              aria-expanded={fold.open}
              aria-controls={fold.bodyId}
              onClick={fold.toggle}
              className="-mx-1 inline-flex items-center gap-1.5 rounded px-1 text-left hover:bg-slate-100"
            >
              <svg
                viewBox="0 0 20 20"
                aria-hidden="true"
                focusable="false"
                className={`h-4 w-4 shrink-0 text-slate-600 motion-safe:transition-transform ${fold.open ? "rotate-90" : ""}`}
                fill="none"
                stroke="currentColor"
                strokeWidth={2}
                strokeLinecap="round"
                strokeLinejoin="round"
              >
                <path d="M8 5l5 5-5 5" />
              </svg>
              {step.name}
            </button>
          ) : (
            step.name
          )}
        </h3>
        {isCurrent ? (
          <span className="bg-brand-600 rounded-full px-2 py-0.5 text-xs font-medium text-white">{t("current")}</span>
        ) : null}
      </div>
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <StepStatusLabel status={step.status} />
        {fold && !fold.open ? (
          <span className="flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-slate-600">
            {timing.finishedAt !== null ? (
              <span data-testid="step-finished">
                {t("finishedShort", { time: formatDateTime(timing.finishedAt, locale) })}
              </span>
            ) : null}
            <IssueCounts errors={errors} warnings={warnings} quiet />
          </span>
        ) : null}
        <CopyStepLink anchorId={anchorId} stepName={step.name} />
      </div>
    </header>
  );
}

function StepBody({
  step,
  timing,
  overdue,
  anchorId,
}: {
  step: Step;
  timing: StepTiming;
  overdue: Overdue | null;
  anchorId: string;
}) {
  const t = useTranslations("status.step");
  return (
    <>
      {step.description ? <p className="mt-1 text-sm wrap-anywhere text-slate-600">{step.description}</p> : null}
      <dl className="mt-3 flex flex-wrap gap-x-6 gap-y-1 text-xs text-slate-600">
        <div className="flex gap-1">
          <dt>{t("estimated")}</dt>
          <dd className="font-medium text-slate-800">{step.estimatedTimeFrame ?? t("notGiven")}</dd>
        </div>
        <StepTimes timing={timing} />
      </dl>
      {/* A step that has not started has no progress to show (no "0 %" bar). */}
      {step.status.value === "notStarted" ? null : (
        <div className="mt-2">
          <StepProgress step={step} />
        </div>
      )}
      {timing.state === "finished" && timing.overEstimate ? (
        <p className="mt-2 inline-flex items-center gap-1 text-xs font-medium text-amber-900">
          <Icon name="clock" className="h-3.5 w-3.5 text-amber-800" />
          {t("tookLonger")}
        </p>
      ) : null}
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
    </>
  );
}
