import { ApiError } from "@/lib/schemas/api-error";
import type { OfferStatus, OperationAccepted } from "@/lib/schemas/model";
import type { Indicator } from "@/lib/schemas/vocabulary";

/**
 * What a Go live / Cancel publish answer means, never misreported:
 * - `accepted`: the upstream took it (track the offer until its indicator moves);
 * - `unknown`: it was sent, but the answer does not say whether it went through (a timeout, a
 *   dropped connection, a 5xx after sending, a 2xx without a readable body): verify against
 *   the offer's status before offering the action again;
 * - `info`: nothing to do, and nothing went wrong (the offer is already live or going live,
 *   already canceled, or another Go live / Cancel of it is in flight);
 * - `refused`: it was not taken, for the reason given.
 */
export type ActionOutcome = "accepted" | "unknown" | "info" | "refused";

export type OfferAction = "golive" | "cancel";

/** Codes that are information, not failure. */
export const INFO_CODES: ReadonlySet<string> = new Set([
  "already_live",
  "already_going_live",
  "already_canceled",
  "action_in_flight",
]);

export function classifyAnswer(answer: { ok: true; value: OperationAccepted } | { ok: false; error: unknown }) {
  if (answer.ok) return answer.value.outcome === "unknown" ? "unknown" : "accepted";
  const { error } = answer;
  if (error instanceof ApiError) {
    if (error.code === "action_outcome_unknown") return "unknown";
    // Our server could not be reached or answered unreadably: the request may have gone through.
    if (error.code === "network" || error.code === "bad_response" || error.code === "http_error") return "unknown";
    if (INFO_CODES.has(error.code)) return "info";
  }
  return "refused";
}

/** Whether the offer's indicator shows the action done (Go live past sign-off; Cancel canceled). */
export function showsDone(action: OfferAction, indicator: Indicator): boolean {
  if (action === "golive") return indicator === "publishing" || indicator === "live";
  return indicator === "canceled" || indicator === "draft" || indicator === "failed" || indicator === "live";
}

/** Whether the offer's indicator still shows the state the action applies to (it did not go through). */
function showsNotDone(action: OfferAction, indicator: Indicator): boolean {
  return action === "golive"
    ? indicator === "awaitingSignoff"
    : indicator === "publishing" || indicator === "awaitingSignoff";
}

export type Verification = "applied" | "notApplied" | "undetermined";

export interface VerifyOptions {
  /** Re-reads the offer's status from the server (fresh, not from the page's cache). */
  read: () => Promise<OfferStatus>;
  /** How long to keep re-reading before concluding: the server's settling time and a read more. */
  boundMs: number;
  intervalMs: number;
  /** Stop early (the page was left). */
  signal?: AbortSignal;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

/**
 * Re-reads the offer's status until it shows the action done (`applied`), or the bound is
 * reached with the offer still where it was (`notApplied`: it clearly did not go through), or
 * with no readable status at all (`undetermined`). Bounded in time and in reads.
 */
export async function verifyOutcome(action: OfferAction, options: VerifyOptions): Promise<Verification> {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const until = now() + options.boundMs;
  const maxReads = Math.max(1, Math.ceil(options.boundMs / Math.max(1, options.intervalMs)) + 1);
  let lastSeen: Indicator | null = null;
  for (let read = 0; read < maxReads; read++) {
    if (options.signal?.aborted) break;
    try {
      const status = await options.read();
      lastSeen = status.indicator;
      if (showsDone(action, status.indicator)) return "applied";
    } catch {
      // A read that fails says nothing either way; the next one may.
    }
    if (now() >= until) break;
    await sleep(options.intervalMs);
  }
  return lastSeen !== null && showsNotDone(action, lastSeen) ? "notApplied" : "undetermined";
}

/** The server keeps an offer's slot this long after an unknown outcome (ACTION_SETTLE_MS): verify a little longer. */
export const VERIFY_BOUND_MS = 17_000;
