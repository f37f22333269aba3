import "server-only";

/**
 * The audit trail: one JSON line on stdout per Go live / Cancel attempt (accepted, refused or
 * failed) and per sign-in and sign-out, with who, what, when and the answer. Never a token.
 */
export type AuditOutcome = "accepted" | "refused" | "failed";

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
  /** Go live with open errors: how many the approver ticked as read before confirming. */
  acknowledgedErrors?: number;
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

export function auditOfferAction(entry: OfferActionAudit): void {
  write({ ...entry, publisherId: clip(entry.publisherId), offerId: clip(entry.offerId) });
}

export function auditSession(entry: SessionAudit): void {
  write(entry);
}
