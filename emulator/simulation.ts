import { LIVE_STEP_ID, SIGNOFF_STEP_ID, stepsFor, type StepDef } from "./catalog";
import type { OfferRecord, Run } from "./model";
import { formatTimestamp } from "./random";

/**
 * Pure derivation of an offer's publishing state from its run and the clock. Nothing moves
 * on a timer: every request derives the state for "now".
 */

export interface MessageView {
  readonly messageHtml: string;
  readonly level: string;
  readonly timestamp: string;
}

export interface StepView {
  readonly def: StepDef;
  status: string;
  progress: number;
  messages: MessageView[];
}

export type Phase = "idle" | "running" | "held" | "signoff" | "succeeded" | "failed" | "canceled";

export interface RunState {
  readonly phase: Phase;
  /** Offer status in the API's camelCase (before any PascalCase quirk). */
  readonly status: string;
  readonly steps: StepView[];
  readonly changedMs: number;
  readonly signoffReachedMs: number | null;
  /** When the run reached a terminal phase. */
  readonly finishedMs: number | null;
}

const CANCEL_MESSAGE = "Publish canceled by the publisher.";
const IN_PROGRESS_PHASES: ReadonlySet<Phase> = new Set(["running", "held", "signoff"]);

export function isInProgress(phase: Phase): boolean {
  return IN_PROGRESS_PHASES.has(phase);
}

function message(offer: OfferRecord, level: string, html: string, ms: number): MessageView {
  return { messageHtml: html, level, timestamp: formatTimestamp(ms, offer.stampStyle, offer.salt) };
}

function emptySteps(offer: OfferRecord): StepView[] {
  return stepsFor(offer.offerTypeId).map((def) => ({ def, status: "notStarted", progress: 0, messages: [] }));
}

/** Scheduled messages of a step that have appeared by `until`. */
function scheduled(offer: OfferRecord, run: Run, stepId: string, start: number, until: number, span: number) {
  const out: MessageView[] = [];
  for (const m of run.messages) {
    if (m.stepId !== stepId) continue;
    const at = start + Math.min(m.offsetMs, Math.max(span - 1, 0));
    if (at <= until) out.push(message(offer, m.level, m.html, at));
  }
  return out;
}

export function deriveRun(offer: OfferRecord, run: Run, now: number): RunState {
  const steps = emptySteps(offer);
  const cancelAt = run.cancelMs;
  const t = cancelAt === null ? now : Math.min(now, cancelAt);
  let phase: Phase = "running";
  let current = -1;
  let changed = run.startMs;
  let signoffReached: number | null = null;
  let finished: number | null = null;
  let cursor = run.startMs;
  let completedAll = t >= cursor;

  for (let i = 0; completedAll && i < steps.length; i++) {
    const step = steps[i];
    if (step === undefined) break;
    const start = cursor;
    if (step.def.id === SIGNOFF_STEP_ID) {
      signoffReached = start;
      if (run.goLiveMs === null || t < run.goLiveMs) {
        step.status = "waitingForPublisherReview";
        step.messages = scheduled(offer, run, step.def.id, start, t, Number.POSITIVE_INFINITY);
        phase = "signoff";
        current = i;
        changed = start;
        completedAll = false;
        break;
      }
      cursor = Math.max(start, run.goLiveMs);
      step.status = "complete";
      step.progress = offer.zeroProgressQuirk ? 0 : 100;
      step.messages = scheduled(offer, run, step.def.id, start, t, cursor - start);
      changed = cursor;
      continue;
    }
    const hold = run.holds[step.def.id];
    const duration = run.durations[i] ?? 60_000;
    if (hold !== undefined) {
      step.status = hold.status;
      step.progress = hold.progress;
      step.messages = [
        message(offer, "information", "Step started.", start),
        ...scheduled(offer, run, step.def.id, start, t, Number.POSITIVE_INFINITY),
      ];
      phase = "held";
      current = i;
      changed = start;
      completedAll = false;
      break;
    }
    const failure = run.failure;
    if (failure !== null && failure.stepId === step.def.id && t >= start + failure.afterMs) {
      const failedAt = start + failure.afterMs;
      step.status = "rejected";
      step.progress = Math.min(99, Math.floor((failure.afterMs / duration) * 100));
      step.messages = [
        ...scheduled(offer, run, step.def.id, start, failedAt, failure.afterMs),
        ...failure.messages.map((m) => message(offer, m.level, m.html, failedAt)),
      ];
      phase = "failed";
      changed = failedAt;
      finished = failedAt;
      completedAll = false;
      break;
    }
    if (t < start + duration) {
      step.status = "inProgress";
      step.progress = Math.min(99, Math.floor(((t - start) / duration) * 100));
      step.messages = [
        message(offer, "information", "Step started.", start),
        ...scheduled(offer, run, step.def.id, start, t, duration),
      ];
      current = i;
      changed = start;
      completedAll = false;
      break;
    }
    cursor = start + duration;
    step.status = "complete";
    step.progress = offer.zeroProgressQuirk && step.def.id === LIVE_STEP_ID ? 0 : 100;
    step.messages = [
      ...scheduled(offer, run, step.def.id, start, cursor, duration),
      message(offer, "information", "Step completed.", cursor),
    ];
    changed = cursor;
  }
  if (completedAll) {
    phase = "succeeded";
    finished = cursor;
  }
  if (cancelAt !== null && now >= cancelAt && isInProgress(phase)) {
    const step = steps[Math.max(current, 0)];
    if (step !== undefined) {
      step.status = "canceled";
      step.messages = [...step.messages, message(offer, "information", CANCEL_MESSAGE, cancelAt)];
    }
    phase = "canceled";
    changed = cancelAt;
    finished = cancelAt;
  }
  return {
    phase,
    status: statusOf(run, phase),
    steps,
    changedMs: changed,
    signoffReachedMs: signoffReached,
    finishedMs: finished,
  };
}

function statusOf(run: Run, phase: Phase): string {
  switch (phase) {
    case "signoff":
      return run.signoffStatus;
    case "running":
    case "held":
      return run.statusAlias ?? "running";
    case "idle":
      return "notStarted";
    default:
      return phase;
  }
}

export interface OfferState {
  readonly run: Run | null;
  readonly runState: RunState | null;
  readonly phase: Phase;
  readonly status: string;
  readonly listStatus: string;
  readonly steps: StepView[];
  readonly changedMs: number;
  readonly version: number;
  readonly everPreviewed: boolean;
  readonly everLive: boolean;
  readonly previewVisible: boolean;
  readonly liveNow: boolean;
}

/** The offer's state at `now`, cached per (clock instant, offer revision). */
export function deriveOffer(offer: OfferRecord, now: number): OfferState {
  const cached = offer.cache;
  if (cached !== null && cached.now === now && cached.rev === offer.rev) return cached.value as OfferState;
  const value = computeOffer(offer, now);
  offer.cache = { now, rev: offer.rev, value };
  return value;
}

function computeOffer(offer: OfferRecord, now: number): OfferState {
  const run = offer.runs[offer.runs.length - 1] ?? null;
  const runState = run === null ? null : deriveRun(offer, run, now);
  const steps = runState?.steps ?? emptySteps(offer);
  for (const extra of offer.appended) {
    const step = steps.find((s) => s.def.id === extra.stepId);
    step?.messages.push({ messageHtml: extra.messageHtml, level: extra.level, timestamp: extra.timestamp });
  }
  const phase = runState?.phase ?? "idle";
  const status = runState?.status ?? offer.baseStatus;
  const succeeded = phase === "succeeded";
  const reachedPreview = runState !== null && runState.signoffReachedMs !== null;
  const everLive = offer.pastLive || succeeded;
  const liveNow = everLive && !offer.delisted;
  let listStatus = status;
  if (offer.delisted) listStatus = "delisted";
  else if (succeeded && offer.liveAlias !== null) listStatus = offer.liveAlias;
  return {
    run,
    runState,
    phase,
    status,
    listStatus,
    steps,
    changedMs: runState?.changedMs ?? offer.createdMs,
    version: succeeded && run !== null ? run.publishingVersion : offer.baseVersion,
    everPreviewed: offer.pastPreviewed || reachedPreview,
    everLive,
    previewVisible: reachedPreview && phase !== "canceled",
    liveNow,
  };
}

/** The offer's publish operations (publish, go live, cancel), newest first. */
export interface OperationView {
  readonly id: string;
  readonly run: Run;
  readonly submissionType: "publish" | "goLive" | "cancel";
  readonly createdMs: number;
}

export function operationsOf(offer: OfferRecord): OperationView[] {
  const ops: OperationView[] = [];
  for (const run of offer.runs) {
    ops.push({ id: run.opId, run, submissionType: "publish", createdMs: run.startMs });
    if (run.goLiveOpId !== null && run.goLiveMs !== null)
      ops.push({ id: run.goLiveOpId, run, submissionType: "goLive", createdMs: run.goLiveMs });
    if (run.cancelOpId !== null && run.cancelMs !== null)
      ops.push({ id: run.cancelOpId, run, submissionType: "cancel", createdMs: run.cancelMs });
  }
  return ops.sort((a, b) => b.createdMs - a.createdMs);
}

export interface OperationState {
  readonly submissionState: "running" | "completed" | "failed" | "canceled";
  readonly changedMs: number;
}

export function operationState(op: OperationView, state: RunState): OperationState {
  if (op.submissionType === "cancel") return { submissionState: "completed", changedMs: op.createdMs };
  const end = state.finishedMs ?? state.changedMs;
  if (op.submissionType === "publish" && state.signoffReachedMs !== null) {
    const canceledBeforeSignoff = state.phase === "canceled" && end <= state.signoffReachedMs;
    if (!canceledBeforeSignoff) return { submissionState: "completed", changedMs: state.signoffReachedMs };
  }
  switch (state.phase) {
    case "succeeded":
      return { submissionState: "completed", changedMs: end };
    case "failed":
      return { submissionState: "failed", changedMs: end };
    case "canceled":
      return { submissionState: "canceled", changedMs: end };
    default:
      return { submissionState: "running", changedMs: Math.max(op.createdMs, state.changedMs) };
  }
}
