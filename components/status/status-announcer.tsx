"use client";

import { useState } from "react";

import type { OfferStatus } from "@/lib/schemas/model";
import { describeTransitions } from "@/lib/status-transitions";
import { useLabels } from "@/lib/use-labels";

/**
 * Tells screen reader users when a step or the offer changes status, politely and only on a
 * transition: a poll that changes nothing leaves the region untouched, so nothing is re-read.
 */
export function StatusAnnouncer({ status }: { status: OfferStatus }) {
  const labels = useLabels();
  const [previous, setPrevious] = useState(status);
  const [announcement, setAnnouncement] = useState("");

  if (previous !== status) {
    // Adjusting state while rendering, React's pattern for "compare with the last props".
    const changes = describeTransitions(previous, status, labels);
    setPrevious(status);
    if (changes.length > 0) setAnnouncement(changes.join(" "));
  }

  return (
    <div role="status" aria-live="polite" aria-atomic="true" className="sr-only" data-testid="status-announcer">
      {announcement}
    </div>
  );
}
