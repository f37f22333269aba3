"use client";

import { useFormatter } from "next-intl";
import type { ReactNode } from "react";

export interface FacetOption<T extends string = string> {
  value: T;
  label: string;
  count: number;
  icon?: ReactNode;
}

interface FacetFilterProps<T extends string> {
  legend: string;
  options: readonly FacetOption<T>[];
  selected: readonly T[];
  /** Label of the "everything" choice, e.g. "All statuses". */
  allLabel: string;
  total: number;
  onChange: (selected: T[]) => void;
}

const chip =
  "inline-flex items-center gap-1.5 rounded-full border px-3 py-1 text-sm whitespace-nowrap transition-colors focus-visible:outline-offset-1";
const on = "border-slate-900 bg-slate-900 text-white";
const off = "border-slate-300 bg-white text-slate-800 hover:bg-slate-100";

/**
 * Toggle chips with a count each (several may be on at once). Real buttons with
 * aria-pressed, so the state is read out and works from the keyboard. Their name is what they
 * show ("All statuses 8"), so a speech user can say what they see (WCAG 2.5.3).
 */
export function FacetFilter<T extends string>({
  legend,
  options,
  selected,
  allLabel,
  total,
  onChange,
}: FacetFilterProps<T>) {
  const chosen = new Set<T>(selected);
  return (
    <fieldset className="shrink-0 sm:w-full sm:min-w-0 sm:shrink">
      <legend className="sr-only">{legend}</legend>
      <div className="flex gap-2 sm:flex-wrap">
        <button
          type="button"
          aria-pressed={chosen.size === 0}
          onClick={() => onChange([])}
          className={`${chip} ${chosen.size === 0 ? on : off}`}
        >
          <Label text={allLabel} count={total} inverted={chosen.size === 0} />
        </button>
        {options.map((option) => {
          const pressed = chosen.has(option.value);
          return (
            <button
              key={option.value}
              type="button"
              aria-pressed={pressed}
              onClick={() =>
                onChange(pressed ? selected.filter((v) => v !== option.value) : [...selected, option.value])
              }
              className={`${chip} ${pressed ? on : off}`}
            >
              {option.icon}
              <Label text={option.label} count={option.count} inverted={pressed} />
            </button>
          );
        })}
      </div>
    </fieldset>
  );
}

function Label({ text, count, inverted }: { text: string; count: number; inverted: boolean }) {
  const format = useFormatter();
  return (
    <>
      {text}{" "}
      <span
        className={`rounded-full px-1.5 text-xs font-semibold tabular-nums ${inverted ? "bg-white/20 text-white" : "bg-slate-100 text-slate-700"}`}
      >
        {format.number(count)}
      </span>
    </>
  );
}
