import type { Indicator, MessageLevelValue, Parsed, StepStatusValue } from "@/lib/schemas/vocabulary";
import { useLabels } from "@/lib/use-labels";

import { Icon, type IconName } from "./icon";

/** Status is icon + text (+ colour), never colour alone. */
const INDICATOR_STYLE: Record<Indicator, { icon: IconName; className: string }> = {
  draft: { icon: "dash", className: "bg-slate-100 text-slate-700 ring-slate-300" },
  publishing: { icon: "progress", className: "bg-blue-50 text-blue-800 ring-blue-300" },
  awaitingSignoff: { icon: "hand", className: "bg-amber-50 text-amber-900 ring-amber-400" },
  failed: { icon: "cross", className: "bg-red-50 text-red-800 ring-red-300" },
  canceled: { icon: "ban", className: "bg-slate-100 text-slate-700 ring-slate-300" },
  live: { icon: "check", className: "bg-green-50 text-green-800 ring-green-300" },
  delisted: { icon: "archive", className: "bg-slate-100 text-slate-700 ring-slate-300" },
  unknown: { icon: "question", className: "bg-purple-50 text-purple-800 ring-purple-300" },
};

const STEP_STYLE: Record<StepStatusValue, { icon: IconName; className: string }> = {
  notStarted: { icon: "dash", className: "text-slate-600" },
  inProgress: { icon: "progress", className: "text-blue-700" },
  waitingForPublisherReview: { icon: "hand", className: "text-amber-800" },
  waitingForApproval: { icon: "clock", className: "text-amber-800" },
  blocked: { icon: "pause", className: "text-red-700" },
  rejected: { icon: "cross", className: "text-red-700" },
  complete: { icon: "check", className: "text-green-700" },
  canceled: { icon: "ban", className: "text-slate-600" },
  unknown: { icon: "question", className: "text-purple-700" },
};

const LEVEL_STYLE: Record<MessageLevelValue, { icon: IconName; className: string }> = {
  information: { icon: "info", className: "text-slate-700" },
  warning: { icon: "warning", className: "text-amber-800" },
  error: { icon: "cross", className: "text-red-700" },
  unknown: { icon: "question", className: "text-purple-700" },
};

/** The indicator's icon alone, for places where its words stand beside it (filter chips). */
export function IndicatorIcon({ indicator, className = "h-3.5 w-3.5" }: { indicator: Indicator; className?: string }) {
  return <Icon name={INDICATOR_STYLE[indicator].icon} className={className} />;
}

export function IndicatorBadge({ indicator, rawStatus }: { indicator: Indicator; rawStatus: string }) {
  const style = INDICATOR_STYLE[indicator];
  const labels = useLabels();
  return (
    <span
      data-indicator={indicator}
      className={`inline-flex items-center gap-1.5 rounded-full px-2.5 py-0.5 text-xs font-medium whitespace-nowrap ring-1 ring-inset ${style.className}`}
    >
      <Icon name={style.icon} className="h-3.5 w-3.5" />
      {labels.indicator(indicator, rawStatus)}
    </span>
  );
}

export function StepStatusLabel({ status, small = false }: { status: Parsed<StepStatusValue>; small?: boolean }) {
  const style = STEP_STYLE[status.value];
  const labels = useLabels();
  return (
    <span
      data-step-status={status.value}
      className={`inline-flex items-center font-medium ${small ? "gap-1 text-xs" : "gap-1.5 text-sm"} ${style.className}`}
    >
      <Icon name={style.icon} className={small ? "h-3.5 w-3.5" : undefined} />
      {labels.stepStatus(status)}
    </span>
  );
}

export function MessageLevelLabel({ level }: { level: Parsed<MessageLevelValue> }) {
  const style = LEVEL_STYLE[level.value];
  const labels = useLabels();
  return (
    <span
      data-level={level.value}
      className={`inline-flex items-center gap-1 text-xs font-semibold ${style.className}`}
    >
      <Icon name={style.icon} className="h-3.5 w-3.5" />
      {labels.level(level)}
    </span>
  );
}
