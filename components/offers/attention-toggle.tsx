"use client";

import { useFormatter, useTranslations } from "next-intl";

import { Icon } from "@/components/ui/icon";
import type { ListConfig, ListView } from "@/lib/offer-list";
import type { HistoryMode } from "@/lib/use-list-view";

interface AttentionToggleProps {
  view: ListView;
  setView: (view: ListView, mode?: HistoryMode) => void;
  config: ListConfig;
  count: number;
}

/**
 * "Needs attention": only the offers that need a person (failed, a step overdue, blocked or
 * rejected, awaiting sign-off), the most pressing first. Turning it off restores the page's
 * own order if it was the attention order.
 */
export function AttentionToggle({ view, setView, config, count }: AttentionToggleProps) {
  const t = useTranslations("offers.toolbar");
  const format = useFormatter();
  const on = view.attention;
  function toggle() {
    if (on) {
      const reset = view.sort === "attention";
      setView({
        ...view,
        attention: false,
        sort: reset ? config.defaultSort : view.sort,
        dir: reset ? config.defaultDir : view.dir,
        page: 1,
      });
    } else {
      setView({ ...view, attention: true, sort: "attention", dir: "asc", page: 1 });
    }
  }
  return (
    <button
      type="button"
      aria-pressed={on}
      onClick={toggle}
      className={`inline-flex min-h-8 shrink-0 items-center gap-1.5 rounded-full border px-3 py-1 text-sm font-medium whitespace-nowrap ${on ? "border-amber-700 bg-amber-700 text-white" : "border-amber-400 bg-amber-50 text-amber-950 hover:bg-amber-100"}`}
    >
      <Icon name="warning" className="h-3.5 w-3.5" />
      {t("attention")}
      <span
        className={`rounded-full px-1.5 text-xs font-semibold tabular-nums ${on ? "bg-white/20 text-white" : "bg-white text-amber-950"}`}
      >
        {format.number(count)}
      </span>
    </button>
  );
}
