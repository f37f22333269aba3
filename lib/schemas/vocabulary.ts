/**
 * The status vocabulary shared by server and browser. The upstream spells its enums in
 * PascalCase in the docs and camelCase in its JSON and uses values outside its own tables,
 * so every value is parsed case-insensitively into a closed union, with `unknown` for the
 * rest and the raw text kept beside it.
 */

export const OFFER_STATUSES = [
  "neverPublished",
  "notStarted",
  "waitingForPublisherReview",
  "running",
  "succeeded",
  "canceled",
  "failed",
  "published",
  "delisted",
] as const;
export type OfferStatusValue = (typeof OFFER_STATUSES)[number] | "unknown";

export const STEP_STATUSES = [
  "notStarted",
  "inProgress",
  "waitingForPublisherReview",
  "waitingForApproval",
  "blocked",
  "rejected",
  "complete",
  "canceled",
] as const;
export type StepStatusValue = (typeof STEP_STATUSES)[number] | "unknown";

export const MESSAGE_LEVELS = ["information", "warning", "error"] as const;
export type MessageLevelValue = (typeof MESSAGE_LEVELS)[number] | "unknown";

/** The indicator shown on All offers / Approvals, derived from the offer status (and steps). */
export const INDICATORS = [
  "draft",
  "publishing",
  "awaitingSignoff",
  "failed",
  "canceled",
  "live",
  "delisted",
  "unknown",
] as const;
export type Indicator = (typeof INDICATORS)[number];

/** A parsed enum: the closed value and the upstream's own spelling. */
export interface Parsed<T extends string> {
  value: T;
  raw: string;
}

function lookupTable<T extends string>(values: readonly T[]): Map<string, T> {
  return new Map(values.map((v) => [v.toLowerCase(), v]));
}

const offerStatusTable = lookupTable(OFFER_STATUSES);
const stepStatusTable = lookupTable(STEP_STATUSES);
const messageLevelTable = lookupTable(MESSAGE_LEVELS);

function parseWith<T extends string>(table: Map<string, T>, raw: unknown): Parsed<T | "unknown"> {
  const text = typeof raw === "string" ? raw : raw == null ? "" : String(raw);
  // Tolerate separators the docs' prose uses ("not started", "waiting_for_...").
  const key = text
    .trim()
    .replace(/[\s_-]+/g, "")
    .toLowerCase();
  return { value: table.get(key) ?? "unknown", raw: text };
}

/** A case- and separator-insensitive parser into a closed union (for other upstreams' enums). */
export function enumParser<T extends string>(values: readonly T[]): (raw: unknown) => Parsed<T | "unknown"> {
  const table = lookupTable(values);
  return (raw) => parseWith(table, raw);
}

export const parseOfferStatus = (raw: unknown) => parseWith(offerStatusTable, raw);
export const parseStepStatus = (raw: unknown) => parseWith(stepStatusTable, raw);
export const parseMessageLevel = (raw: unknown) => parseWith(messageLevelTable, raw);

export const SIGNOFF_STEP_ID = "publisher-signoff";

/** Offer statuses after which nothing moves without a person acting. */
export const TERMINAL_INDICATORS: ReadonlySet<Indicator> = new Set(["draft", "failed", "canceled", "live", "delisted"]);

interface StepLike {
  id: string;
  name: string;
  status: Parsed<StepStatusValue>;
}

/** Finds the sign-off step: by id first (the documented JSON), then by name (what some clients match). */
export function findSignoffStep<S extends StepLike>(steps: readonly S[]): S | undefined {
  return (
    steps.find((s) => s.id.toLowerCase() === SIGNOFF_STEP_ID) ??
    steps.find((s) => s.name.replace(/[\s_-]+/g, "").toLowerCase() === "publishersignoff")
  );
}

/**
 * The derived indicator of the design's vocabulary table. `running` becomes awaiting
 * sign-off when the sign-off step waits for the publisher: the offer status alone says
 * `running` there.
 */
export function deriveIndicator(status: OfferStatusValue, steps: readonly StepLike[] = []): Indicator {
  switch (status) {
    case "neverPublished":
    case "notStarted":
      return "draft";
    case "waitingForPublisherReview":
      return "awaitingSignoff";
    case "running":
      return findSignoffStep(steps)?.status.value === "waitingForPublisherReview" ? "awaitingSignoff" : "publishing";
    case "failed":
      return "failed";
    case "canceled":
      return "canceled";
    case "succeeded":
    case "published":
      return "live";
    case "delisted":
      return "delisted";
    default:
      return "unknown";
  }
}

/**
 * The one indicator of an offer, from its own status (the offer record, what the list shows)
 * and its status document (the last publish run), the same on every page:
 *
 * 1. While the document says a run is in flight (`running`, `waitingForPublisherReview`), the
 *    document decides: it is the fresher word on a run (the list's status lags it).
 * 2. Otherwise, when the offer's own status is `delisted`, the offer is delisted: delisting
 *    comes after the last run, and the document, which describes that run (`succeeded`), has
 *    no word for it.
 * 3. Otherwise the document decides, unless it says nothing we know (`unknown`): then the
 *    offer's own status does.
 */
export function reconcileIndicator(
  offerStatus: OfferStatusValue | null,
  documentStatus: OfferStatusValue,
  steps: readonly StepLike[] = [],
): Indicator {
  if (isInFlight(documentStatus)) return deriveIndicator(documentStatus, steps);
  if (offerStatus === "delisted") return "delisted";
  if (documentStatus === "unknown" && offerStatus !== null) return deriveIndicator(offerStatus);
  return deriveIndicator(documentStatus, steps);
}

/** Whether the list reads the offer's status document: in flight, or failed (which step, how many errors). */
export function needsStatusDocument(status: OfferStatusValue): boolean {
  return isInFlight(status) || status === "failed";
}

/** Step statuses that stop a run and say why (shown as the reason, never counted as an issue). */
export function isStoppingStep(status: StepStatusValue): boolean {
  return status === "blocked" || status === "rejected";
}

interface LevelledLike {
  level: Parsed<MessageLevelValue>;
}

/**
 * The one way to count an offer's issues, on every page: its messages by level, the offer's
 * own and every step's. A step's state (blocked, rejected) is never counted: it is the reason.
 */
export function countMessages(
  messages: readonly LevelledLike[],
  steps: readonly { messages: readonly LevelledLike[] }[] = [],
): { warningCount: number; errorCount: number } {
  let warningCount = 0;
  let errorCount = 0;
  for (const m of [...messages, ...steps.flatMap((s) => s.messages)]) {
    if (m.level.value === "warning") warningCount++;
    if (m.level.value === "error") errorCount++;
  }
  return { warningCount, errorCount };
}

/** Offer statuses whose step list can still change on its own (worth a status fetch). */
export function isInFlight(status: OfferStatusValue): boolean {
  return status === "running" || status === "waitingForPublisherReview";
}

/**
 * The step the offer is at: the first one a person or a machine is working on or waiting
 * for, else the first failed one, else the first not started while the offer runs.
 */
export function findCurrentStep<S extends StepLike>(steps: readonly S[]): S | undefined {
  const active = new Set<StepStatusValue>(["inProgress", "waitingForPublisherReview", "waitingForApproval", "blocked"]);
  return (
    steps.find((s) => active.has(s.status.value)) ??
    steps.find((s) => s.status.value === "rejected" || s.status.value === "canceled") ??
    steps.find((s) => s.status.value === "unknown")
  );
}
