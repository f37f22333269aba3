"use client";

import { useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";

import { parseListView, serializeListView, type ListConfig, type ListView } from "@/lib/offer-list";

export type HistoryMode = "push" | "replace";

/**
 * The list's view (filter, sort, page) lives in the query string, so a link or a reload
 * reproduces it and Back undoes a discrete change. It goes through the History API, which
 * Next.js folds into its router: no server round trip per keystroke or sort click on these
 * dynamic pages, and `useSearchParams` still follows Back and Forward.
 */
export function useListView(config: ListConfig) {
  const searchParams = useSearchParams();
  const query = searchParams.toString();
  const view = useMemo(() => parseListView(new URLSearchParams(query), config), [query, config]);

  const setView = useCallback(
    (next: ListView, mode: HistoryMode = "push") => {
      const search = serializeListView(next, config);
      if (search === window.location.search) return;
      const url = `${window.location.pathname}${search}${window.location.hash}`;
      // `null`: Next.js copies its own history state in; passing the current state (which
      // carries Next's marker) would bypass its router and leave useSearchParams behind.
      if (mode === "replace") window.history.replaceState(null, "", url);
      else window.history.pushState(null, "", url);
    },
    [config],
  );

  return { view, setView };
}
