"use client";

import { useMemo } from "react";

import {
  countByIndicator,
  countByType,
  countNeedingAttention,
  filterByFacets,
  filterByText,
  paginate,
  sortOffers,
  type ListConfig,
  type ListView,
} from "@/lib/offer-list";
import type { OfferSummary } from "@/lib/schemas/model";
import { useLabels } from "@/lib/use-labels";
import { useClockText } from "@/lib/use-now";

const EMPTY: readonly OfferSummary[] = [];
const MINUTE = 60_000;

/** The facets a page offers, each counted: All offers by status, type and attention; Approvals by type. */
export interface FacetChoice {
  status?: boolean;
  type?: boolean;
  attention?: boolean;
}

/**
 * The list pipeline, memoised stage by stage: typing recomputes the text filter, a sort
 * click only the sort, a page change only the slice. Facet counts follow the text filter
 * but not the facets themselves, so every choice shows what picking it would give; only the
 * page's own facets are counted (a keystroke does not count facets nobody sees). "Overdue"
 * is judged on a clock that moves by the minute, so it does not re-sort every second.
 */
export function useOfferList(
  offers: readonly OfferSummary[] | undefined,
  view: ListView,
  facets: FacetChoice,
  config: Pick<ListConfig, "tieBreak">,
) {
  const all = offers ?? EMPTY;
  const labels = useLabels();
  const now = useClockText((t) => Math.floor(t / MINUTE) * MINUTE);
  const { q, status, type, attention, sort, dir, page, size } = view;
  const { tieBreak } = config;

  // Sort once per data and order, then filter the sorted rows: filtering keeps their order
  // and the sort has a total tie-break, so a keystroke no longer re-sorts 5,000 rows (bench).
  const sorted = useMemo(
    () => sortOffers(all, sort, dir, labels, { tieBreak, now }),
    [all, sort, dir, labels, tieBreak, now],
  );
  const textMatches = useMemo(() => filterByText(sorted, q), [sorted, q]);
  const statusCounts = useMemo(
    () => (facets.status ? countByIndicator(textMatches) : null),
    [facets.status, textMatches],
  );
  const typeCounts = useMemo(
    () => (facets.type ? countByType(textMatches, labels) : null),
    [facets.type, textMatches, labels],
  );
  const attentionCount = useMemo(
    () => (facets.attention ? countNeedingAttention(textMatches, now) : null),
    [facets.attention, textMatches, now],
  );
  // `status` and `type` keep their identity while the query string does (useListView memoises).
  const filtered = useMemo(
    () => filterByFacets(textMatches, { status, type, attention, now }),
    [textMatches, status, type, attention, now],
  );
  const current = useMemo(() => paginate(filtered, page, size), [filtered, page, size]);

  return {
    total: all.length,
    textMatches: textMatches.length,
    statusCounts,
    typeCounts,
    attentionCount,
    page: current,
  };
}
