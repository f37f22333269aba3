/**
 * What changed between two polls of an offer list: an offer's indicator or its current
 * step (a new step, or the same step in a new state). Progress creeping forward is not a
 * transition, so screen readers hear about real changes only, never about every poll.
 */
import type { Labels } from "@/lib/labels";
import type { CurrentStep, OfferSummary } from "@/lib/schemas/model";

export interface Transition {
  /** The offer as it is now. */
  offer: OfferSummary;
  offerId: string;
  name: string;
  kind: "indicator" | "step";
  from: string;
  to: string;
  /** The offer's indicator before and after (the same for a step change). */
  fromIndicator: OfferSummary["indicator"];
  toIndicator: OfferSummary["indicator"];
}

function statusText(offer: OfferSummary, labels: Labels): string {
  return labels.indicator(offer.indicator, offer.status.raw);
}

function stepText(step: CurrentStep, labels: Labels): string {
  if (step.status.value === "inProgress") return step.name;
  return labels.announce.stepWithState(step.name, labels.stepStatus(step.status).toLocaleLowerCase(labels.locale));
}

function sameStep(a: CurrentStep | null, b: CurrentStep | null): boolean {
  if (a === null || b === null) return a === b;
  return a.id === b.id && a.status.value === b.status.value && a.status.raw === b.status.raw;
}

/**
 * Transitions from `prev` to `next`. Offers that appear or disappear are not transitions
 * (a new offer is not news to announce); a step that could not be read this time
 * (`statusError`) is not a change either.
 */
export function diffOffers(prev: readonly OfferSummary[], next: readonly OfferSummary[], labels: Labels): Transition[] {
  const before = new Map(prev.map((o) => [o.id, o]));
  const out: Transition[] = [];
  for (const offer of next) {
    const old = before.get(offer.id);
    if (!old) continue;
    const base = {
      offer,
      offerId: offer.id,
      name: offer.name,
      fromIndicator: old.indicator,
      toIndicator: offer.indicator,
    };
    if (old.indicator !== offer.indicator || (offer.indicator === "unknown" && old.status.raw !== offer.status.raw)) {
      out.push({ ...base, kind: "indicator", from: statusText(old, labels), to: statusText(offer, labels) });
    } else if (!offer.statusError && !old.statusError && !sameStep(old.currentStep, offer.currentStep)) {
      if (!old.currentStep || !offer.currentStep) continue;
      out.push({
        ...base,
        kind: "step",
        from: stepText(old.currentStep, labels),
        to: stepText(offer.currentStep, labels),
      });
    }
  }
  return out;
}

/** One sentence per transition, e.g. "Contoso SaaS: Awaiting publisher sign-off → Live." */
export function describeTransition(t: Transition, labels: Labels): string {
  return labels.announce.transition(t.name, t.from, t.to);
}

/** One announcement for one poll: the first few changes, then how many more. */
export function describeTransitions(transitions: readonly Transition[], labels: Labels, max = 3): string {
  if (transitions.length === 0) return "";
  // Status changes matter more than step changes; say them first.
  const ordered = [...transitions].sort((a, b) => (a.kind === b.kind ? 0 : a.kind === "indicator" ? -1 : 1));
  const shown = ordered.slice(0, max).map((t) => describeTransition(t, labels));
  const rest = ordered.length - shown.length;
  if (rest > 0) shown.push(labels.announce.moreChanged(rest));
  return shown.join(" ");
}
