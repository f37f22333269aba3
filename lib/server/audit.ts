import "server-only";

import { getRecorder } from "./recorder";
import { recordAction } from "./store/history";

/**
 * The audit trail: one JSON line on stdout per Go live / Cancel attempt (accepted, refused or
 * failed, or `unknown`: sent, but the upstream's answer did not say whether it went through)
 * and per sign-in and sign-out, with who, what, when and the answer. Never a token.
 */
export type AuditOutcome = "accepted" | "refused" | "failed" | "unknown";

export interface AuditUser {
  oid: string;
  username: string;
}

export interface OfferActionAudit {
  action: "golive" | "cancel";
  publisherId: string;
  offerId: string;
  user: AuditUser | null;
  outcome: AuditOutcome;
  /** Our answer's HTTP status and error code (null on success). */
  status: number;
  code: string | null;
  /** The upstream's HTTP status when it answered the action. */
  upstreamStatus?: number;
  operationId?: string | null;
  sessionId?: string;
  /** The roles of the user who acted. */
  roles?: readonly string[];
  /** How many open errors the approver acknowledged before Go live. */
  acknowledgedErrors?: number | null;
}

export interface SessionAudit {
  action: "signin" | "signout";
  user: AuditUser | null;
  outcome: AuditOutcome;
  roles?: readonly string[];
  code?: string | null;
  sessionId?: string;
}

function write(entry: object): void {
  console.log(JSON.stringify({ level: "info", type: "audit", time: new Date().toISOString(), ...entry }));
}

const clip = (value: string): string => value.slice(0, 200);

/**
 * The stdout line stays (log pipelines read it); with a store, the attempt is also recorded
 * for the History tab and the Activity page. A store that fails is logged, never the action's
 * problem.
 */
export function auditOfferAction(entry: OfferActionAudit): void {
  const at = new Date();
  write({ ...entry, publisherId: clip(entry.publisherId), offerId: clip(entry.offerId) });
  const recorder = getRecorder();
  if (!recorder || !entry.publisherId || !entry.offerId) return;
  // The watcher reads the offer at once and fast for a while: the outcome shows up promptly.
  if (entry.outcome === "accepted" || entry.outcome === "unknown")
    recorder.watcher?.wake(entry.publisherId, entry.offerId);
  void recordAction(recorder.store.db, {
    at,
    action: entry.action,
    publisherId: clip(entry.publisherId),
    offerId: clip(entry.offerId),
    userOid: entry.user?.oid ?? null,
    username: entry.user?.username ?? null,
    role: entry.roles && entry.roles.length > 0 ? entry.roles.join(",") : null,
    outcome: entry.outcome,
    status: entry.status,
    code: entry.code,
    upstreamStatus: entry.upstreamStatus ?? null,
    operationId: entry.operationId ?? null,
    acknowledgedErrors: entry.acknowledgedErrors ?? null,
  }).catch((error: unknown) => {
    console.error(
      JSON.stringify({
        level: "error",
        time: new Date().toISOString(),
        code: "store_unavailable",
        message: `The audit of ${entry.action} on ${clip(entry.offerId)} could not be recorded in the store (it is in this log): ${error instanceof Error ? error.message : String(error)}`,
      }),
    );
  });
}

export function auditSession(entry: SessionAudit): void {
  write(entry);
}
