import { formatDuration } from "@/lib/format";
import type { StepStatusValue } from "@/lib/schemas/vocabulary";

/**
 * Overdue-step detection. The upstream gives each step a human estimate ("< 15 min",
 * "~2-3 days") and no start time; steps can sit for days with no sign of life, and "is it
 * stuck?" is the question publishers ask most. Pure functions, so the decision is testable.
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const UNIT_MS: Record<string, number> = {
  s: 1_000,
  sec: 1_000,
  secs: 1_000,
  second: 1_000,
  seconds: 1_000,
  m: MINUTE,
  min: MINUTE,
  mins: MINUTE,
  minute: MINUTE,
  minutes: MINUTE,
  h: HOUR,
  hr: HOUR,
  hrs: HOUR,
  hour: HOUR,
  hours: HOUR,
  d: DAY,
  day: DAY,
  days: DAY,
  w: 7 * DAY,
  wk: 7 * DAY,
  wks: 7 * DAY,
  week: 7 * DAY,
  weeks: 7 * DAY,
};

// "< 15 min", "~2-3 days", "<= 1 hour", "up to 5 days", "2 to 3 days", "15min".
const TIME_FRAME =
  /^(?:<=?|≤|~|about|approx\.?|up to|within)?\s*(\d+(?:\.\d+)?)(?:\s*(?:-|to)\s*(\d+(?:\.\d+)?))?\s*([a-z]+)\.?$/;

/**
 * The upper bound of an `estimatedTimeFrame` in milliseconds, or null when there is none to
 * trust: absent, unparseable, compound ("1 day 2 hours"), or open-ended ("> 1 day").
 */
export function parseTimeFrame(text: string | null | undefined): number | null {
  if (!text) return null;
  const normalized = text.trim().toLowerCase().replace(/[–—]/g, "-").replace(/\s+/g, " ");
  const match = TIME_FRAME.exec(normalized);
  if (!match) return null;
  const [, low, high, unit] = match;
  const unitMs = unit ? UNIT_MS[unit] : undefined;
  if (unitMs === undefined || low === undefined) return null;
  const upper = Math.max(Number(low), high === undefined ? 0 : Number(high));
  if (!Number.isFinite(upper) || upper <= 0) return null;
  return upper * unitMs;
}

/**
 * Step statuses that are waiting on Microsoft, where "longer than the estimate" means
 * something may be stuck. Publisher sign-off is excluded: there the wait is the publisher's.
 */
export const WATCHED_STEP_STATUSES: ReadonlySet<StepStatusValue> = new Set([
  "inProgress",
  "waitingForApproval",
  "blocked",
]);

export function isWatchedStatus(status: StepStatusValue): boolean {
  return WATCHED_STEP_STATUSES.has(status);
}

export interface OverdueInput {
  status: StepStatusValue;
  estimatedTimeFrame: string | null;
  /** The step's earliest message timestamp (ISO), the best evidence of when it started. */
  startedAt: string | null;
  /** When this browser first saw the step in a watched status (epoch ms), if it did. */
  firstSeenAt: number | null;
  now: number;
}

export interface Overdue {
  estimate: string;
  boundMs: number;
  elapsedMs: number;
  /** Where the elapsed time is measured from: the step's start, or the first sighting (a lower bound). */
  since: "started" | "firstSeen";
}

/** Whether a step has run longer than its estimate's upper bound; null when not (or unknowable). */
export function findOverdue({ status, estimatedTimeFrame, startedAt, firstSeenAt, now }: OverdueInput): Overdue | null {
  if (!isWatchedStatus(status) || !estimatedTimeFrame) return null;
  const boundMs = parseTimeFrame(estimatedTimeFrame);
  if (boundMs === null) return null;
  const startedMs = startedAt ? Date.parse(startedAt) : Number.NaN;
  const since = Number.isNaN(startedMs) ? "firstSeen" : "started";
  const from = since === "started" ? startedMs : firstSeenAt;
  if (from === null || !Number.isFinite(from)) return null;
  const elapsedMs = now - from;
  if (elapsedMs <= boundMs) return null;
  return { estimate: estimatedTimeFrame.trim(), boundMs, elapsedMs, since };
}

/** The overdue notice's facts, in the locale's units; the sentence around them is the catalogue's. */
export interface OverdueSummary {
  /** Which sentence: measured from the step's start, or "at least" since the first sighting. */
  key: "overdue.summary" | "overdue.summaryAtLeast";
  values: {
    /** The upstream's own estimate, as it came ("< 15 min"). */
    estimate: string;
    /** The elapsed time in the locale's words ("3 hr", "3 小時"). */
    running: string;
  };
}

/** For "Taking longer than usual (estimated < 15 min, running 3 hr)": `t(summary.key, summary.values)`. */
export function overdueSummary(overdue: Overdue, locale: string): OverdueSummary {
  return {
    key: overdue.since === "firstSeen" ? "overdue.summaryAtLeast" : "overdue.summary",
    values: { estimate: overdue.estimate, running: formatDuration(overdue.elapsedMs, locale) },
  };
}

/** The sessionStorage key remembering when this browser first saw a step in progress. */
export function firstSeenKey(publisherId: string, offerId: string, stepId: string): string {
  return `offer-status:first-seen:${publisherId}/${offerId}/${stepId}`;
}
