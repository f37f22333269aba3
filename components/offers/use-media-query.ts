"use client";

import { useCallback, useSyncExternalStore } from "react";

/**
 * Whether a media query matches, kept current. The server renders for a desktop (`false`);
 * a phone switches right after hydration. One layout is rendered at a time rather than both
 * with one hidden by CSS: a page of 200 offers is costly enough once.
 */
export function useMediaQuery(query: string): boolean {
  const subscribe = useCallback(
    (onChange: () => void) => {
      const list = window.matchMedia(query);
      list.addEventListener("change", onChange);
      return () => list.removeEventListener("change", onChange);
    },
    [query],
  );
  return useSyncExternalStore(
    subscribe,
    () => window.matchMedia(query).matches,
    () => false,
  );
}

/** Below Tailwind's `sm` breakpoint the offer lists are cards rather than tables. */
export function usePhoneLayout(): boolean {
  return useMediaQuery("(width < 40rem)");
}
