import type { Dataset, OfferRecord, Run } from "./model";
import { addRun, demoDurations } from "./offer-factory";
import { createRng, formatTimestamp, guidFrom } from "./random";
import { deriveOffer, deriveRun, isInProgress } from "./simulation";

/** The only mutations of offer state: publish, go live, cancel and appended messages. */

export type ActionResult =
  | { readonly ok: true; readonly run: Run; readonly opId: string }
  | { readonly ok: false; readonly status: number; readonly code: string; readonly message: string };

function touch(ds: Dataset, offer: OfferRecord): void {
  offer.rev++;
  ds.rev++;
}

export function publish(ds: Dataset, offer: OfferRecord, now: number, emails: string | null): ActionResult {
  const state = deriveOffer(offer, now);
  if (isInProgress(state.phase)) {
    return { ok: false, status: 409, code: "Conflict", message: "An operation is already running for this offer." };
  }
  const previous = state.run;
  if (previous !== null) {
    const prior = deriveRun(offer, previous, now);
    offer.pastPreviewed ||= prior.signoffReachedMs !== null;
    offer.pastLive ||= prior.phase === "succeeded";
  }
  offer.baseVersion = state.version;
  offer.delisted = false;
  if (emails !== null) offer.emails = emails;
  const rng = createRng(ds.seed, offer.publisherId, offer.id, "publish", offer.runs.length);
  const run = addRun(offer, { seed: ds.seed, durations: demoDurations(rng, offer.offerTypeId), startMs: now });
  touch(ds, offer);
  return { ok: true, run, opId: run.opId };
}

export function goLive(ds: Dataset, offer: OfferRecord, now: number): ActionResult {
  const state = deriveOffer(offer, now);
  const run = state.run;
  if (run === null || state.phase !== "signoff") {
    return {
      ok: false,
      status: 400,
      code: "InvalidOperation",
      message: `Offer '${offer.id}' is not waiting for publisher sign-off.`,
    };
  }
  run.goLiveMs = now;
  run.goLiveOpId = guidFrom(ds.seed, offer.publisherId, offer.id, "golive", offer.runs.length - 1, now);
  touch(ds, offer);
  return { ok: true, run, opId: run.goLiveOpId };
}

export function cancel(ds: Dataset, offer: OfferRecord, now: number): ActionResult {
  const state = deriveOffer(offer, now);
  const run = state.run;
  if (run === null || !isInProgress(state.phase)) {
    return { ok: false, status: 400, code: "InvalidOperation", message: "No operation in progress to cancel." };
  }
  run.cancelMs = now;
  run.cancelOpId = guidFrom(ds.seed, offer.publisherId, offer.id, "cancel", offer.runs.length - 1, now);
  touch(ds, offer);
  return { ok: true, run, opId: run.cancelOpId };
}

export function appendMessage(
  ds: Dataset,
  offer: OfferRecord,
  now: number,
  message: { stepId: string; level: string; messageHtml: string },
): void {
  offer.appended.push({ ...message, timestamp: formatTimestamp(now, offer.stampStyle, offer.salt) });
  touch(ds, offer);
}

export function touchOffer(ds: Dataset, offer: OfferRecord): void {
  touch(ds, offer);
}
