"use client";

import { useTranslations } from "next-intl";

import { Icon } from "@/components/ui/icon";
import { RelativeTime } from "@/components/ui/relative-time";
import type { OfferSummary } from "@/lib/schemas/model";

import { GoLiveButton, type GoLiveResult } from "./go-live-button";

export interface GoLiveRequest {
  offerId: string;
  name: string;
  at: number;
  /** pending: sent; accepted: tracking; checking: sent, outcome unknown, being verified. */
  state: "pending" | "accepted" | "checking";
}

export interface GoLiveCellProps {
  offer: OfferSummary;
  publisherId: string;
  request: GoLiveRequest | undefined;
  onRequest: (offer: OfferSummary) => void;
  onResult: (offer: OfferSummary, result: GoLiveResult) => void;
}

/** Go live, or once the Marketplace accepted the request, when it was asked for. */
export function GoLiveCell({ offer, publisherId, request, onRequest, onResult }: GoLiveCellProps) {
  const t = useTranslations("approvals.goLive");
  if (request?.state === "checking") {
    // Sent, outcome unknown: not offered again until the offer's status says.
    return (
      <span
        className="inline-flex items-center gap-1.5 text-sm font-medium text-blue-800"
        data-testid="golive-checking"
      >
        <Icon name="spinner" />
        {t("checking")}
      </span>
    );
  }
  if (request?.state === "accepted") {
    return (
      <span className="inline-flex flex-col items-end gap-0.5 text-sm">
        <span className="inline-flex items-center gap-1.5 font-medium text-blue-800">
          <Icon name="clock" />
          {t("requested")}
        </span>
        <span className="text-right text-xs text-slate-600">
          {t.rich("requestedAgo", { time: () => <RelativeTime value={request.at} /> })}
        </span>
      </span>
    );
  }
  return <GoLiveButton publisherId={publisherId} offer={offer} onRequest={onRequest} onResult={onResult} />;
}
