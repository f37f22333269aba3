"use client";

import { useSearchParams } from "next/navigation";
import { useCallback, useEffect, useMemo, useState } from "react";

import { parseListView, serializeListView, type ListConfig, type ListView } from "@/lib/offer-list";

export type HistoryMode = "push" | "replace";

interface Pending {
  /** The view last asked for, shown until the URL has caught up with it. */
  view: ListView;
  /** Query strings written to the URL that it has not shown yet, oldest first. */
  written: readonly string[];
}

/**
 * The list's view (filter, sort, page) lives in the query string, so a link or a reload
 * reproduces it and Back undoes a discrete change. It is written with the History API —
 * `replaceState` while typing, `pushState` for discrete changes — which Next.js folds into
 * `useSearchParams` without a server request.
 *
 * Next applies such a write in a transition, a render or so later; meanwhile the view asked
 * for shows at once, so typing is never rolled back. When the URL moves, it is either one of
 * the writes catching up (in order) or someone else's word (Back/Forward, a link, the
 * publisher switcher), which then wins.
 */
export function useListView(config: ListConfig) {
  const query = useSearchParams().toString();
  const fromUrl = useMemo(() => parseListView(new URLSearchParams(query), config), [query, config]);
  const urlSearch = serializeListView(fromUrl, config);
  const [pending, setPending] = useState<Pending | null>(null);
  const [seen, setSeen] = useState(urlSearch);

  if (urlSearch !== seen) {
    setSeen(urlSearch);
    if (pending) {
      const at = pending.written.indexOf(urlSearch);
      // Caught up with the last write, or someone else's URL: the URL decides again. An
      // earlier write on its way keeps the view asked for.
      if (at < 0 || urlSearch === pending.written.at(-1)) setPending(null);
      else setPending({ ...pending, written: pending.written.slice(at + 1) });
    }
  }

  // Back/Forward is never ours, even when it lands on a query string we wrote.
  useEffect(() => {
    const drop = () => setPending(null);
    window.addEventListener("popstate", drop);
    return () => window.removeEventListener("popstate", drop);
  }, []);

  const setView = useCallback(
    (next: ListView, mode: HistoryMode = "push") => {
      const search = serializeListView(next, config);
      const url = `${window.location.pathname}${search}`;
      if (`${window.location.pathname}${window.location.search}` === url) return;
      // Normalised through the parser, exactly as it will come back from the URL.
      const view = parseListView(new URLSearchParams(search), config);
      setPending((p) => ({ view, written: [...(p?.written ?? []), search] }));
      if (mode === "replace") window.history.replaceState(null, "", url);
      else window.history.pushState(null, "", url);
    },
    [config],
  );

  return { view: pending?.view ?? fromUrl, setView };
}
