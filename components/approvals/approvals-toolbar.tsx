"use client";

import { FacetFilter } from "@/components/offers/facet-filter";
import { SearchBox } from "@/components/offers/search-box";
import type { ListView } from "@/lib/offer-list";

interface ApprovalsToolbarProps {
  view: ListView;
  typeCounts: { type: string; label: string; count: number }[];
  total: number;
  onQuery: (q: string) => void;
  onType: (type: string[]) => void;
}

/**
 * Text filter and offer-type filter of the queue (every offer here awaits sign-off, so the
 * type is the useful facet). A chosen type with no offers left stays visible to undo it.
 */
export function ApprovalsToolbar({ view, typeCounts, total, onQuery, onType }: ApprovalsToolbarProps) {
  const known = new Set(typeCounts.map((t) => t.type));
  const options = [
    ...typeCounts.map((t) => ({ value: t.type, label: t.label, count: t.count })),
    ...view.type.filter((t) => !known.has(t)).map((t) => ({ value: t, label: t, count: 0 })),
  ];
  return (
    <div className="flex flex-col gap-3">
      <SearchBox
        value={view.q}
        onCommit={onQuery}
        label="Filter the queue by name or id"
        placeholder="Filter by name or id"
      />
      {options.length > 1 || view.type.length > 0 ? (
        <FacetFilter
          legend="Filter by offer type"
          allLabel="All types"
          total={total}
          options={options}
          selected={view.type}
          onChange={onType}
        />
      ) : null}
    </div>
  );
}
