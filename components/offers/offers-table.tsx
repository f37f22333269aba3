"use client";

import { useTranslations } from "next-intl";
import type { ReactNode } from "react";

import type { ListView, SortKey } from "@/lib/offer-list";
import type { Transition } from "@/lib/offer-transitions";
import type { OfferSummary } from "@/lib/schemas/model";

import { rowId } from "@/lib/progressive-rows";
import { useProgressiveRows } from "@/lib/use-progressive-rows";

import { EmptyRow, PendingRows, SkeletonRows } from "./list-states";
import { OfferRow } from "./offer-row";
import { changedSinceVisit, type SinceVisit } from "./since-visit";
import { useNavigate } from "./row-click";
import { SortableHead } from "./sortable-head";

const COLUMNS = [
  { key: "name", className: "w-[26%]" },
  { key: "id", className: "w-[20%]" },
  { key: "type", className: "w-[13%]" },
  { key: "version", className: "w-[7%]", align: "right" },
  { key: "changed", className: "w-[12%]" },
  { key: "status", className: "w-[22%]" },
] as const satisfies readonly { key: SortKey; className: string; align?: "right" }[];

export interface OfferListProps {
  publisherId: string;
  /** The page's offers, or null before the first load. */
  rows: readonly OfferSummary[] | null;
  changed: ReadonlyMap<string, Transition>;
  /** What changed since the user's last visit (marked beside the name). */
  sinceVisit: SinceVisit;
  /** What the list is, for assistive tech: "Offers of publisher contoso; page 1 of 3". */
  caption: string;
  /** Shown in place of offers when there are none (an EmptyState). */
  empty: ReactNode;
}

/** All offers as a real table: caption, sortable column headers, one row per offer. */
export function OffersTable({
  publisherId,
  rows,
  view,
  changed,
  sinceVisit,
  onSort,
  caption,
  empty,
}: OfferListProps & { view: ListView; onSort: (key: SortKey) => void }) {
  const t = useTranslations("offers.columns");
  const navigate = useNavigate();
  const columns = COLUMNS.map((c) => ({ ...c, label: t(c.key) }));
  const progressive = useProgressiveRows(rows, rowId);
  return (
    <table className="w-full table-fixed border-collapse text-sm">
      <caption className="sr-only">{caption}</caption>
      <SortableHead columns={columns} view={view} onSort={onSort} />
      <tbody>
        {progressive === null ? (
          <SkeletonRows columns={COLUMNS.length} />
        ) : progressive.shown.length === 0 ? (
          <EmptyRow columns={COLUMNS.length}>{empty}</EmptyRow>
        ) : (
          <>
            {progressive.shown.map((offer) => (
              <OfferRow
                key={offer.id}
                offer={offer}
                publisherId={publisherId}
                changed={changed.has(offer.id)}
                sinceVisit={changedSinceVisit(sinceVisit, offer.id)}
                navigate={navigate}
              />
            ))}
            <PendingRows columns={COLUMNS.length} count={progressive.pending} />
          </>
        )}
      </tbody>
    </table>
  );
}
