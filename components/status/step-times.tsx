"use client";

import { useLocale, useTranslations } from "next-intl";
import type { ReactNode } from "react";

import { LocalTime } from "@/components/ui/local-time";
import { formatDuration } from "@/lib/format";
import type { StepTiming } from "@/lib/step-timing";

/**
 * What is known of a step's time, as label–value pairs of the step's facts: when it started
 * and finished (local time, readable without hovering), and how long it took or has run;
 * times the recorder observed say so.
 */
export function StepTimes({ timing }: { timing: StepTiming }) {
  const t = useTranslations("status.step");
  const locale = useLocale();
  const rows: { label: string; value: ReactNode; testId: string }[] = [];
  if (timing.startedAt !== null)
    rows.push({ label: t("started"), value: <LocalTime value={timing.startedAt} />, testId: "step-started" });
  if (timing.finishedAt !== null)
    rows.push({ label: t("finished"), value: <LocalTime value={timing.finishedAt} />, testId: "step-ended" });
  if (timing.elapsedMs !== null)
    rows.push({
      label: timing.state === "finished" ? t("took") : t("runningFor"),
      value:
        timing.source === "observed" ? (
          <>
            {formatDuration(timing.elapsedMs, locale)}{" "}
            <span className="font-normal text-slate-600">{t("observed")}</span>
          </>
        ) : (
          formatDuration(timing.elapsedMs, locale)
        ),
      testId: "step-duration",
    });
  return (
    <>
      {rows.map((row) => (
        <div key={row.testId} className="flex gap-1" data-testid={row.testId}>
          <dt>{row.label}</dt>
          <dd className="font-medium text-slate-800 tabular-nums">{row.value}</dd>
        </div>
      ))}
    </>
  );
}
