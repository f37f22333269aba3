/**
 * Which recorded changes are worth telling people about: pure functions, so "what is an event"
 * is decided in one tested place. An event's `key` names its occurrence (the transition that
 * caused it, or the run of a step that went overdue), so it is stored once however often,
 * and by however many writers, the same change is seen.
 */
import { findOverdue } from "@/lib/overdue";
import type { NotificationEvent, NotificationEventName, NotificationStep } from "@/lib/schemas/notifications";
import type { Step } from "@/lib/schemas/model";
import type { Indicator, StepStatusValue } from "@/lib/schemas/vocabulary";
import type { Change } from "@/lib/server/recorder/changes";

export interface DerivedEvent {
  key: string;
  event: NotificationEventName;
  indicator: Indicator | null;
  previousIndicator: Indicator | null;
  step: NotificationStep | null;
  detail: NotificationEvent["detail"];
}

/** Indicators whose arrival is an event of the same name. */
const INDICATOR_EVENTS: ReadonlySet<Indicator> = new Set(["awaitingSignoff", "failed", "live", "canceled", "delisted"]);

/**
 * Events from one observation's changes (each with the id its transition row was given).
 * The first sighting of an offer (from: null) tells nothing new: a dashboard started next to
 * 5,000 live offers must not announce 5,000 "live" events.
 */
export function eventsFromChanges(
  changes: readonly { transitionId: number; change: Change }[],
  context: { indicator: Indicator | null; currentStep: NotificationStep | null; errors: number | null },
): DerivedEvent[] {
  const moved = changes.find(({ change }) => change.kind === "indicator")?.change;
  const previousIndicator = (moved ? moved.from : context.indicator) as Indicator | null;
  const errors = context.errors === null ? {} : { errors: context.errors };
  const events: DerivedEvent[] = [];
  for (const { transitionId, change } of changes) {
    const key = `transition:${transitionId}`;
    if (change.kind === "indicator") {
      if (change.from === null || !INDICATOR_EVENTS.has(change.to)) continue;
      events.push({
        key,
        event: change.to as NotificationEventName,
        indicator: change.to,
        previousIndicator: change.from as Indicator,
        step: context.currentStep,
        detail: { ...errors },
      });
    } else if (change.kind === "message" && change.detail.level === "error") {
      events.push({
        key,
        event: "newError",
        indicator: context.indicator,
        previousIndicator,
        step:
          change.stepId === null
            ? context.currentStep
            : { id: change.stepId, name: change.detail.stepName ?? change.stepId, status: "" },
        detail: { ...errors, text: change.detail.text },
      });
    }
  }
  return events;
}

/**
 * How far past its estimate a step must run before it is "overdue": a quarter more than the
 * estimate's upper bound ("< 15 min" → after 18 min 45 s; "~2-3 days" → after 3¾ days), so an
 * estimate that is merely tight does not page anyone.
 */
export const OVERDUE_MARGIN = 0.25;

export interface StepRun {
  /** When the dashboard saw the step start, when it did. */
  startedAt: Date | null;
  /** When the dashboard first saw this run of the step: it tells one run from the next. */
  firstSeenAt: Date;
}

/** The overdue event of a step in the offer's current run, or null while it is within its time. */
export function overdueEvent(
  publisherId: string,
  offerId: string,
  step: Step,
  run: StepRun,
  indicator: Indicator | null,
  now: number,
): DerivedEvent | null {
  const overdue = findOverdue({
    status: step.status.value as StepStatusValue,
    estimatedTimeFrame: step.estimatedTimeFrame,
    startedAt: run.startedAt?.toISOString() ?? step.startedAt,
    firstSeenAt: run.firstSeenAt.getTime(),
    now,
  });
  if (!overdue || overdue.elapsedMs <= overdue.boundMs * (1 + OVERDUE_MARGIN)) return null;
  return {
    key: `overdue:${publisherId}/${offerId}/${step.id}/${run.firstSeenAt.toISOString()}`,
    event: "overdue",
    indicator,
    previousIndicator: indicator,
    step: {
      id: step.id,
      name: step.name,
      status: step.status.value === "unknown" ? step.status.raw : step.status.value,
    },
    detail: { estimate: overdue.estimate, runningMs: overdue.elapsedMs },
  };
}

export const stepOf = (step: Pick<Step, "id" | "name" | "status">): NotificationStep => ({
  id: step.id,
  name: step.name,
  status: step.status.value === "unknown" ? step.status.raw : step.status.value,
});
