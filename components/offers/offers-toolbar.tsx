"use client";

import { IndicatorIcon } from "@/components/ui/status-badges";
import type { ListView } from "@/lib/offer-list";
import { useLabels } from "@/lib/use-labels";
import type { Indicator } from "@/lib/schemas/vocabulary";

import { FacetFilter } from "./facet-filter";
import { SearchBox } from "./search-box";

/** The lifecycle order for the status chips. */
const CHIP_ORDER: readonly Indicator[] = [
  "draft",
  "publishing",
  "awaitingSignoff",
  "live",
  "failed",
  "canceled",
  "delisted",
  "unknown",
];

interface OffersToolbarProps {
  view: ListView;
  /** Counts mean nothing before the first load: the status filter waits for it. */
  loaded: boolean;
  counts: Record<Indicator, number>;
  total: number;
  onQuery: (q: string) => void;
  onStatus: (status: Indicator[]) => void;
}

/** Text filter and status filter of All offers; a status with no offers shows only if chosen. */
export function OffersToolbar({ view, loaded, counts, total, onQuery, onStatus }: OffersToolbarProps) {
  const labels = useLabels();
  const options = CHIP_ORDER.filter((i) => counts[i] > 0 || view.status.includes(i)).map((i) => ({
    value: i,
    label: labels.indicatorFilter(i),
    count: counts[i],
    icon: <IndicatorIcon indicator={i} />,
  }));
  return (
    <div className="flex flex-col gap-3">
      <SearchBox
        value={view.q}
        onCommit={onQuery}
        label="Filter offers by name or id"
        placeholder="Filter by name or id"
      />
      {loaded ? (
        <FacetFilter
          legend="Filter by status"
          allLabel="All statuses"
          total={total}
          options={options}
          selected={view.status}
          onChange={onStatus}
        />
      ) : null}
    </div>
  );
}
