/**
 * The app's own model: what our API returns and the browser renders. The server builds it
 * from the upstream's wire format (lib/server/cpp); the browser only reads it.
 */
import type { Indicator, MessageLevelValue, OfferStatusValue, Parsed, StepStatusValue } from "./vocabulary";

export interface Publisher {
  id: string;
  name: string;
}

export interface Message {
  /** Sanitized HTML (allow-listed tags, safe links); safe to render as HTML. */
  html: string;
  /** The same message as plain text, for counts, titles and announcements. */
  text: string;
  level: Parsed<MessageLevelValue>;
  timestamp: string | null;
}

export interface Step {
  id: string;
  name: string;
  description: string;
  status: Parsed<StepStatusValue>;
  /** 0–100, or null when the upstream gave none. Step status, not this, says whether it is done. */
  progress: number | null;
  estimatedTimeFrame: string | null;
  messages: Message[];
  /** Earliest message timestamp on the step: the best evidence of when it started. */
  startedAt: string | null;
}

export interface Link {
  text: string;
  url: string;
}

export interface OfferStatus {
  publisherId: string;
  offerId: string;
  status: Parsed<OfferStatusValue>;
  indicator: Indicator;
  messages: Message[];
  steps: Step[];
  currentStepId: string | null;
  /** When the sign-off wait began, if the offer awaits sign-off. */
  waitingSince: string | null;
  warningCount: number;
  errorCount: number;
  previewLinks: Link[];
  liveLinks: Link[];
  /**
   * Set when the upstream gives no steps (Partner Center): the steps, their estimates and the
   * sign-off wait were built by the dashboard from the offer's submissions and configure jobs.
   */
  derivedFrom?: "submissions";
  /** Why Cancel publish is not offered although the offer is in flight (Partner Center: no running job to cancel). */
  cancelUnavailable?: "noRunningJob" | null;
  /** The offer in the upstream's own portal (Partner Center), when known. */
  partnerCenterUrl?: string;
}

export interface CurrentStep {
  id: string;
  name: string;
  status: Parsed<StepStatusValue>;
  progress: number | null;
  /** The step's own estimate ("< 15 min"), so a list can tell an overdue step. */
  estimatedTimeFrame: string | null;
  /** Earliest message timestamp on the step (ISO), as on the Status tab. */
  startedAt: string | null;
}

export interface OfferSummary {
  id: string;
  publisherId: string;
  name: string;
  offerTypeId: string;
  version: number | null;
  changedTime: string | null;
  status: Parsed<OfferStatusValue>;
  indicator: Indicator;
  /** For offers in flight: the step they are at (from their status document). */
  currentStep: CurrentStep | null;
  waitingSince: string | null;
  warningCount: number;
  errorCount: number;
  /**
   * Set when the offer is in flight (or failed) but its status could not be fetched this time:
   * our error code (`upstream_timeout`…), never the upstream's words or address.
   */
  statusError: string | null;
  /** The preview links of its status document (offers in flight), so the queue can show them. */
  previewLinks: Link[];
  /** The offer in Partner Center, when the upstream is Partner Center. */
  partnerCenterUrl?: string;
}

export interface Plan {
  id: string;
  title: string | null;
}

export interface OfferDetail {
  id: string;
  publisherId: string;
  name: string;
  offerTypeId: string;
  version: number | null;
  changedTime: string | null;
  status: Parsed<OfferStatusValue>;
  title: string | null;
  summary: string | null;
  plans: Plan[];
  /** The offer in Partner Center, when the upstream is Partner Center. */
  partnerCenterUrl?: string;
}

export interface OperationAccepted {
  action: "golive" | "cancel";
  /** The upstream's HTTP status: 202 accepted, 200 done synchronously. */
  upstreamStatus: number;
  /**
   * `accepted`: the upstream said so readably. `unknown`: it was sent and answered 2xx, but
   * without a readable body or the operation to track; the browser verifies by re-reading the
   * offer's status.
   */
  outcome: "accepted" | "unknown";
  /** Absolute path of the operation to track, relative to the upstream; null if none given. */
  operationPath: string | null;
  operationId: string | null;
}

/** Every successful response of our API. `fetchedAt` says when the upstream data was fetched. */
export interface ApiResponse<T> {
  data: T;
  fetchedAt: string;
}
