"use client";

import { useCallback, useEffect, useMemo, useRef, useState } from "react";

import { classifyAnswer } from "@/lib/action-outcome";
import type { OfferSummary } from "@/lib/schemas/model";
import { useRefreshAfterOutcome, useVerifyOutcome } from "@/lib/use-offer-action";

import type { GoLiveRequest } from "./go-live-cell";
import type { GoLiveResult } from "./go-live-button";
import type { ActionNotice } from "./queue-notices";

/**
 * Go live requests made from this page, tracked until their offers leave the queue: pending
 * while the request runs (the row stays even if a refetch drops the offer from the queue),
 * accepted until the offer's indicator moves on, then listed as departed until dismissed.
 * An answer that does not say whether it went through is checked against the offer's status
 * (the row says so and offers no Go live meanwhile); an offer already live or going live is
 * information, not a failure. The notice about a request retires once its outcome is seen.
 */
export function useGoLiveRequests(publisherId: string, offers: readonly OfferSummary[] | undefined) {
  const [map, setMap] = useState<ReadonlyMap<string, GoLiveRequest>>(() => new Map());
  const [notice, setNotice] = useState<ActionNotice | null>(null);
  const verify = useVerifyOutcome(publisherId);
  const refresh = useRefreshAfterOutcome(publisherId);
  const checks = useRef(new Map<string, AbortController>());
  useEffect(() => {
    const running = checks.current;
    return () => running.forEach((c) => c.abort());
  }, []);

  const put = (offerId: string, request: GoLiveRequest | null) =>
    setMap((m) => {
      const next = new Map(m);
      if (request) next.set(offerId, request);
      else next.delete(offerId);
      return next;
    });

  // The words are chosen where the notice is shown, in the page's language at the time.
  const say = useCallback((offerId: string, name: string, body: ActionNotice["body"]) => {
    setNotice((n) => ({ seq: (n?.seq ?? 0) + 1, offerId, name, body }));
  }, []);

  const onRequest = useCallback((offer: OfferSummary) => {
    put(offer.id, { offerId: offer.id, name: offer.name, at: Date.now(), state: "pending" });
  }, []);

  const onResult = useCallback(
    (offer: OfferSummary, result: GoLiveResult) => {
      const outcome = classifyAnswer(result.ok ? { ok: true, value: result.accepted } : result);
      if (outcome === "accepted") {
        put(offer.id, { offerId: offer.id, name: offer.name, at: Date.now(), state: "accepted" });
        say(offer.id, offer.name, { kind: "accepted" });
        return;
      }
      if (outcome === "info" || outcome === "refused") {
        put(offer.id, null);
        say(offer.id, offer.name, { kind: outcome, error: result.ok ? null : result.error });
        if (outcome === "info") refresh(offer.id);
        return;
      }
      put(offer.id, { offerId: offer.id, name: offer.name, at: Date.now(), state: "checking" });
      say(offer.id, offer.name, { kind: "checking" });
      const controller = new AbortController();
      checks.current.get(offer.id)?.abort();
      checks.current.set(offer.id, controller);
      void verify(offer.id, "golive", controller.signal).then((verdict) => {
        if (controller.signal.aborted) return;
        checks.current.delete(offer.id);
        refresh(offer.id);
        if (verdict === "applied") {
          // It went through: tracked like an accepted one, until the offer leaves the queue.
          put(offer.id, { offerId: offer.id, name: offer.name, at: Date.now(), state: "accepted" });
          say(offer.id, offer.name, { kind: "accepted" });
        } else {
          put(offer.id, null);
          say(offer.id, offer.name, { kind: verdict });
        }
      });
    },
    [say, verify, refresh],
  );

  const departed = useMemo(() => {
    if (!offers) return [];
    const byId = new Map(offers.map((o) => [o.id, o]));
    return [...map.values()]
      .filter((r) => r.state === "accepted" && byId.get(r.offerId)?.indicator !== "awaitingSignoff")
      .map((r) => ({ offerId: r.offerId, name: r.name, now: byId.get(r.offerId) }));
  }, [offers, map]);

  // The outcome is seen (the offer left the queue): the "accepted, tracking…" notice retires.
  const shown = notice?.body.kind === "accepted" && departed.some((d) => d.offerId === notice.offerId) ? null : notice;

  return {
    map,
    onRequest,
    onResult,
    notices: {
      notice: shown,
      departed,
      onDismissNotice: () => setNotice(null),
      onDismissDeparted: (offerId: string) => put(offerId, null),
    },
  };
}
