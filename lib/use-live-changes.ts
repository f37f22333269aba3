"use client";

import { useEffect, useState } from "react";

import { describeTransitions, diffOffers, type Transition } from "@/lib/offer-transitions";
import type { OfferSummary } from "@/lib/schemas/model";
import { useLabels } from "@/lib/use-labels";

/** How long a changed row stays highlighted. */
export const HIGHLIGHT_MS = 6_000;

export interface Announcement {
  /** Increases with every announcement, so the same words twice are still announced. */
  seq: number;
  text: string;
}

const always = () => true;

/**
 * Watches a polled offer list for transitions: which rows changed on the last poll (to
 * highlight them) and one polite announcement per poll that changed something.
 */
export function useLiveChanges(
  offers: readonly OfferSummary[] | undefined,
  relevant: (t: Transition) => boolean = always,
) {
  const labels = useLabels();
  const [seen, setSeen] = useState(offers);
  const [changed, setChanged] = useState<ReadonlyMap<string, Transition>>(() => new Map());
  const [announcement, setAnnouncement] = useState<Announcement | null>(null);

  // Compared during render (React's "state from previous props" pattern): the highlight
  // and the announcement arrive with the data itself, not a frame later.
  if (offers !== seen) {
    setSeen(offers);
    const transitions = seen && offers ? diffOffers(seen, offers, labels).filter(relevant) : [];
    if (transitions.length > 0) {
      setChanged(new Map(transitions.map((t) => [t.offerId, t])));
      setAnnouncement((a) => ({ seq: (a?.seq ?? 0) + 1, text: describeTransitions(transitions, labels) }));
    }
  }

  useEffect(() => {
    if (changed.size === 0) return;
    const timer = setTimeout(() => setChanged(new Map()), HIGHLIGHT_MS);
    return () => clearTimeout(timer);
  }, [changed]);

  return { changed, announcement };
}
