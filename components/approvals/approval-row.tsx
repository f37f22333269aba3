"use client";

import { memo } from "react";

import { IssueCounts } from "@/components/offers/issue-counts";
import { OfferLink } from "@/components/offers/offer-row";
import { handleRowClick, statusHref } from "@/components/offers/row-click";
import { useLabels } from "@/lib/use-labels";
import { waitStart } from "@/lib/offer-list";

import { GoLiveCell, type GoLiveCellProps } from "./go-live-cell";
import { PreviewLinks } from "./preview-links";
import { WaitedFor } from "./waited-for";

export interface ApprovalItemProps extends GoLiveCellProps {
  changed: boolean;
  navigate: (href: string) => void;
}

/** One offer in the approver's queue: how long it has waited, what is open, and Go live. */
export const ApprovalRow = memo(function ApprovalRow(props: ApprovalItemProps) {
  const { offer, publisherId, request, changed, navigate } = props;
  const href = statusHref(publisherId, offer.id);
  const labels = useLabels();
  return (
    <tr
      data-offer-id={offer.id}
      data-changed={changed || undefined}
      onClick={(event) => handleRowClick(event, href, navigate)}
      className={`cursor-pointer border-b border-slate-100 align-middle transition-[background-color] duration-1000 last:border-b-0 hover:bg-slate-50 ${changed ? "bg-amber-50" : request?.state === "accepted" ? "bg-blue-50/60" : ""}`}
    >
      <th scope="row" className="px-3 py-3 text-left font-normal">
        <OfferLink href={href} offer={offer} />
        <div className="mt-0.5 font-mono text-xs break-all text-slate-600">{offer.id}</div>
        <div className="mt-1.5">
          <PreviewLinks links={offer.previewLinks} offerName={offer.name} />
        </div>
      </th>
      <td className="px-3 py-3 text-slate-800">{labels.offerType(offer.offerTypeId)}</td>
      <td className="px-3 py-3">
        <WaitedFor since={waitStart(offer)} />
      </td>
      <td className="px-3 py-3">
        <IssueCounts errors={offer.errorCount} warnings={offer.warningCount} />
      </td>
      <td className="px-3 py-3 text-right">
        <GoLiveCell {...props} />
      </td>
    </tr>
  );
});
