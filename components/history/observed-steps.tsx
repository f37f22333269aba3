"use client";

import { useLocale, useTranslations } from "next-intl";

import { formatDuration } from "@/lib/format";
import { parseTimeFrame } from "@/lib/overdue";
import type { ObservedStep } from "@/lib/schemas/history";
import type { Step } from "@/lib/schemas/model";
import { parseStepStatus } from "@/lib/schemas/vocabulary";
import { useLabels } from "@/lib/use-labels";
import { useClockText } from "@/lib/use-now";

import { ExactTime } from "./exact-time";

const card = "min-w-0 rounded-lg border border-slate-200 bg-white p-3 shadow-sm sm:p-4";

/** Each step's observed start, end and duration against its estimate. */
export function ObservedSteps({ observed, steps }: { observed: ObservedStep[]; steps: Step[] }) {
  const t = useTranslations("history.steps");
  const labels = useLabels();
  const byId = new Map(observed.map((o) => [o.stepId, o]));
  // In the offer's own step order; steps the recorder saw that the document no longer has, after.
  const ordered = [
    ...steps.filter((s) => byId.has(s.id)).map((s) => ({ step: s, seen: byId.get(s.id) as ObservedStep })),
    ...observed.filter((o) => !steps.some((s) => s.id === o.stepId)).map((seen) => ({ step: null, seen })),
  ];
  return (
    <section aria-labelledby="step-times-heading" className={card}>
      <h2 id="step-times-heading" className="text-lg font-semibold">
        {t("heading")}
      </h2>
      <p className="mt-1 text-sm text-slate-600">{t("caption")}</p>
      {ordered.length === 0 ? (
        <p className="mt-3 text-sm text-slate-600">{t("none")}</p>
      ) : (
        // Focusable, so the keyboard can scroll it: on a phone the table scrolls sideways.
        <div className="mt-3 overflow-x-auto" tabIndex={0}>
          <table className="w-full min-w-[36rem] text-left text-sm" data-testid="step-times">
            <thead>
              <tr className="border-b border-slate-200 text-slate-600">
                <th scope="col" className="py-2 pr-4 font-medium">
                  {t("step")}
                </th>
                <th scope="col" className="py-2 pr-4 font-medium">
                  {t("started")}
                </th>
                <th scope="col" className="py-2 pr-4 font-medium">
                  {t("finished")}
                </th>
                <th scope="col" className="py-2 pr-4 font-medium">
                  {t("took")}
                </th>
                <th scope="col" className="py-2 font-medium">
                  {t("estimate")}
                </th>
              </tr>
            </thead>
            <tbody>
              {ordered.map(({ step, seen }) => (
                <tr key={seen.stepId} className="border-b border-slate-100 align-top" data-step-id={seen.stepId}>
                  <th scope="row" className="py-2 pr-4 font-medium text-slate-900">
                    {step?.name ?? seen.stepId}
                    <span className="block text-xs font-normal text-slate-600">
                      {labels.stepStatus(parseStepStatus(seen.status))}
                    </span>
                  </th>
                  <td className="py-2 pr-4">
                    <ObservedTime at={seen.startedAt} pending={seen.status === "notStarted"} />
                  </td>
                  <td className="py-2 pr-4">
                    <ObservedTime at={seen.finishedAt} pending={!FINISHED.has(seen.status)} />
                  </td>
                  <td className="py-2 pr-4">
                    <Took seen={seen} estimate={step?.estimatedTimeFrame ?? null} />
                  </td>
                  <td className="py-2 text-slate-700">{step?.estimatedTimeFrame ?? "–"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

const FINISHED: ReadonlySet<string> = new Set(["complete", "rejected", "canceled"]);

/**
 * A start or an end as observed: its time; "not yet" when it has not happened; "before
 * recording" when it happened before the dashboard first looked.
 */
function ObservedTime({ at, pending }: { at: string | null; pending: boolean }) {
  const t = useTranslations("history.steps");
  if (at) return <ExactTime value={at} />;
  return <span className="text-slate-600">{pending ? t("notYet") : t("beforeRecording")}</span>;
}

function Took({ seen, estimate }: { seen: ObservedStep; estimate: string | null }) {
  const t = useTranslations("history.steps");
  const locale = useLocale();
  const bound = parseTimeFrame(estimate);
  const running = useClockText((now) => (seen.startedAt && !seen.finishedAt ? now - Date.parse(seen.startedAt) : null));
  const ms = seen.durationMs ?? running;
  if (ms === null || Number.isNaN(ms)) return <span className="text-slate-600">–</span>;
  const text =
    seen.durationMs !== null ? formatDuration(ms, locale) : t("running", { duration: formatDuration(ms, locale) });
  const over = bound !== null && ms > bound;
  return (
    <span data-testid="step-duration">
      {text}
      {over ? <span className="ml-1 text-amber-800">({t("overEstimate")})</span> : null}
    </span>
  );
}
