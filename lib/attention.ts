import { findOverdue, type Overdue } from "@/lib/overdue";
import type { OfferSummary } from "@/lib/schemas/model";

/**
 * What on an offer needs a person, as a list row can tell it: a failed publish, a step past
 * its estimate, a blocked or rejected step, or a preview awaiting sign-off. Pure, so the
 * "Needs attention" filter and sort and the rows' words all come from one rule.
 */
export type AttentionReason = "failed" | "overdue" | "blocked" | "rejected" | "awaitingSignoff";

/** The order a person deals with them: broken first, then stuck, then waiting on them. */
export const ATTENTION_ORDER: readonly AttentionReason[] = [
  "failed",
  "overdue",
  "blocked",
  "rejected",
  "awaitingSignoff",
];
const RANK = new Map(ATTENTION_ORDER.map((r, i) => [r, i]));

/** The current step's overdue facts (from its estimate and first message), or null. */
export function listOverdue(offer: OfferSummary, now: number): Overdue | null {
  const step = offer.currentStep;
  if (!step) return null;
  return findOverdue({
    status: step.status.value,
    estimatedTimeFrame: step.estimatedTimeFrame,
    startedAt: step.startedAt,
    firstSeenAt: null,
    now,
  });
}

/** The most pressing reason the offer needs attention, or null when it needs none. */
export function attentionOf(offer: OfferSummary, now: number): AttentionReason | null {
  if (offer.indicator === "failed") return "failed";
  if (listOverdue(offer, now)) return "overdue";
  const step = offer.currentStep?.status.value;
  if (step === "blocked") return "blocked";
  if (step === "rejected") return "rejected";
  if (offer.indicator === "awaitingSignoff") return "awaitingSignoff";
  return null;
}

/** 0 for the most pressing; null for an offer that needs nothing. */
export function attentionRank(offer: OfferSummary, now: number): number | null {
  const reason = attentionOf(offer, now);
  return reason === null ? null : (RANK.get(reason) ?? null);
}
