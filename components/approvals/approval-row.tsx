"use client";

import Link from "next/link";
import { memo } from "react";

import { IssueCounts } from "@/components/offers/issue-counts";
import { handleRowClick, statusHref } from "@/components/offers/row-click";
import { Icon } from "@/components/ui/icon";
import { RelativeTime } from "@/components/ui/relative-time";
import { useLabels } from "@/lib/use-labels";
import { waitStart } from "@/lib/offer-list";
import type { OfferSummary } from "@/lib/schemas/model";

import { GoLiveButton, type GoLiveResult } from "./go-live-button";
import { WaitedFor } from "./waited-for";

export interface GoLiveRequest {
  offerId: string;
  name: string;
  at: number;
  state: "pending" | "accepted";
}

interface ApprovalRowProps {
  offer: OfferSummary;
  publisherId: string;
  request: GoLiveRequest | undefined;
  changed: boolean;
  navigate: (href: string) => void;
  onRequest: (offer: OfferSummary) => void;
  onResult: (offer: OfferSummary, result: GoLiveResult) => void;
}

/** One offer in the approver's queue: how long it has waited, what is open, and Go live. */
export const ApprovalRow = memo(function ApprovalRow(props: ApprovalRowProps) {
  const { offer, publisherId, request, changed, navigate, onRequest, onResult } = props;
  const href = statusHref(publisherId, offer.id);
  const accepted = request?.state === "accepted";
  const labels = useLabels();
  return (
    <tr
      data-offer-id={offer.id}
      data-changed={changed || undefined}
      onClick={(event) => handleRowClick(event, href, navigate)}
      className={`cursor-pointer border-b border-slate-100 align-middle transition-colors duration-1000 last:border-b-0 hover:bg-slate-50 ${changed ? "bg-amber-50" : accepted ? "bg-blue-50/60" : ""}`}
    >
      <th scope="row" className="px-3 py-3 text-left font-normal">
        <Link href={href} prefetch={false} className="text-brand-700 font-medium underline-offset-2 hover:underline">
          {offer.name || offer.id}
        </Link>
        <div className="mt-0.5 font-mono text-xs break-all text-slate-600">{offer.id}</div>
      </th>
      <td className="px-3 py-3 text-slate-800">{labels.offerType(offer.offerTypeId)}</td>
      <td className="px-3 py-3">
        <WaitedFor since={waitStart(offer)} />
      </td>
      <td className="px-3 py-3">
        <IssueCounts errors={offer.errorCount} warnings={offer.warningCount} />
      </td>
      <td className="px-3 py-3 text-right">
        {accepted ? (
          <span className="inline-flex flex-col items-end gap-0.5 text-sm">
            <span className="inline-flex items-center gap-1.5 font-medium text-blue-800">
              <Icon name="clock" />
              Go live requested
            </span>
            <span className="text-xs text-slate-600">
              <RelativeTime value={request.at} />, waiting for the Marketplace
            </span>
          </span>
        ) : (
          <GoLiveButton publisherId={publisherId} offer={offer} onRequest={onRequest} onResult={onResult} />
        )}
      </td>
    </tr>
  );
});
