"use client";

import { useMemo } from "react";

import {
  countByIndicator,
  countByType,
  filterByFacets,
  filterByText,
  paginate,
  sortOffers,
  type ListView,
} from "@/lib/offer-list";
import type { Labels } from "@/lib/labels";
import type { OfferSummary } from "@/lib/schemas/model";
import { useLabels } from "@/lib/use-labels";

const EMPTY: readonly OfferSummary[] = [];

/** The facet a page filters by, with its counts: All offers by status, Approvals by type. */
interface FacetCounts {
  status: ReturnType<typeof countByIndicator>;
  type: ReturnType<typeof countByType>;
}
const COUNT: { [F in keyof FacetCounts]: (offers: readonly OfferSummary[], labels: Labels) => FacetCounts[F] } = {
  status: (offers) => countByIndicator(offers),
  type: countByType,
};

/**
 * The list pipeline, memoised stage by stage: typing recomputes the text filter, a sort
 * click only the sort, a page change only the slice. Facet counts follow the text filter
 * but not the facets themselves, so every choice shows what picking it would give; only the
 * page's own facet is counted (a keystroke on All offers no longer counts 5,000 offer types).
 */
export function useOfferList<F extends keyof FacetCounts>(
  offers: readonly OfferSummary[] | undefined,
  view: ListView,
  facet: F,
) {
  const all = offers ?? EMPTY;
  const labels = useLabels();
  const { q, status, type, sort, dir, page, size } = view;

  // Sort once per data and order, then filter the sorted rows: filtering keeps their order
  // and the sort has a total tie-break, so a keystroke no longer re-sorts 5,000 rows (bench).
  const sorted = useMemo(() => sortOffers(all, sort, dir, labels), [all, sort, dir, labels]);
  const textMatches = useMemo(() => filterByText(sorted, q), [sorted, q]);
  const counts: FacetCounts[F] = useMemo(() => COUNT[facet](textMatches, labels), [facet, textMatches, labels]);
  // `status` and `type` keep their identity while the query string does (useListView memoises).
  const filtered = useMemo(() => filterByFacets(textMatches, { status, type }), [textMatches, status, type]);
  const current = useMemo(() => paginate(filtered, page, size), [filtered, page, size]);

  return { total: all.length, textMatches: textMatches.length, counts, page: current };
}
