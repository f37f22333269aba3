/**
 * How often the watcher reads an offer's status: pure, so the pace is decided in one tested
 * place. An offer in flight is read at a tenth of its current step's estimate ("< 15 min" →
 * every 90 s, "~2-3 days" → the slowest pace), bounded by WATCH_MIN_MS / WATCH_MAX_MS; one
 * awaiting sign-off slowly (a person must act); a terminal one not at all until its list
 * entry changes. Failures back off exponentially, at least as long as Retry-After asks.
 */
import { parseTimeFrame } from "@/lib/overdue";
import type { OfferStatus, OfferSummary } from "@/lib/schemas/model";

export interface Pace {
  minMs: number;
  maxMs: number;
}

const FRACTION_OF_ESTIMATE = 10;

const clamp = (value: number, pace: Pace) => Math.min(pace.maxMs, Math.max(pace.minMs, value));

/** Milliseconds until the next status read, or null when only a list change warrants one. */
export function statusInterval(status: OfferStatus, pace: Pace): number | null {
  switch (status.indicator) {
    case "publishing": {
      const step = status.steps.find((s) => s.id === status.currentStepId);
      const estimate = parseTimeFrame(step?.estimatedTimeFrame);
      return clamp(estimate === null ? pace.minMs * 3 : estimate / FRACTION_OF_ESTIMATE, pace);
    }
    case "awaitingSignoff":
    case "unknown":
      return pace.maxMs;
    default:
      return null;
  }
}

/** Whether a list entry warrants reading the offer's status now. */
export function wantsStatusRead(
  summary: OfferSummary,
  previous: OfferSummary | null,
  entryChanged: boolean,
  scheduled: boolean,
): boolean {
  const inFlight = summary.status.value === "running" || summary.status.value === "waitingForPublisherReview";
  if (inFlight) return entryChanged || !scheduled;
  if (!entryChanged) return false;
  // A publish that just ended (its last steps), or a failure (its failing step and errors).
  const wasInFlight = previous?.status.value === "running" || previous?.status.value === "waitingForPublisherReview";
  return wasInFlight || summary.status.value === "failed" || summary.status.value === "unknown";
}

/** The wait after `failures` failures in a row (1, 2, …), at least the server's Retry-After. */
export function backoff(failures: number, pace: Pace, retryAfterSeconds?: number): number {
  const exponential = Math.min(pace.maxMs, pace.minMs * 2 ** Math.max(0, failures - 1));
  return Math.max(exponential, (retryAfterSeconds ?? 0) * 1000);
}
