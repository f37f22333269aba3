"use client";

import { useEffect } from "react";

import { findOverdue } from "@/lib/overdue";
import type { OfferStatus } from "@/lib/schemas/model";
import { useNow } from "@/lib/use-now";

import { StepItem } from "./step-item";
import { useFirstSeen } from "./use-first-seen";

/**
 * The publishing steps, in the order the API gives them (they differ by offer type and have
 * changed over time, so nothing here assumes an order or a count).
 */
export function StepTimeline({ status }: { status: OfferStatus }) {
  const now = useNow();
  const firstSeen = useFirstSeen(status.publisherId, status.offerId, status.steps);
  useScrollToHashOnce();

  if (status.steps.length === 0) {
    return (
      <p className="rounded-lg border border-dashed border-slate-300 bg-white p-4 text-sm text-slate-600">
        No publishing steps yet. They appear once the offer is published.
      </p>
    );
  }
  return (
    <ol className="mt-2" data-testid="timeline">
      {status.steps.map((step, index) => (
        <StepItem
          key={step.id}
          step={step}
          index={index}
          isCurrent={step.id === status.currentStepId}
          isLast={index === status.steps.length - 1}
          overdue={findOverdue({
            status: step.status.value,
            estimatedTimeFrame: step.estimatedTimeFrame,
            startedAt: step.startedAt,
            firstSeenAt: firstSeen(step.id),
            now,
          })}
        />
      ))}
    </ol>
  );
}

/** The steps render after the data arrives, too late for the browser's own jump to `#step-…`. */
function useScrollToHashOnce() {
  useEffect(() => {
    const id = decodeURIComponent(window.location.hash.slice(1));
    if (!id.startsWith("step-")) return;
    document.getElementById(id)?.scrollIntoView({ block: "start" });
  }, []);
}
