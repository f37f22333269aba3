import "server-only";

import { and, asc, desc, eq, gt, gte, lt, lte, max, min, sql, type SQL } from "drizzle-orm";

import type {
  ActivityEntry,
  HistoryTransition,
  ObservedStep,
  OfferHistory,
  PublisherVisit,
} from "@/lib/schemas/history";
import type { Indicator } from "@/lib/schemas/vocabulary";

import type { Db } from "./open";
import {
  actions,
  lastSeen,
  leases,
  notificationEvents,
  revokedSessions,
  statusDocuments,
  stepTimes,
  transitions,
} from "./schema";

/** Reads of the past (an offer's history, the activity audit) and the small per-user records. */

const iso = (d: Date) => d.toISOString();
const MAX_TRANSITIONS = 500;
/** Within one observation: the offer's state first, then who acted, the steps, the messages. */
const RANK: Record<HistoryTransition["kind"], number> = { indicator: 0, action: 1, step: 2, message: 3 };

export async function readHistory(db: Db, publisherId: string, offerId: string): Promise<OfferHistory> {
  const p = publisherId.toLowerCase();
  const o = offerId.toLowerCase();
  const [rows, acts, steps, since] = await Promise.all([
    db
      .select()
      .from(transitions)
      .where(and(eq(transitions.publisherId, p), eq(transitions.offerId, o)))
      .orderBy(desc(transitions.at), asc(transitions.id))
      .limit(MAX_TRANSITIONS),
    db
      .select()
      .from(actions)
      .where(and(eq(actions.publisherId, p), eq(actions.offerId, o)))
      .orderBy(desc(actions.at), desc(actions.id))
      .limit(MAX_TRANSITIONS),
    db
      .select()
      .from(stepTimes)
      .where(and(eq(stepTimes.publisherId, p), eq(stepTimes.offerId, o)))
      .orderBy(asc(stepTimes.firstSeenAt)),
    db
      .select({ first: min(statusDocuments.firstFetchedAt) })
      .from(statusDocuments)
      .where(and(eq(statusDocuments.publisherId, p), eq(statusDocuments.offerId, o))),
  ]);
  const list: HistoryTransition[] = [
    ...rows.map((r): HistoryTransition => {
      const detail = r.detail as Record<string, unknown>;
      if (r.kind === "indicator") {
        return {
          kind: "indicator",
          at: iso(r.at),
          from: (r.fromValue as Indicator | null) ?? null,
          to: r.toValue as Indicator,
        };
      }
      if (r.kind === "step") {
        return {
          kind: "step",
          at: iso(r.at),
          stepId: r.stepId ?? "",
          stepName: String(detail.stepName ?? r.stepId ?? ""),
          from: r.fromValue,
          to: r.toValue ?? "unknown",
        };
      }
      return {
        kind: "message",
        at: iso(r.at),
        stepId: r.stepId,
        stepName: typeof detail.stepName === "string" ? detail.stepName : null,
        level: String(detail.level ?? r.toValue ?? "unknown"),
        text: String(detail.text ?? ""),
      };
    }),
    ...acts.map((a): HistoryTransition => ({
      kind: "action",
      at: iso(a.at),
      action: a.action === "cancel" ? "cancel" : "golive",
      user: a.username,
      outcome: (["accepted", "refused", "failed", "unknown"].includes(a.outcome) ? a.outcome : "unknown") as
        "accepted" | "refused" | "failed" | "unknown",
      code: a.code,
      acknowledgedErrors: a.acknowledgedErrors,
    })),
  ].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : RANK[a.kind] - RANK[b.kind]));
  return {
    transitions: list.slice(0, MAX_TRANSITIONS),
    steps: steps.map((s): ObservedStep => ({
      stepId: s.stepId,
      status: s.status,
      startedAt: s.startedAt ? iso(s.startedAt) : null,
      finishedAt: s.finishedAt ? iso(s.finishedAt) : null,
      durationMs: s.startedAt && s.finishedAt ? s.finishedAt.getTime() - s.startedAt.getTime() : null,
      firstSeenAt: iso(s.firstSeenAt),
    })),
    recordingSince: since[0]?.first ? iso(since[0].first) : null,
  };
}

export interface ActionRecord {
  at: Date;
  action: string;
  publisherId: string;
  offerId: string;
  userOid: string | null;
  username: string | null;
  role: string | null;
  outcome: string;
  status: number;
  code: string | null;
  upstreamStatus: number | null;
  operationId: string | null;
  acknowledgedErrors: number | null;
}

export async function recordAction(db: Db, entry: ActionRecord): Promise<void> {
  await db
    .insert(actions)
    .values({ ...entry, publisherId: entry.publisherId.toLowerCase(), offerId: entry.offerId.toLowerCase() });
}

export interface ActivityFilter {
  publisherId?: string | undefined;
  offerId?: string | undefined;
  user?: string | undefined;
  action?: string | undefined;
  outcome?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  limit: number;
}

export async function readActivity(db: Db, filter: ActivityFilter): Promise<ActivityEntry[]> {
  const where: SQL[] = [];
  if (filter.publisherId) where.push(eq(actions.publisherId, filter.publisherId.toLowerCase()));
  if (filter.offerId) where.push(eq(actions.offerId, filter.offerId.toLowerCase()));
  if (filter.user) where.push(eq(actions.username, filter.user));
  if (filter.action) where.push(eq(actions.action, filter.action));
  if (filter.outcome) where.push(eq(actions.outcome, filter.outcome));
  if (filter.from) where.push(gte(actions.at, filter.from));
  if (filter.to) where.push(lte(actions.at, filter.to));
  const rows = await db
    .select()
    .from(actions)
    .where(where.length > 0 ? and(...where) : undefined)
    .orderBy(desc(actions.at), desc(actions.id))
    .limit(filter.limit);
  return rows.map((r) => ({
    id: r.id,
    at: iso(r.at),
    action: r.action,
    publisherId: r.publisherId,
    offerId: r.offerId,
    user: r.username,
    role: r.role,
    outcome: r.outcome,
    status: r.status,
    code: r.code,
    upstreamStatus: r.upstreamStatus,
    operationId: r.operationId,
    acknowledgedErrors: r.acknowledgedErrors,
  }));
}

/**
 * Records a user's visit to a publisher's offers at `now` and answers what changed since their
 * last visit: the visit's baseline (null on a first visit: nothing to mark yet) and each offer
 * with a recorded change after it, with its latest change. A visit goes on while the user comes
 * back within `gapMs` (a reload, a look at an offer and back); after a longer absence the next
 * visit's marks start where the last one ended.
 */
export async function recordVisit(
  db: Db,
  userOid: string,
  publisherId: string,
  now: Date,
  gapMs: number,
): Promise<PublisherVisit> {
  const p = publisherId.toLowerCase();
  const since = await db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(lastSeen)
      .where(and(eq(lastSeen.userOid, userOid), eq(lastSeen.publisherId, p)))
      .for("update");
    const continuing = row !== undefined && now.getTime() - row.seenAt.getTime() < gapMs;
    const baseline = continuing ? row.previousSeenAt : (row?.seenAt ?? null);
    await tx
      .insert(lastSeen)
      .values({ userOid, publisherId: p, seenAt: now, previousSeenAt: baseline })
      .onConflictDoUpdate({
        target: [lastSeen.userOid, lastSeen.publisherId],
        // A racing first visit keeps the baseline the other one wrote.
        set: { seenAt: now, ...(row ? { previousSeenAt: baseline } : {}) },
      });
    return baseline;
  });
  if (!since) return { since: null, changed: [] };
  const latest = max(transitions.at);
  const rows = await db
    .select({ offerId: transitions.offerId, at: latest })
    .from(transitions)
    .where(and(eq(transitions.publisherId, p), gt(transitions.at, since)))
    .groupBy(transitions.offerId)
    .orderBy(desc(latest));
  return {
    since: iso(since),
    changed: rows.flatMap((r) => (r.at ? [{ offerId: r.offerId, at: iso(r.at) }] : [])),
  };
}

export async function revokeSession(db: Db, sid: string, expiresAt: Date): Promise<void> {
  await db.insert(revokedSessions).values({ sid, expiresAt }).onConflictDoNothing();
}

export async function isSessionRevoked(db: Db, sid: string): Promise<boolean> {
  const [row] = await db.select({ sid: revokedSessions.sid }).from(revokedSessions).where(eq(revokedSessions.sid, sid));
  return row !== undefined;
}

/** Drops what is older than the retention (and revoked sessions past their expiry), then vacuums. */
export async function prune(db: Db, before: Date, now: Date): Promise<void> {
  await db.delete(transitions).where(lt(transitions.at, before));
  await db.delete(actions).where(lt(actions.at, before));
  await db.delete(statusDocuments).where(lt(statusDocuments.lastFetchedAt, before));
  // Their deliveries and read marks go with them (ON DELETE CASCADE).
  await db.delete(notificationEvents).where(lt(notificationEvents.occurredAt, before));
  await db.delete(revokedSessions).where(lt(revokedSessions.expiresAt, now));
  await db.delete(leases).where(lt(leases.expiresAt, now));
  // Every read moves a timestamp, and each update leaves a dead row version behind. The
  // embedded database has no autovacuum: without this its folder grows for ever (a server's
  // autovacuum does the same; running it here too is harmless).
  await db.execute(sql`VACUUM`);
}
