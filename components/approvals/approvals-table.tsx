"use client";

import { useTranslations } from "next-intl";
import type { ReactNode } from "react";

import { EmptyRow, PendingRows, SkeletonRows } from "@/components/offers/list-states";
import { useNavigate } from "@/components/offers/row-click";
import { SortableHead } from "@/components/offers/sortable-head";
import type { ListView, SortKey } from "@/lib/offer-list";
import type { Transition } from "@/lib/offer-transitions";
import type { OfferSummary } from "@/lib/schemas/model";
import { rowId } from "@/lib/progressive-rows";
import { useProgressiveRows } from "@/lib/use-progressive-rows";

import { ApprovalRow } from "./approval-row";
import type { GoLiveResult } from "./go-live-button";
import type { GoLiveRequest } from "./go-live-cell";

const COLUMNS = [
  { key: "name", className: "w-[34%]" },
  { key: "type", className: "w-[15%]" },
  { key: "waited", className: "w-[14%]" },
  { key: "issues", className: "w-[17%]" },
] as const satisfies readonly { key: SortKey; className: string }[];

/** The sortable columns and the Action column. */
const COLUMN_COUNT = COLUMNS.length + 1;

const LABEL_KEY = { name: "offer", type: "type", waited: "waited", issues: "issues" } as const;

export interface ApprovalListProps {
  publisherId: string;
  /** The page's queued offers, or null before the first load. */
  rows: readonly OfferSummary[] | null;
  requests: ReadonlyMap<string, GoLiveRequest>;
  changed: ReadonlyMap<string, Transition>;
  onRequest: (offer: OfferSummary) => void;
  onResult: (offer: OfferSummary, result: GoLiveResult) => void;
  caption: string;
  /** Shown in place of offers when there are none (an EmptyState). */
  empty: ReactNode;
}

/** The sign-off queue as a table: sortable headers, one row per waiting offer, Go live last. */
export function ApprovalsTable(props: ApprovalListProps & { view: ListView; onSort: (key: SortKey) => void }) {
  const { publisherId, rows, view, requests, changed, onSort, onRequest, onResult, caption, empty } = props;
  const t = useTranslations("approvals.columns");
  const navigate = useNavigate();
  const columns = COLUMNS.map((c) => ({ ...c, label: t(LABEL_KEY[c.key]) }));
  const progressive = useProgressiveRows(rows, rowId);
  return (
    <table className="w-full table-fixed border-collapse text-sm">
      <caption className="sr-only">{caption}</caption>
      <SortableHead
        columns={columns}
        view={view}
        onSort={onSort}
        trailing={
          <th scope="col" className="w-[20%] px-3 py-2 text-right font-semibold">
            {t("action")}
          </th>
        }
      />
      <tbody>
        {progressive === null ? (
          <SkeletonRows columns={COLUMN_COUNT} rows={4} />
        ) : progressive.shown.length === 0 ? (
          <EmptyRow columns={COLUMN_COUNT}>{empty}</EmptyRow>
        ) : (
          <>
            {progressive.shown.map((offer) => (
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
            ))}
            <PendingRows columns={COLUMN_COUNT} count={progressive.pending} />
          </>
        )}
      </tbody>
    </table>
  );
}
