import "server-only";

import { and, desc, eq, exists, inArray, lte, max, or, sql, type SQL } from "drizzle-orm";

import type { Watches } from "@/lib/schemas/inbox";
import type {
  Channel,
  ChannelState,
  Delivery,
  DeliveryLog,
  Inbox,
  InboxItem,
  NotificationEventName,
  NotificationStep,
} from "@/lib/schemas/notifications";
import { CHANNELS } from "@/lib/schemas/notifications";
import type { Indicator } from "@/lib/schemas/vocabulary";

import type { Db } from "./open";
import { deliveries, inboxReads, inboxState, notificationEvents, notifyChannels, watches } from "./schema";

/**
 * The in-app side of notifications (#17): what each user watches, their inbox (the events of
 * what they watch, and for approvers every publisher's sign-off events unless they turned that
 * off), what they have read, and the delivery log operators read.
 */

const iso = (d: Date) => d.toISOString();
export const INBOX_LIMIT = 50;

/** Who reads the inbox: approvers take every sign-off event by default. */
export interface Reader {
  userOid: string;
  approver: boolean;
}

export async function watch(db: Db, userOid: string, publisherId: string, offerId: string | null, now: Date) {
  await db
    .insert(watches)
    .values({ userOid, publisherId: publisherId.toLowerCase(), offerId: offerId?.toLowerCase() ?? "", createdAt: now })
    .onConflictDoNothing();
}

export async function unwatch(db: Db, userOid: string, publisherId: string, offerId: string | null) {
  await db
    .delete(watches)
    .where(
      and(
        eq(watches.userOid, userOid),
        eq(watches.publisherId, publisherId.toLowerCase()),
        eq(watches.offerId, offerId?.toLowerCase() ?? ""),
      ),
    );
}

async function readState(db: Db, userOid: string) {
  const [row] = await db.select().from(inboxState).where(eq(inboxState.userOid, userOid));
  return { readThroughSeq: row?.readThroughSeq ?? 0, signoffEverywhere: row?.signoffEverywhere ?? null };
}

export async function readWatches(db: Db, reader: Reader): Promise<Watches> {
  const [rows, state] = await Promise.all([
    db.select().from(watches).where(eq(watches.userOid, reader.userOid)).orderBy(watches.publisherId, watches.offerId),
    readState(db, reader.userOid),
  ]);
  return {
    publishers: rows.filter((r) => r.offerId === "").map((r) => r.publisherId),
    offers: rows.filter((r) => r.offerId !== "").map((r) => ({ publisherId: r.publisherId, offerId: r.offerId })),
    signoffEverywhere: reader.approver && state.signoffEverywhere !== false,
    approver: reader.approver,
  };
}

export async function setSignoffEverywhere(db: Db, userOid: string, on: boolean): Promise<void> {
  await db
    .insert(inboxState)
    .values({ userOid, signoffEverywhere: on })
    .onConflictDoUpdate({ target: inboxState.userOid, set: { signoffEverywhere: on } });
}

/** The events this reader sees: what they watch, and every sign-off for approvers who kept the default. */
function visibleTo(db: Db, reader: Reader, signoffEverywhere: boolean): SQL {
  const e = notificationEvents;
  const watched = exists(
    db
      .select({ one: sql`1` })
      .from(watches)
      .where(
        and(
          eq(watches.userOid, reader.userOid),
          eq(watches.publisherId, e.publisherId),
          or(eq(watches.offerId, ""), eq(watches.offerId, e.offerId)),
        ),
      ),
  );
  return reader.approver && signoffEverywhere ? (or(watched, eq(e.event, "awaitingSignoff")) as SQL) : watched;
}

function readBy(db: Db, userOid: string, readThroughSeq: number): SQL<boolean> {
  const e = notificationEvents;
  const one = exists(
    db
      .select({ one: sql`1` })
      .from(inboxReads)
      .where(and(eq(inboxReads.userOid, userOid), eq(inboxReads.eventSeq, e.seq))),
  );
  return sql<boolean>`(${e.seq} <= ${readThroughSeq} or ${one})`;
}

/** The reader's inbox: the newest events first (at most `limit`) and how many are unread in all. */
export async function readInbox(db: Db, reader: Reader, limit = INBOX_LIMIT): Promise<Inbox> {
  const state = await readState(db, reader.userOid);
  const visible = visibleTo(db, reader, state.signoffEverywhere !== false);
  const read = readBy(db, reader.userOid, state.readThroughSeq);
  const [rows, [count]] = await Promise.all([
    db
      .select({ event: notificationEvents, read })
      .from(notificationEvents)
      .where(visible)
      .orderBy(desc(notificationEvents.seq))
      .limit(limit),
    db
      .select({ unread: sql<number>`count(*)::int` })
      .from(notificationEvents)
      .where(and(visible, sql`not ${read}`)),
  ]);
  return {
    unread: Number(count?.unread ?? 0),
    items: rows.map(({ event: r, read: isRead }): InboxItem => ({
      id: r.id,
      event: r.event as NotificationEventName,
      occurredAt: iso(r.occurredAt),
      publisherId: r.publisherId,
      offerId: r.offerId,
      offerName: r.offerName,
      indicator: (r.indicator as Indicator | null) ?? null,
      previousIndicator: (r.previousIndicator as Indicator | null) ?? null,
      step: (r.step as NotificationStep | null) ?? null,
      detail: (r.detail as InboxItem["detail"] | null) ?? {},
      read: Boolean(isRead),
    })),
  };
}

/**
 * Marks events read: some by id (ids the reader cannot see are ignored), or all = everything
 * visible now (later events stay unread).
 */
export async function markRead(db: Db, reader: Reader, what: { ids: string[] } | { all: true }): Promise<void> {
  const state = await readState(db, reader.userOid);
  const visible = visibleTo(db, reader, state.signoffEverywhere !== false);
  if ("ids" in what) {
    const rows = await db
      .select({ seq: notificationEvents.seq })
      .from(notificationEvents)
      .where(and(inArray(notificationEvents.id, what.ids), visible));
    if (rows.length === 0) return;
    await db
      .insert(inboxReads)
      .values(rows.map((r) => ({ userOid: reader.userOid, eventSeq: r.seq })))
      .onConflictDoNothing();
    return;
  }
  const [newest] = await db
    .select({ seq: max(notificationEvents.seq) })
    .from(notificationEvents)
    .where(visible);
  const through = Number(newest?.seq ?? 0);
  if (through <= state.readThroughSeq) return;
  await db.transaction(async (tx) => {
    await tx
      .insert(inboxState)
      .values({ userOid: reader.userOid, readThroughSeq: through })
      .onConflictDoUpdate({
        target: inboxState.userOid,
        // Never backwards, should two "Mark all read" race.
        set: { readThroughSeq: sql`greatest(${inboxState.readThroughSeq}, ${through})` },
      });
    await tx.delete(inboxReads).where(and(eq(inboxReads.userOid, reader.userOid), lte(inboxReads.eventSeq, through)));
  });
}

/** The delivery log: each channel's state, and the newest deliveries (one row per event and channel). */
export async function readDeliveries(db: Db, limit: number): Promise<DeliveryLog> {
  const [channelRows, rows] = await Promise.all([
    db.select().from(notifyChannels),
    db
      .select({ d: deliveries, e: notificationEvents })
      .from(deliveries)
      .innerJoin(notificationEvents, eq(deliveries.eventSeq, notificationEvents.seq))
      .orderBy(desc(notificationEvents.seq), deliveries.channel)
      .limit(limit),
  ]);
  const byChannel = new Map(channelRows.map((c) => [c.channel, c]));
  const channels = CHANNELS.map((channel): ChannelState => {
    const row = byChannel.get(channel);
    return {
      channel,
      configured: row !== undefined,
      stoppedAt: row?.stoppedAt ? iso(row.stoppedAt) : null,
      stopReason: row?.stopReason ?? null,
      events: (row?.events ?? []) as NotificationEventName[],
    };
  });
  return {
    channels,
    deliveries: rows.map(({ d, e }): Delivery => ({
      eventId: e.id,
      event: e.event as NotificationEventName,
      occurredAt: iso(e.occurredAt),
      publisherId: e.publisherId,
      offerId: e.offerId,
      channel: d.channel as Channel,
      state: d.state,
      attempts: d.attempts,
      lastAttemptAt: d.lastAttemptAt ? iso(d.lastAttemptAt) : null,
      nextAttemptAt: d.state === "pending" ? iso(d.nextAttemptAt) : null,
      lastResult: d.lastResult,
      lastStatus: d.lastStatus,
    })),
  };
}
