import { parseTimeFrame } from "@/lib/overdue";
import type { Step } from "@/lib/schemas/model";
import type { StepStatusValue } from "@/lib/schemas/vocabulary";

/**
 * What is known of each step's time: when it started and finished, how long it took or has
 * run, against its estimate. Today the evidence is the messages' timestamps (the upstream
 * gives no step times); a recorder that watched the offer can pass the times it observed,
 * which then win. Pure, so the rule is pinned down by tests.
 */

/** Times seen by someone watching the offer (epoch ms), per step id. */
export interface ObservedStepTimes {
  startedAt?: number | null;
  finishedAt?: number | null;
}

export interface StepTiming {
  startedAt: number | null;
  /** Set once the step is over (complete, rejected, canceled). */
  finishedAt: number | null;
  /** How long it took (finished) or has run so far (running); null when the start is unknown. */
  elapsedMs: number | null;
  /** Whether `elapsedMs` is the whole step (finished) or so far (running). */
  state: "finished" | "running" | "waiting";
  /** The upper bound of the step's estimate, when it can be read. */
  estimateMs: number | null;
  /** Took, or is taking, longer than the estimate's upper bound. */
  overEstimate: boolean;
  /** Where the times come from: observed by the recorder, or read from the messages. */
  source: "observed" | "messages" | "none";
}

/** A step of which nothing is known. */
export const NO_TIMING: StepTiming = {
  startedAt: null,
  finishedAt: null,
  elapsedMs: null,
  state: "waiting",
  estimateMs: null,
  overEstimate: false,
  source: "none",
};

const FINISHED: ReadonlySet<StepStatusValue> = new Set(["complete", "rejected", "canceled"]);
const RUNNING: ReadonlySet<StepStatusValue> = new Set([
  "inProgress",
  "waitingForApproval",
  "waitingForPublisherReview",
  "blocked",
]);

function stamps(step: Step): number[] {
  return step.messages
    .map((m) => (m.timestamp ? Date.parse(m.timestamp) : Number.NaN))
    .filter((t) => Number.isFinite(t));
}

const finite = (value: number | null | undefined): number | null =>
  typeof value === "number" && Number.isFinite(value) ? value : null;

/**
 * Each step's timing, in the steps' order. A finished step ends at its last message; it
 * starts at its first, or, when that is no earlier than its end (a lone "Step completed."),
 * where the step before it ended: the steps run one after another.
 */
export function stepTimings(
  steps: readonly Step[],
  now: number,
  observed: Readonly<Record<string, ObservedStepTimes>> = {},
): StepTiming[] {
  const out: StepTiming[] = [];
  let previousEnd: number | null = null;
  for (const step of steps) {
    const seen = observed[step.id] ?? {};
    const times = stamps(step);
    const first = times.length ? Math.min(...times) : null;
    const last = times.length ? Math.max(...times) : null;
    const status = step.status.value;
    const finished = FINISHED.has(status);
    const running = RUNNING.has(status);

    const observedStart = finite(seen.startedAt);
    const observedEnd = finished ? finite(seen.finishedAt) : null;
    const finishedAt = finished ? (observedEnd ?? last) : null;
    let startedAt = observedStart ?? first;
    if (observedStart === null && finishedAt !== null && (startedAt === null || startedAt >= finishedAt))
      startedAt = previousEnd !== null && previousEnd < finishedAt ? previousEnd : startedAt;
    if (!finished && !running) startedAt = observedStart;

    const end = finished ? finishedAt : running ? now : null;
    const elapsedMs = startedAt !== null && end !== null ? Math.max(0, end - startedAt) : null;
    const estimateMs = parseTimeFrame(step.estimatedTimeFrame);
    out.push({
      startedAt,
      finishedAt,
      elapsedMs,
      state: finished ? "finished" : running ? "running" : "waiting",
      estimateMs,
      overEstimate: elapsedMs !== null && estimateMs !== null && elapsedMs > estimateMs,
      source: observedStart !== null || observedEnd !== null ? "observed" : startedAt !== null ? "messages" : "none",
    });
    if (finishedAt !== null) previousEnd = finishedAt;
  }
  return out;
}
