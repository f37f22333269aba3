/**
 * What the recorder writes down when a new status document arrives: pure functions over the
 * previous and the new document, so "what counts as a change" is decided in one tested place.
 */
import type { Message, OfferStatus, OfferSummary, Step } from "@/lib/schemas/model";
import type { Indicator, StepStatusValue } from "@/lib/schemas/vocabulary";

export type Change =
  | { kind: "indicator"; stepId: null; from: Indicator | null; to: Indicator; detail: Record<string, never> }
  | { kind: "step"; stepId: string; from: string | null; to: string; detail: { stepName: string } }
  | {
      kind: "message";
      stepId: string | null;
      from: null;
      to: string;
      detail: { stepName: string | null; level: string; text: string };
    };

/**
 * The offer's indicator from its list entry and its status document. The status document
 * knows more (awaiting sign-off is a running offer whose sign-off step waits), so it wins
 * when both speak of the same offer status; when they disagree the newer one wins; a delisted
 * offer is delisted whatever its last publish says (the status document still says succeeded).
 */
export function offerIndicator(
  list: { summary: OfferSummary; fetchedAt: number } | null,
  status: { status: OfferStatus; fetchedAt: number } | null,
): Indicator | null {
  if (list?.summary.status.value === "delisted") return "delisted";
  if (list && status) {
    if (list.summary.status.value === status.status.status.value) return status.status.indicator;
    return list.fetchedAt >= status.fetchedAt ? list.summary.indicator : status.status.indicator;
  }
  return status?.status.indicator ?? list?.summary.indicator ?? null;
}

const stepValue = (step: Step): string =>
  step.status.value === "unknown" ? step.status.raw || "unknown" : step.status.value;

const messageKey = (m: Message, stepId: string | null): string =>
  `${stepId ?? ""}\u0000${m.level.raw.toLowerCase()}\u0000${m.timestamp ?? ""}\u0000${m.text}`;

function messagesOf(status: OfferStatus): { message: Message; step: Step | null }[] {
  return [
    ...status.messages.map((message) => ({ message, step: null })),
    ...status.steps.flatMap((step) => step.messages.map((message) => ({ message, step }))),
  ];
}

const MAX_TEXT = 500;

/**
 * The changes from one observation to the next. The first observation of an offer records
 * only where it stands (its indicator), not its whole past as if it had just happened.
 */
export function changesBetween(
  previous: { status: OfferStatus | null; indicator: Indicator | null },
  next: { status: OfferStatus | null; indicator: Indicator | null },
): Change[] {
  const changes: Change[] = [];
  if (next.indicator !== null && next.indicator !== previous.indicator) {
    changes.push({ kind: "indicator", stepId: null, from: previous.indicator, to: next.indicator, detail: {} });
  }
  if (!previous.status || !next.status) return changes;

  const before = new Map(previous.status.steps.map((s) => [s.id, s]));
  for (const step of next.status.steps) {
    const old = before.get(step.id);
    const to = stepValue(step);
    const from = old ? stepValue(old) : null;
    if (from !== to) changes.push({ kind: "step", stepId: step.id, from, to, detail: { stepName: step.name } });
  }

  const seen = new Set(messagesOf(previous.status).map(({ message, step }) => messageKey(message, step?.id ?? null)));
  for (const { message, step } of messagesOf(next.status)) {
    if (seen.has(messageKey(message, step?.id ?? null))) continue;
    const level = message.level.value === "unknown" ? message.level.raw || "unknown" : message.level.value;
    changes.push({
      kind: "message",
      stepId: step?.id ?? null,
      from: null,
      to: level,
      detail: { stepName: step?.name ?? null, level, text: message.text.slice(0, MAX_TEXT) },
    });
  }
  return changes;
}

export interface StepTime {
  stepId: string;
  status: string;
  startedAt: Date | null;
  finishedAt: Date | null;
  firstSeenAt: Date;
}

const FINISHED: ReadonlySet<StepStatusValue> = new Set(["complete", "rejected", "canceled"]);
const isFinished = (status: string) => FINISHED.has(status as StepStatusValue);

/**
 * Each step's observed start and end after a new observation. A step seen leaving
 * notStarted starts now; one seen finishing ends now; a finished step seen again under way
 * or not started (the offer is published again) begins a new run. What happened before the
 * first observation is left unknown (null), never guessed.
 */
export function nextStepTimes(
  previous: ReadonlyMap<string, StepTime>,
  steps: readonly Step[],
  at: Date,
  firstObservation: boolean,
): StepTime[] {
  const result: StepTime[] = [];
  for (const step of steps) {
    const status = stepValue(step);
    const old = previous.get(step.id);
    const started = status !== "notStarted";
    if (!old || (isFinished(old.status) && !isFinished(status))) {
      const fresh = !old && firstObservation;
      result.push({
        stepId: step.id,
        status,
        startedAt: started && !fresh && !isFinished(status) ? at : null,
        finishedAt: isFinished(status) && !fresh ? at : null,
        firstSeenAt: at,
      });
      continue;
    }
    if (old.status === status) {
      result.push(old);
      continue;
    }
    const startedAt = old.startedAt ?? (old.status === "notStarted" && started && !isFinished(status) ? at : null);
    result.push({
      stepId: step.id,
      status,
      startedAt,
      finishedAt: isFinished(status) ? (old.finishedAt ?? at) : null,
      firstSeenAt: old.firstSeenAt,
    });
  }
  return result;
}
