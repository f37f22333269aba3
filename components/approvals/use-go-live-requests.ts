"use client";

import { useCallback, useMemo, useState } from "react";

import type { OfferSummary } from "@/lib/schemas/model";

import type { GoLiveRequest } from "./go-live-cell";
import type { GoLiveResult } from "./go-live-button";
import type { ActionNotice } from "./queue-notices";

/**
 * Go live requests made from this page, tracked until their offers leave the queue: pending
 * while the request runs (the row stays even if a refetch drops the offer from the queue),
 * accepted until the offer's indicator moves on, then listed as departed until dismissed.
 */
export function useGoLiveRequests(offers: readonly OfferSummary[] | undefined) {
  const [map, setMap] = useState<ReadonlyMap<string, GoLiveRequest>>(() => new Map());
  const [notice, setNotice] = useState<ActionNotice | null>(null);

  const put = (offerId: string, request: GoLiveRequest | null) =>
    setMap((m) => {
      const next = new Map(m);
      if (request) next.set(offerId, request);
      else next.delete(offerId);
      return next;
    });

  const onRequest = useCallback((offer: OfferSummary) => {
    put(offer.id, { offerId: offer.id, name: offer.name, at: Date.now(), state: "pending" });
  }, []);

  const onResult = useCallback((offer: OfferSummary, result: GoLiveResult) => {
    put(offer.id, result.ok ? { offerId: offer.id, name: offer.name, at: Date.now(), state: "accepted" } : null);
    // The words are chosen where the notice is shown, in the page's language at the time.
    setNotice((n) => {
      const seq = (n?.seq ?? 0) + 1;
      return result.ok
        ? { seq, offerId: offer.id, name: offer.name, ok: true }
        : { seq, offerId: offer.id, name: offer.name, ok: false, error: result.error };
    });
  }, []);

  const departed = useMemo(() => {
    if (!offers) return [];
    const byId = new Map(offers.map((o) => [o.id, o]));
    return [...map.values()]
      .filter((r) => r.state === "accepted" && byId.get(r.offerId)?.indicator !== "awaitingSignoff")
      .map((r) => ({ offerId: r.offerId, name: r.name, now: byId.get(r.offerId) }));
  }, [offers, map]);

  return {
    map,
    onRequest,
    onResult,
    notices: {
      notice,
      departed,
      onDismissNotice: () => setNotice(null),
      onDismissDeparted: (offerId: string) => put(offerId, null),
    },
  };
}
