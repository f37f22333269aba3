"use client";

import { useRouter } from "next/navigation";
import { useCallback, type ReactNode } from "react";

import type { ListView, SortKey } from "@/lib/offer-list";
import type { Transition } from "@/lib/offer-transitions";
import type { OfferSummary } from "@/lib/schemas/model";

import { OfferRow } from "./offer-row";
import { SortableHead, type SortableColumn } from "./sortable-head";
import { SkeletonRows } from "./table-states";

const COLUMNS: readonly SortableColumn[] = [
  { key: "name", label: "Name", className: "w-[26%]" },
  { key: "id", label: "Offer id", className: "w-[20%]" },
  { key: "type", label: "Type", className: "w-[13%]" },
  { key: "version", label: "Version", className: "w-[7%]", align: "right" },
  { key: "changed", label: "Last changed", className: "w-[12%]" },
  { key: "status", label: "Status", className: "w-[22%]" },
];

interface OffersTableProps {
  publisherId: string;
  rows: readonly OfferSummary[] | null;
  view: ListView;
  changed: ReadonlyMap<string, Transition>;
  onSort: (key: SortKey) => void;
  caption: string;
  /** Shown in place of rows when there are none. */
  empty: ReactNode;
}

export const OFFER_COLUMNS = COLUMNS.length;

/** All offers as a real table: caption, sortable column headers, one row per offer. */
export function OffersTable({ publisherId, rows, view, changed, onSort, caption, empty }: OffersTableProps) {
  const router = useRouter();
  const navigate = useCallback((href: string) => router.push(href), [router]);
  return (
    <table className="w-full table-fixed border-collapse text-sm">
      <caption className="sr-only">{caption}</caption>
      <SortableHead columns={COLUMNS} view={view} onSort={onSort} />
      <tbody>
        {rows === null ? (
          <SkeletonRows columns={COLUMNS.length} />
        ) : rows.length === 0 ? (
          empty
        ) : (
          rows.map((offer) => (
            <OfferRow
              key={offer.id}
              offer={offer}
              publisherId={publisherId}
              changed={changed.has(offer.id)}
              navigate={navigate}
            />
          ))
        )}
      </tbody>
    </table>
  );
}
