import { SIGNOFF_STEP_ID, stepIndex, stepsFor } from "./catalog";
import type { Failure, Hold, OfferRecord, Run, ScheduledMessage } from "./model";
import { guidFrom, hashString, type Rng, type StampStyle } from "./random";

export const SECOND = 1000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

export interface OfferInit {
  readonly seed: number;
  readonly t0: number;
  readonly publisherId: string;
  readonly id: string;
  readonly offerTypeId: string;
  readonly displayText: string;
  readonly baseStatus?: "neverPublished" | "notStarted";
  readonly baseVersion?: number;
  readonly createdAgoMs?: number;
  readonly liveAlias?: string | null;
  readonly delisted?: boolean;
  readonly migrated?: boolean;
  readonly operationLocation?: boolean;
  readonly casing?: "camel" | "pascal";
  readonly signoffEta?: boolean;
  readonly zeroProgressQuirk?: boolean;
  readonly stampStyle?: StampStyle;
  readonly signoffStatus?: "running" | "waitingForPublisherReview";
  readonly emails?: string;
  readonly pastPreviewed?: boolean;
  readonly pastLive?: boolean;
}

export function makeOffer(init: OfferInit): OfferRecord {
  const salt = hashString(`${init.seed}/${init.publisherId}/${init.id}`);
  return {
    publisherId: init.publisherId,
    id: init.id,
    offerTypeId: init.offerTypeId,
    displayText: init.displayText,
    salt,
    createdMs: init.t0 - (init.createdAgoMs ?? 30 * DAY) + (salt % 3_600_000),
    baseStatus: init.baseStatus ?? "neverPublished",
    baseVersion: init.baseVersion ?? 1,
    runs: [],
    pastPreviewed: init.pastPreviewed ?? false,
    pastLive: init.pastLive ?? false,
    liveAlias: init.liveAlias ?? null,
    delisted: init.delisted ?? false,
    migrated: init.migrated ?? false,
    operationLocation: init.operationLocation ?? false,
    casing: init.casing ?? "camel",
    signoffEta: init.signoffEta ?? true,
    zeroProgressQuirk: init.zeroProgressQuirk ?? false,
    stampStyle: init.stampStyle ?? 7,
    signoffStatus: init.signoffStatus ?? "running",
    emails: init.emails ?? `publishing@${init.publisherId}.com`,
    appended: [],
    override: null,
    rev: 0,
    cache: null,
  };
}

export interface RunInit {
  readonly seed: number;
  readonly durations: readonly number[];
  readonly startMs: number;
  readonly goLiveMs?: number | null;
  readonly cancelMs?: number | null;
  readonly failure?: Failure | null;
  readonly holds?: Readonly<Record<string, Hold>>;
  readonly messages?: readonly ScheduledMessage[];
  readonly statusAlias?: string | null;
  readonly signoffStatus?: "running" | "waitingForPublisherReview";
}

/** Appends a run (the new current run) publishing `baseVersion + 1`. */
export function addRun(offer: OfferRecord, init: RunInit): Run {
  const index = offer.runs.length;
  const opId = (kind: string): string => guidFrom(init.seed, offer.publisherId, offer.id, kind, index);
  const goLiveMs = init.goLiveMs ?? null;
  const cancelMs = init.cancelMs ?? null;
  const run: Run = {
    opId: opId("publish"),
    publishingVersion: offer.baseVersion + 1,
    offerVersion: offer.baseVersion,
    startMs: init.startMs,
    durations: init.durations,
    signoffStatus: init.signoffStatus ?? offer.signoffStatus,
    goLiveMs,
    goLiveOpId: goLiveMs === null ? null : opId("golive"),
    cancelMs,
    cancelOpId: cancelMs === null ? null : opId("cancel"),
    failure: init.failure ?? null,
    holds: init.holds ?? {},
    messages: init.messages ?? [],
    statusAlias: init.statusAlias ?? null,
    emails: offer.emails,
  };
  offer.runs.push(run);
  offer.rev++;
  return run;
}

/** A few seconds of millisecond-grained noise, so generated instants do not look round. */
export function jitter(rng: Rng, ms: number, maxMs = 45 * SECOND): number {
  return ms + rng.int(1, maxMs);
}

/** Demo pace: 30–120 s per automatic step before sign-off, 30–90 s after it. */
export function demoDurations(rng: Rng, offerTypeId: string): number[] {
  const steps = stepsFor(offerTypeId);
  const signoff = stepIndex(offerTypeId, SIGNOFF_STEP_ID);
  return steps.map((_, i) => (i < signoff ? rng.int(30 * SECOND, 120 * SECOND) : rng.int(30 * SECOND, 90 * SECOND)));
}

/** Plausible durations for runs that finished before the clock started (minutes to hours). */
export function historicDurations(rng: Rng, offerTypeId: string): number[] {
  const steps = stepsFor(offerTypeId);
  const signoff = stepIndex(offerTypeId, SIGNOFF_STEP_ID);
  return steps.map((_, i) => (i < signoff ? rng.int(4 * MINUTE, 5 * HOUR) : rng.int(10 * MINUTE, 20 * HOUR)));
}

/** History before sign-off (realistic pace), demo pace after it (the part still to come). */
export function mixedDurations(rng: Rng, offerTypeId: string): number[] {
  const signoff = stepIndex(offerTypeId, SIGNOFF_STEP_ID);
  const demo = demoDurations(rng, offerTypeId);
  return historicDurations(rng, offerTypeId).map((d, i) => (i < signoff ? d : (demo[i] ?? d)));
}

function sumBetween(durations: readonly number[], from: number, to: number): number {
  let total = 0;
  for (let i = from; i < to; i++) total += durations[i] ?? 0;
  return total;
}

/** Run start such that `stepId` (before sign-off) is `fraction` done at `t0`. */
export function startAtStep(
  t0: number,
  offerTypeId: string,
  durations: readonly number[],
  stepId: string,
  fraction: number,
): number {
  const index = stepIndex(offerTypeId, stepId);
  return t0 - sumBetween(durations, 0, index) - Math.ceil(fraction * (durations[index] ?? 0));
}

/** Run start such that it reached sign-off `agoMs` before `t0`. */
export function startAtSignoff(t0: number, offerTypeId: string, durations: readonly number[], agoMs: number): number {
  return t0 - agoMs - sumBetween(durations, 0, stepIndex(offerTypeId, SIGNOFF_STEP_ID));
}

/** Go-live instant such that the post-sign-off `stepId` is `fraction` done at `t0`. */
export function goLiveAtStep(
  t0: number,
  offerTypeId: string,
  durations: readonly number[],
  stepId: string,
  fraction: number,
): number {
  const signoff = stepIndex(offerTypeId, SIGNOFF_STEP_ID);
  const index = stepIndex(offerTypeId, stepId);
  return t0 - sumBetween(durations, signoff + 1, index) - Math.ceil(fraction * (durations[index] ?? 0));
}

/** A complete run that went live and finished `agoMs` before `t0`; returns { startMs, goLiveMs }. */
export function finishedAgo(
  t0: number,
  offerTypeId: string,
  durations: readonly number[],
  agoMs: number,
  signoffWaitMs: number,
) {
  const signoff = stepIndex(offerTypeId, SIGNOFF_STEP_ID);
  const goLiveMs = t0 - agoMs - sumBetween(durations, signoff + 1, durations.length);
  return { goLiveMs, startMs: goLiveMs - signoffWaitMs - sumBetween(durations, 0, signoff) };
}
