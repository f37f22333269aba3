"use client";

import { useRouter, useSearchParams } from "next/navigation";
import { useCallback, useEffect, useMemo, useState } from "react";

import { parseListView, serializeListView, type ListConfig, type ListView } from "@/lib/offer-list";

export type HistoryMode = "push" | "replace";

interface Requested {
  view: ListView;
  search: string;
  /** Query strings this page asked for lately (and the one it started from). */
  asked: readonly string[];
}

/** How long after the last request the URL may still pass through earlier ones. */
const SETTLE_MS = 5_000;

/**
 * The list's view (filter, sort, page) lives in the query string, so a link or a reload
 * reproduces it and Back undoes a discrete change: `router.replace` while typing, `push`
 * for discrete changes. The router answers after a round trip, and with several requests
 * in flight the URL can pass through earlier ones; so the view the user last asked for
 * shows at once and stays until the URL changes for another reason (Back/Forward, a link),
 * which the URL alone then decides. Without this, typing would be rolled back mid-word
 * (seen with a busy main thread: the URL went "serve", "serv", "serve").
 */
export function useListView(config: ListConfig) {
  const router = useRouter();
  const query = useSearchParams().toString();
  const fromUrl = useMemo(() => parseListView(new URLSearchParams(query), config), [query, config]);
  const [requested, setRequested] = useState<Requested | null>(null);

  // A URL this page did not ask for is someone else's word: it wins.
  const urlSearch = serializeListView(fromUrl, config);
  if (requested && !requested.asked.includes(urlSearch)) setRequested(null);

  // Once the requests have settled, only the latest one is an echo.
  useEffect(() => {
    if (!requested || requested.asked.length === 1) return;
    const timer = setTimeout(() => setRequested((r) => r && { ...r, asked: [r.search] }), SETTLE_MS);
    return () => clearTimeout(timer);
  }, [requested]);

  useEffect(() => {
    const drop = () => setRequested(null);
    window.addEventListener("popstate", drop);
    return () => window.removeEventListener("popstate", drop);
  }, []);

  const setView = useCallback(
    (next: ListView, mode: HistoryMode = "push") => {
      const search = serializeListView(next, config);
      // Normalised through the parser, exactly as it will come back from the URL.
      const view = parseListView(new URLSearchParams(search), config);
      const current = serializeListView(parseListView(new URLSearchParams(window.location.search), config), config);
      setRequested((r) => ({ view, search, asked: [...(r?.asked ?? [current]).slice(-50), search] }));
      const url = `${window.location.pathname}${search}`;
      if (mode === "replace") router.replace(url, { scroll: false });
      else router.push(url, { scroll: false });
    },
    [config, router],
  );

  return { view: requested?.view ?? fromUrl, setView };
}
