import type { ReactNode } from "react";

import type { ListView, SortKey } from "@/lib/offer-list";

import { SortHeader } from "./sort-header";

export interface SortableColumn {
  key: SortKey;
  label: string;
  className?: string;
  align?: "right";
}

interface SortableHeadProps {
  columns: readonly SortableColumn[];
  view: Pick<ListView, "sort" | "dir">;
  onSort: (key: SortKey) => void;
  /** Header cells after the sortable ones (e.g. an actions column). */
  trailing?: ReactNode;
}

/** The header row of the offer tables: one sortable `<th scope="col">` per column. */
export function SortableHead({ columns, view, onSort, trailing }: SortableHeadProps) {
  return (
    <thead className="border-b border-slate-200 bg-slate-50 text-xs text-slate-600">
      <tr>
        {columns.map((c) => (
          <SortHeader
            key={c.key}
            label={c.label}
            column={c.key}
            sort={view.sort}
            dir={view.dir}
            onSort={onSort}
            className={c.className}
            align={c.align}
          />
        ))}
        {trailing}
      </tr>
    </thead>
  );
}
