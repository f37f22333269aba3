"use client";

import { useSyncExternalStore } from "react";

/**
 * One shared ticking clock for relative times ("updated 12 s ago"), so a table of 5,000 rows
 * does not start 5,000 timers.
 */
const listeners = new Set<() => void>();
let now = Date.now();
let timer: ReturnType<typeof setInterval> | undefined;

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  timer ??= setInterval(() => {
    now = Date.now();
    listeners.forEach((l) => l());
  }, 1_000);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

/** The current time, re-rendering the caller each second. */
export function useNow(): number {
  return useSyncExternalStore(
    subscribe,
    () => now,
    () => now,
  );
}

/**
 * What the caller shows of the clock ("3 days ago"), re-rendering it only when that changes:
 * a page of 50 rows whose times read in days no longer re-renders, lays out and repaints every
 * second (bench: idle main-thread time of All offers). `show` must return a primitive.
 */
export function useClockText<T extends string | number | null>(show: (now: number) => T): T {
  return useSyncExternalStore(
    subscribe,
    () => show(now),
    () => show(now),
  );
}
