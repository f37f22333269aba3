import type { Labels } from "@/lib/labels";
import type { OfferStatus } from "@/lib/schemas/model";

/**
 * What changed between two polls of an offer's status, in words for a screen reader. Only
 * transitions are announced: a poll that changes nothing says nothing.
 */
export function describeTransitions(previous: OfferStatus | null, next: OfferStatus, labels: Labels): string[] {
  if (!previous || previous.offerId !== next.offerId || previous.publisherId !== next.publisherId) return [];
  const changes: string[] = [];
  if (previous.indicator !== next.indicator || previous.status.raw !== next.status.raw) {
    const before = labels.indicator(previous.indicator, previous.status.raw);
    const after = labels.indicator(next.indicator, next.status.raw);
    if (before !== after) changes.push(labels.announce.statusChanged(after));
  }
  const before = new Map(previous.steps.map((step) => [step.id, step]));
  for (const step of next.steps) {
    const old = before.get(step.id);
    if (!old) continue;
    if (old.status.value !== step.status.value || old.status.raw !== step.status.raw) {
      const label = labels.stepStatus(step.status);
      if (label !== labels.stepStatus(old.status)) changes.push(labels.announce.stepChanged(step.name, label));
    }
  }
  return changes;
}
