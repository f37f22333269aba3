"use client";

import { useSearchParams } from "next/navigation";
import { useCallback, useEffect, useMemo, useState } from "react";

import { parseListView, serializeListView, type ListConfig, type ListView } from "@/lib/offer-list";

export type HistoryMode = "push" | "replace";

interface Ours {
  /** The view last asked for: shown at once, and kept (the same object) once the URL has it. */
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
 * publisher switcher), which then wins. The view keeps its identity when the URL catches up,
 * so the list's memoised stages are not recomputed for the echo.
 */
export function useListView(config: ListConfig) {
  const query = useSearchParams().toString();
  const fromUrl = useMemo(() => parseListView(new URLSearchParams(query), config), [query, config]);
  const urlSearch = serializeListView(fromUrl, config);
  const [ours, setOurs] = useState<Ours | null>(null);
  const [seen, setSeen] = useState(urlSearch);

  if (urlSearch !== seen) {
    setSeen(urlSearch);
    if (ours) {
      // One of our writes (the last, or an earlier one on its way), else someone else's URL.
      const at = urlSearch === ours.written.at(-1) ? ours.written.length - 1 : ours.written.indexOf(urlSearch);
      setOurs(at < 0 ? null : { ...ours, written: ours.written.slice(at + 1) });
    }
  }

  // A link to the query string the URL had before our latest write (All offers clicked right
  // after typing) can leave useSearchParams unchanged when Next applies both in one render;
  // the address bar then no longer shows our latest write. Where the Navigation API exists
  // (Chromium), every URL change is checked against it.
  useEffect(() => {
    const navigation = (window as { navigation?: EventTarget }).navigation;
    if (!navigation) return;
    const check = () =>
      setOurs((o) => {
        const last = o?.written.at(-1);
        return last !== undefined && normalise(window.location.search, config) !== last ? null : o;
      });
    navigation.addEventListener("currententrychange", check);
    return () => navigation.removeEventListener("currententrychange", check);
  }, [config]);

  // Back/Forward: the entry's URL decides at once, even when it is a query string we wrote.
  // It is taken from the location rather than waiting for useSearchParams: after a reload,
  // Next 16 may not apply a traversal between entries written with pushState (the router
  // keeps the previous URL's search params while the address bar moved on). The router's
  // own echo then settles it, and a later different URL wins as any other.
  useEffect(() => {
    const here = window.location.pathname;
    const follow = () => {
      // Back/Forward to another page: this one is on its way out.
      if (window.location.pathname !== here) return setOurs(null);
      const search = normalise(window.location.search, config);
      setOurs({ view: parseListView(new URLSearchParams(search), config), written: [search] });
    };
    window.addEventListener("popstate", follow);
    return () => window.removeEventListener("popstate", follow);
  }, [config]);

  const setView = useCallback(
    (next: ListView, mode: HistoryMode = "push") => {
      const search = serializeListView(next, config);
      const url = `${window.location.pathname}${search}`;
      if (`${window.location.pathname}${window.location.search}` === url) return;
      // Normalised through the parser, exactly as it will come back from the URL.
      const view = parseListView(new URLSearchParams(search), config);
      setOurs((o) => ({ view, written: [...(o?.written ?? []), search] }));
      if (mode === "replace") window.history.replaceState(null, "", url);
      else window.history.pushState(null, "", url);
    },
    [config],
  );

  return { view: ours?.view ?? fromUrl, setView };
}

/** A query string as this list writes it (defaults left out, unknown values dropped). */
function normalise(search: string, config: ListConfig): string {
  return serializeListView(parseListView(new URLSearchParams(search), config), config);
}
