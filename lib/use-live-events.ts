"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";

import { queryKeys, setStreamHealthy } from "@/lib/queries";

/**
 * Listens to /api/events while a signed-in page is open: each recorded change refreshes the
 * queries it concerns at once (the offer list, the offer's status and history, the attention
 * queue, the inbox when it produced notifications), and polling slows down while the stream is healthy. EventSource reconnects by itself
 * with Last-Event-ID; if the stream cannot be had (no store, signed out) polling carries on.
 */
export function useLiveEvents(enabled: boolean): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!enabled || typeof EventSource === "undefined") return;
    const source = new EventSource("/api/events");
    source.onopen = () => setStreamHealthy(true);
    source.onerror = () => setStreamHealthy(false);
    source.addEventListener("offer", (message) => {
      let event: { publisherId?: unknown; offerId?: unknown; notifications?: unknown };
      try {
        event = JSON.parse((message as MessageEvent<string>).data) as typeof event;
      } catch {
        return;
      }
      if (typeof event.publisherId !== "string") return;
      // The change produced notifications: the bell learns of them now, not at its next poll.
      if (Array.isArray(event.notifications) && event.notifications.length > 0)
        void queryClient.invalidateQueries({ queryKey: queryKeys.inbox() });
      // Our URLs keep the id's own spelling; the recorder speaks lower case.
      const publisher = event.publisherId;
      void queryClient.invalidateQueries({
        predicate: (query) => {
          const [root, id] = query.queryKey;
          if (root === "attention" || root === "activity") return true;
          return root === "publishers" && typeof id === "string" && id.toLowerCase() === publisher;
        },
      });
    });
    source.addEventListener("reset", () => void queryClient.invalidateQueries());
    return () => {
      source.close();
      setStreamHealthy(false);
    };
  }, [enabled, queryClient]);
}
