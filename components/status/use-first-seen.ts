"use client";

import { useEffect } from "react";

import { firstSeenKey, isWatchedStatus } from "@/lib/overdue";
import type { Step } from "@/lib/schemas/model";

function storage(): Storage | null {
  try {
    return typeof window === "undefined" ? null : window.sessionStorage;
  } catch {
    // Storage can be blocked by the browser's privacy settings.
    return null;
  }
}

/**
 * Remembers, per browser tab session, when each step was first seen in progress: the fallback
 * start for steps whose messages carry no timestamp. Returns a reader for the remembered time.
 */
export function useFirstSeen(publisherId: string, offerId: string, steps: Step[]): (stepId: string) => number | null {
  useEffect(() => {
    const store = storage();
    if (!store) return;
    for (const step of steps) {
      const key = firstSeenKey(publisherId, offerId, step.id);
      if (!isWatchedStatus(step.status.value)) store.removeItem(key);
      else if (store.getItem(key) === null) store.setItem(key, String(Date.now()));
    }
  }, [publisherId, offerId, steps]);

  return (stepId) => {
    const raw = storage()?.getItem(firstSeenKey(publisherId, offerId, stepId));
    const at = raw ? Number(raw) : Number.NaN;
    return Number.isFinite(at) ? at : null;
  };
}
