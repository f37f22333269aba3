"use client";

import { useTranslations } from "next-intl";
import { useId } from "react";

import { initialDir, type ListView, type SortDir, type SortKey } from "@/lib/offer-list";

interface SortSelectProps {
  keys: readonly SortKey[];
  view: Pick<ListView, "sort" | "dir">;
  onSort: (sort: SortKey, dir: SortDir) => void;
}

const flip = (dir: SortDir): SortDir => (dir === "asc" ? "desc" : "asc");

/**
 * The order of the phone's cards, which have no column headers to click: one native select
 * of column and direction ("Last changed, newest first"), each column's natural order first.
 */
export function SortSelect({ keys, view, onSort }: SortSelectProps) {
  const t = useTranslations("offers.list");
  const id = useId();
  return (
    <div className="flex max-w-[45%] min-w-0 items-center gap-2 text-sm sm:max-w-none">
      <label htmlFor={id} className="sr-only shrink-0 text-slate-700 sm:not-sr-only">
        {t("sortBy")}
      </label>
      <select
        id={id}
        value={`${view.sort}:${view.dir}`}
        onChange={(event) => {
          const [sort, dir] = event.target.value.split(":") as [SortKey, SortDir];
          onSort(sort, dir);
        }}
        className="min-w-0 flex-1 rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm text-slate-900"
      >
        {keys.flatMap((key) =>
          [initialDir(key), flip(initialDir(key))].map((dir) => (
            <option key={`${key}:${dir}`} value={`${key}:${dir}`}>
              {t(`sort.${key}.${dir}`)}
            </option>
          )),
        )}
      </select>
    </div>
  );
}
