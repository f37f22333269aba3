import { useFormatter, useTranslations } from "next-intl";

import type { Step } from "@/lib/schemas/model";
import { useLabels } from "@/lib/use-labels";

/**
 * A step's progress as an accessible progress bar. Step status is authoritative: a complete
 * step is full even when the upstream reports 0 % (its documented example does).
 */
export function StepProgress({ step }: { step: Step }) {
  const t = useTranslations("status.step");
  const format = useFormatter();
  const labels = useLabels();
  const complete = step.status.value === "complete";
  const value = complete ? 100 : step.progress;
  const text = complete
    ? labels.stepStatus(step.status)
    : value === null
      ? t("noProgress")
      : format.number(value / 100, { style: "percent", maximumFractionDigits: 0 });
  const fill =
    step.status.value === "rejected" || step.status.value === "blocked"
      ? "bg-red-500"
      : complete
        ? "bg-green-600"
        : "bg-brand-600";
  return (
    <div className="flex items-center gap-3">
      <div
        role="progressbar"
        aria-label={t("progressLabel", { step: step.name })}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={value ?? undefined}
        aria-valuetext={text}
        className="h-1.5 w-full max-w-xs overflow-hidden rounded-full bg-slate-200"
      >
        <div className={`h-full rounded-full ${fill}`} style={{ width: `${value ?? 0}%` }} />
      </div>
      {/* A complete step's header already says so; a full bar needs no caption. */}
      {complete ? null : (
        <span className="shrink-0 text-xs text-slate-600 tabular-nums" aria-hidden="true">
          {text}
        </span>
      )}
    </div>
  );
}
