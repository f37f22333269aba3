/**
 * The recorder's view of an offer's past, as our API returns it (GET …/history, /api/activity).
 * Times are ISO strings as observed by the dashboard (when it saw the change), not claims of
 * the upstream.
 */
import type { Indicator } from "./vocabulary";

export type ActionOutcome = "accepted" | "refused" | "failed" | "unknown";

export interface IndicatorTransition {
  kind: "indicator";
  at: string;
  /** Null when this is the first time the dashboard saw the offer. */
  from: Indicator | null;
  to: Indicator;
}

export interface StepTransition {
  kind: "step";
  at: string;
  stepId: string;
  stepName: string;
  from: string | null;
  to: string;
}

export interface MessageTransition {
  kind: "message";
  at: string;
  stepId: string | null;
  stepName: string | null;
  level: string;
  text: string;
}

export interface ActionTransition {
  kind: "action";
  at: string;
  action: "golive" | "cancel";
  user: string | null;
  outcome: ActionOutcome;
  code: string | null;
  acknowledgedErrors: number | null;
}

export type HistoryTransition = IndicatorTransition | StepTransition | MessageTransition | ActionTransition;

export interface ObservedStep {
  stepId: string;
  status: string;
  /** When the dashboard first saw it under way; null when it already was at the first observation. */
  startedAt: string | null;
  finishedAt: string | null;
  /** finishedAt − startedAt when both were observed. */
  durationMs: number | null;
  /** When the dashboard first saw this step in this publish. */
  firstSeenAt: string;
}

export interface OfferHistory {
  transitions: HistoryTransition[];
  steps: ObservedStep[];
  /** When the recorder first saw the offer: nothing before it is known. */
  recordingSince: string | null;
}

/** A user's visit to a publisher's offers: what changed since the last one (POST …/visit). */
export interface PublisherVisit {
  /** Where the marks start: the end of the user's last visit; null on a first visit. */
  since: string | null;
  /** Offers (ids as recorded, lower case) with a change after `since`, latest first. */
  changed: { offerId: string; at: string }[];
}

export interface ActivityEntry {
  id: number;
  at: string;
  action: string;
  publisherId: string;
  offerId: string;
  user: string | null;
  role: string | null;
  outcome: string;
  status: number;
  code: string | null;
  upstreamStatus: number | null;
  operationId: string | null;
  acknowledgedErrors: number | null;
}

/** Why an offer is in the cross-publisher attention queue, in the order the queue shows them. */
export const ATTENTION_REASONS = ["awaitingSignoff", "failed", "overdue", "blocked"] as const;
export type AttentionReason = (typeof ATTENTION_REASONS)[number];

export interface AttentionItem {
  reason: AttentionReason;
  publisherId: string;
  publisherName: string;
  offerId: string;
  offerName: string;
  indicator: Indicator;
  /** Since when it has been so, as best known (sign-off wait, failure, step start). */
  since: string | null;
  stepName: string | null;
  estimate: string | null;
  errorCount: number;
  warningCount: number;
}
