"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useRef, useState } from "react";

import { usePolling } from "@/components/providers";
import {
  classifyAnswer,
  showsDone,
  verifyOutcome,
  VERIFY_BOUND_MS,
  type ActionOutcome,
  type Verification,
} from "@/lib/action-outcome";
import { fetchJson } from "@/lib/api-client";
import { postOfferAction, queryKeys, startBurst, type OfferAction, type OfferActionBody } from "@/lib/queries";
import type { OfferStatus } from "@/lib/schemas/model";
import type { Indicator } from "@/lib/schemas/vocabulary";

/**
 * Go live / Cancel publish for one offer. Whatever the answer, the offer's status and the
 * publisher's lists poll fast for a while, so the change shows up promptly wherever it is watched.
 */
export function useOfferAction(publisherId: string, offerId: string, action: OfferAction) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: ["offer-action", publisherId, offerId, action],
    mutationFn: (body?: OfferActionBody) => postOfferAction(publisherId, offerId, action, body),
    // Not awaited: the answer is shown at once, the fresh status follows.
    onSettled: () => {
      const keys = [queryKeys.offerStatus(publisherId, offerId), queryKeys.offers(publisherId)];
      keys.forEach(startBurst);
      for (const queryKey of keys) void queryClient.invalidateQueries({ queryKey, exact: true });
    },
  });
}

/**
 * Verifies an unknown outcome against the upstream: re-reads the offer's status (through our
 * API, not the page's cache) until it shows the action done or clearly not, bounded.
 */
export function useVerifyOutcome(publisherId: string) {
  const queryClient = useQueryClient();
  const { burstMs } = usePolling();
  return useCallback(
    (offerId: string, action: OfferAction, signal?: AbortSignal): Promise<Verification> =>
      verifyOutcome(action, {
        read: async () => {
          const fresh = await fetchJson<OfferStatus>(
            `/api/publishers/${encodeURIComponent(publisherId)}/offers/${encodeURIComponent(offerId)}/status`,
            { signal },
          );
          queryClient.setQueryData(queryKeys.offerStatus(publisherId, offerId), fresh);
          return fresh.data;
        },
        boundMs: VERIFY_BOUND_MS,
        intervalMs: Math.max(500, burstMs),
        signal,
      }),
    [publisherId, queryClient, burstMs],
  );
}

/** Once the outcome is seen, what the header shows (version, indicator) and the lists are read again. */
export function useRefreshAfterOutcome(publisherId: string) {
  const queryClient = useQueryClient();
  return useCallback(
    (offerId: string) => {
      for (const queryKey of [
        queryKeys.offer(publisherId, offerId),
        queryKeys.offerStatus(publisherId, offerId),
        queryKeys.offers(publisherId),
      ])
        void queryClient.invalidateQueries({ queryKey, exact: true });
    },
    [publisherId, queryClient],
  );
}

/** Where a Go live / Cancel of the Status tab stands. */
export type ActionPhase =
  | { phase: "idle" }
  | { phase: "sending"; action: OfferAction }
  /** Accepted: tracking the offer until its indicator shows it. */
  | { phase: "tracking"; action: OfferAction }
  /** Sent, outcome unknown: checking whether it went through. */
  | { phase: "checking"; action: OfferAction }
  | { phase: "notApplied"; action: OfferAction }
  | { phase: "undetermined"; action: OfferAction }
  | { phase: "info"; action: OfferAction; error: unknown }
  | { phase: "refused"; action: OfferAction; error: unknown };

/**
 * The Status tab's Go live / Cancel: sends, then never misreports the outcome. Accepted →
 * tracking until the indicator moves; unknown → checking against the offer's status (the
 * action is not offered again meanwhile); already done → information. When the indicator
 * shows the action done, the notice retires and the header refreshes.
 */
export function useActionFlow(publisherId: string, offerId: string, indicator: Indicator) {
  const golive = useOfferAction(publisherId, offerId, "golive");
  const cancel = useOfferAction(publisherId, offerId, "cancel");
  const verify = useVerifyOutcome(publisherId);
  const refresh = useRefreshAfterOutcome(publisherId);
  const [state, setState] = useState<ActionPhase>({ phase: "idle" });
  const abort = useRef<AbortController | null>(null);
  useEffect(() => () => abort.current?.abort(), []);

  // The outcome is seen: the notice retires, the header and lists read again.
  const active = state.phase === "tracking" || state.phase === "checking" ? state.action : null;
  const [retired, setRetired] = useState(0);
  if (active !== null && showsDone(active, indicator)) {
    // Adjusting state to a change of props, during render (React's documented pattern).
    setState({ phase: "idle" });
    setRetired((n) => n + 1);
  }
  useEffect(() => {
    if (retired === 0) return;
    abort.current?.abort();
    refresh(offerId);
  }, [retired, offerId, refresh]);

  const run = useCallback(
    async (action: OfferAction, body?: OfferActionBody): Promise<ActionOutcome> => {
      setState({ phase: "sending", action });
      const mutation = action === "golive" ? golive : cancel;
      let outcome: ActionOutcome;
      try {
        const res = await mutation.mutateAsync(body);
        outcome = classifyAnswer({ ok: true, value: res.data });
      } catch (error) {
        outcome = classifyAnswer({ ok: false, error });
        if (outcome === "info" || outcome === "refused") {
          setState({ phase: outcome, action, error });
          if (outcome === "info") refresh(offerId);
          return outcome;
        }
      }
      if (outcome === "accepted") {
        setState({ phase: "tracking", action });
        return outcome;
      }
      setState({ phase: "checking", action });
      const controller = new AbortController();
      abort.current?.abort();
      abort.current = controller;
      // In the background: the answer is in, the confirmation closes; the check goes on.
      void verify(offerId, action, controller.signal).then((verdict) => {
        if (controller.signal.aborted) return;
        if (verdict === "applied") {
          setState({ phase: "idle" });
          refresh(offerId);
        } else setState({ phase: verdict, action });
      });
      return outcome;
    },
    [golive, cancel, verify, refresh, offerId],
  );

  return { state, run, pending: golive.isPending || cancel.isPending };
}
