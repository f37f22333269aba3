"use client";

import { useTranslations } from "next-intl";

import { RelativeTime } from "@/components/ui/relative-time";
import type { HistoryTransition } from "@/lib/schemas/history";
import type { Step } from "@/lib/schemas/model";
import { parseMessageLevel, parseStepStatus } from "@/lib/schemas/vocabulary";
import { useLabels } from "@/lib/use-labels";

import { ExactTime } from "./exact-time";

const card = "min-w-0 rounded-lg border border-slate-200 bg-white p-3 shadow-sm sm:p-4";

/** The offer's recorded changes, newest first, with who pressed Go live / Cancel. */
export function TransitionList({ transitions, steps }: { transitions: HistoryTransition[]; steps: Step[] }) {
  const t = useTranslations("history.changes");
  return (
    <section aria-labelledby="changes-heading" className={card}>
      <h2 id="changes-heading" className="text-lg font-semibold">
        {t("heading")}
      </h2>
      <p className="mt-1 text-sm text-slate-600">{t("caption")}</p>
      {transitions.length === 0 ? (
        <p className="mt-3 text-sm text-slate-600">{t("empty")}</p>
      ) : (
        <ol className="mt-3 divide-y divide-slate-100" data-testid="transitions">
          {transitions.map((item, index) => (
            <li
              key={`${item.at}-${index}`}
              className="flex flex-col gap-0.5 py-2 sm:flex-row sm:gap-4"
              data-kind={item.kind}
            >
              <span className="shrink-0 text-xs text-slate-600 sm:w-56 sm:text-sm">
                <ExactTime value={item.at} /> <span aria-hidden="true">·</span> <RelativeTime value={item.at} />
              </span>
              <span className="min-w-0 text-sm wrap-anywhere text-slate-900">
                <TransitionText item={item} steps={steps} />
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function TransitionText({ item, steps }: { item: HistoryTransition; steps: Step[] }) {
  const t = useTranslations("history.changes");
  const labels = useLabels();
  const stepWords = (value: string) => labels.stepStatus(parseStepStatus(value));
  switch (item.kind) {
    case "indicator":
      return item.from === null
        ? t("firstSeen", { status: labels.indicator(item.to, item.to) })
        : t("indicator", { from: labels.indicator(item.from, item.from), to: labels.indicator(item.to, item.to) });
    case "step": {
      const name = steps.find((s) => s.id === item.stepId)?.name ?? item.stepName;
      return item.from === null
        ? t("stepAppeared", { step: name, to: stepWords(item.to) })
        : t("step", { step: name, from: stepWords(item.from), to: stepWords(item.to) });
    }
    case "message":
      return t("message", {
        level: labels.level(parseMessageLevel(item.level)).toLocaleLowerCase(labels.locale),
        where: item.stepName ?? t("theOffer"),
        text: item.text,
      });
    case "action": {
      const outcome = t(`outcomes.${item.outcome}`);
      const line = t("action", { user: item.user ?? t("someone"), action: t(`actions.${item.action}`), outcome });
      return item.acknowledgedErrors ? `${line} (${t("acknowledged", { count: item.acknowledgedErrors })})` : line;
    }
  }
}
