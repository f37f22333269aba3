"use client";

import { useTranslations } from "next-intl";
import { useEffect, useSyncExternalStore } from "react";

import { findOverdue } from "@/lib/overdue";
import { NO_TIMING, stepTimings } from "@/lib/step-timing";
import type { OfferStatus } from "@/lib/schemas/model";
import { useNow } from "@/lib/use-now";

import { StepItem, stepAnchorId } from "./step-item";
import { useFirstSeen } from "./use-first-seen";
import { useObservedSteps } from "./use-observed-steps";

/**
 * The publishing steps, in the order the API gives them (they differ by offer type and have
 * changed over time, so nothing here assumes an order or a count).
 */
export function StepTimeline({ status }: { status: OfferStatus }) {
  const t = useTranslations("status");
  const now = useNow();
  const firstSeen = useFirstSeen(status.publisherId, status.offerId, status.steps);
  const target = useHashTarget();
  useScrollToHashOnce();

  const observed = useObservedSteps(status.publisherId, status.offerId);
  const timings = stepTimings(status.steps, now, observed);

  if (status.steps.length === 0) {
    return (
      <p className="rounded-lg border border-dashed border-slate-300 bg-white p-4 text-sm text-slate-600">
        {t("noSteps")}
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
          isTarget={target === stepAnchorId(step.id)}
          timing={timings[index] ?? NO_TIMING}
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

function subscribeToHash(onChange: () => void): () => void {
  window.addEventListener("hashchange", onChange);
  return () => window.removeEventListener("hashchange", onChange);
}

function readHash(): string {
  try {
    return decodeURIComponent(window.location.hash.slice(1));
  } catch {
    // A malformed escape in a hand-edited URL points at nothing.
    return "";
  }
}

/**
 * The anchor the address bar points at. The browser sets `:target` once, at load, before the
 * steps exist, so a deep-linked step would never match it; this follows the hash instead
 * (including later in-page links, such as the critical issues').
 */
function useHashTarget(): string {
  return useSyncExternalStore(subscribeToHash, readHash, () => "");
}

/** The steps render after the data arrives, too late for the browser's own jump to `#step-…`. */
function useScrollToHashOnce() {
  useEffect(() => {
    const id = readHash();
    if (!id.startsWith("step-")) return;
    document.getElementById(id)?.scrollIntoView({ block: "start" });
  }, []);
}
