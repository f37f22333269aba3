"use client";

import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

/**
 * False on the server and during hydration, true after. For parts that must not take part in
 * the server render: e.g. a query the page hydrates further down, which must not exist in the
 * cache before the page's HydrationBoundary has filled it.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}
