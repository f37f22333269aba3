"use client";

import Link from "next/link";
import { memo } from "react";

import { RelativeTime } from "@/components/ui/relative-time";
import { useLabels } from "@/lib/use-labels";
import type { OfferSummary } from "@/lib/schemas/model";

import { handleRowClick, statusHref } from "./row-click";
import { SinceVisitMark } from "./since-visit";
import { StatusCell } from "./status-cell";

interface OfferRowProps {
  offer: OfferSummary;
  publisherId: string;
  changed: boolean;
  sinceVisit: boolean;
  navigate: (href: string) => void;
}

/** One offer on All offers; memoised so a poll re-renders only the rows whose data changed. */
export const OfferRow = memo(function OfferRow({ offer, publisherId, changed, sinceVisit, navigate }: OfferRowProps) {
  const href = statusHref(publisherId, offer.id);
  return (
    <tr
      data-offer-id={offer.id}
      data-changed={changed || undefined}
      onClick={(event) => handleRowClick(event, href, navigate)}
      className={`cursor-pointer border-b border-slate-100 align-top transition-[background-color] duration-1000 last:border-b-0 hover:bg-slate-50 ${changed ? "bg-amber-50" : ""}`}
    >
      <th scope="row" className="px-3 py-3 text-left font-normal">
        <OfferLink href={href} offer={offer} />
        {sinceVisit ? <SinceVisitMark /> : null}
      </th>
      <td className="px-3 py-3 font-mono text-xs break-all text-slate-700">{offer.id}</td>
      <td className="px-3 py-3 text-slate-800">
        <OfferType offerTypeId={offer.offerTypeId} />
      </td>
      <td className="px-3 py-3 text-right text-slate-800 tabular-nums">{offer.version ?? "–"}</td>
      <td className="px-3 py-3 whitespace-nowrap text-slate-700">
        <RelativeTime value={offer.changedTime} />
      </td>
      <td className="px-3 py-3">
        <StatusCell offer={offer} changed={changed} />
      </td>
    </tr>
  );
});

/** The offer's name as the way to its Status tab (the id when it has no name). */
export function OfferLink({ href, offer }: { href: string; offer: Pick<OfferSummary, "name" | "id"> }) {
  return (
    <Link href={href} prefetch={false} className="text-brand-700 font-medium underline-offset-2 hover:underline">
      {offer.name || offer.id}
    </Link>
  );
}

/** A readable type name; a type we do not know shows its raw id. */
export function OfferType({ offerTypeId }: { offerTypeId: string }) {
  const label = useLabels().offerType(offerTypeId);
  return label !== offerTypeId ? label : <span className="font-mono text-xs break-all">{offerTypeId}</span>;
}
