"use client";

import { useRouter } from "next/navigation";
import { useCallback, type ReactNode } from "react";

import { SortableHead, type SortableColumn } from "@/components/offers/sortable-head";
import { SkeletonRows } from "@/components/offers/table-states";
import type { ListView, SortKey } from "@/lib/offer-list";
import type { Transition } from "@/lib/offer-transitions";
import type { OfferSummary } from "@/lib/schemas/model";

import { ApprovalRow, type GoLiveRequest } from "./approval-row";
import type { GoLiveResult } from "./go-live-button";

const COLUMNS: readonly SortableColumn[] = [
  { key: "name", label: "Offer", className: "w-[34%]" },
  { key: "type", label: "Type", className: "w-[15%]" },
  { key: "waited", label: "Waiting", className: "w-[14%]" },
  { key: "issues", label: "Open issues", className: "w-[17%]" },
];

export const APPROVAL_COLUMNS = COLUMNS.length + 1;

interface ApprovalsTableProps {
  publisherId: string;
  rows: readonly OfferSummary[] | null;
  view: ListView;
  requests: ReadonlyMap<string, GoLiveRequest>;
  changed: ReadonlyMap<string, Transition>;
  onSort: (key: SortKey) => void;
  onRequest: (offer: OfferSummary) => void;
  onResult: (offer: OfferSummary, result: GoLiveResult) => void;
  caption: string;
  empty: ReactNode;
}

/** The sign-off queue as a table: sortable headers, one row per waiting offer, Go live last. */
export function ApprovalsTable(props: ApprovalsTableProps) {
  const { publisherId, rows, view, requests, changed, onSort, onRequest, onResult, caption, empty } = props;
  const router = useRouter();
  const navigate = useCallback((href: string) => router.push(href), [router]);
  return (
    <table className="w-full table-fixed border-collapse text-sm">
      <caption className="sr-only">{caption}</caption>
      <SortableHead
        columns={COLUMNS}
        view={view}
        onSort={onSort}
        trailing={
          <th scope="col" className="w-[20%] px-3 py-2 text-right font-semibold">
            Action
          </th>
        }
      />
      <tbody>
        {rows === null ? (
          <SkeletonRows columns={APPROVAL_COLUMNS} rows={4} />
        ) : rows.length === 0 ? (
          empty
        ) : (
          rows.map((offer) => (
            <ApprovalRow
              key={offer.id}
              offer={offer}
              publisherId={publisherId}
              request={requests.get(offer.id)}
              changed={changed.has(offer.id)}
              navigate={navigate}
              onRequest={onRequest}
              onResult={onResult}
            />
          ))
        )}
      </tbody>
    </table>
  );
}
