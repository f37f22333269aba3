import "server-only";

import { randomUUID } from "node:crypto";

import { and, asc, eq, inArray, isNull, lte, or, lt, sql } from "drizzle-orm";

import type { Channel, NotificationEvent, NotificationEventName, NotificationStep } from "@/lib/schemas/notifications";
import type { OfferStatus } from "@/lib/schemas/model";
import type { Indicator } from "@/lib/schemas/vocabulary";
import { overdueEvent, type DerivedEvent } from "@/lib/server/notify/derive";

import type { Db } from "./open";
import { deliveries, notificationEvents, notifyChannels, offers, stepTimes } from "./schema";

/**
 * Notification events and their outbox. Events are written in the transaction that recorded
 * their cause, and queued for every channel that takes them in that same transaction: an
 * event is never stored without its deliveries, nor delivered without being stored.
 */

type EventRow = typeof notificationEvents.$inferSelect;

export function toEvent(row: EventRow): NotificationEvent {
  return {
    id: row.id,
    event: row.event as NotificationEventName,
    occurredAt: row.occurredAt.toISOString(),
    publisherId: row.publisherId,
    offerId: row.offerId,
    offerName: row.offerName,
    indicator: row.indicator as Indicator | null,
    previousIndicator: row.previousIndicator as Indicator | null,
    step: (row.step as NotificationStep | null) ?? null,
    detail: row.detail as NotificationEvent["detail"],
  };
}

/** Stores events (an occurrence already stored is skipped) and queues them for the channels. */
export async function recordEvents(
  tx: Db,
  offer: { publisherId: string; offerId: string; offerName: string },
  at: Date,
  derived: readonly DerivedEvent[],
): Promise<NotificationEvent[]> {
  if (derived.length === 0) return [];
  const rows = await tx
    .insert(notificationEvents)
    .values(
      derived.map((e) => ({
        id: randomUUID(),
        key: e.key,
        event: e.event,
        occurredAt: at,
        publisherId: offer.publisherId,
        offerId: offer.offerId,
        offerName: offer.offerName,
        indicator: e.indicator,
        previousIndicator: e.previousIndicator,
        step: e.step,
        detail: e.detail,
      })),
    )
    .onConflictDoNothing({ target: notificationEvents.key })
    .returning();
  if (rows.length === 0) return [];
  // One delivery per event and channel that takes it; a stopped channel takes nothing.
  await tx.execute(sql`
    insert into ${deliveries} (event_seq, channel, state, attempts, next_attempt_at, created_at)
    select e.seq, c.channel, 'pending', 0, ${at}, ${at}
    from ${notificationEvents} e
    join ${notifyChannels} c on c.stopped_at is null and e.event = any(c.events)
    where e.seq in (${sql.join(
      rows.map((r) => sql`${r.seq}`),
      sql`, `,
    )})
    on conflict do nothing`);
  return rows.map(toEvent);
}

/** Offers whose indicator says a step may be running: the ones the overdue sweep looks at. */
const RUNNING: Indicator[] = ["publishing"];

/**
 * Overdue steps of offers in flight, as events (each run of a step at most once). The record
 * is enough: the step's observed start (or, when it started before the dashboard looked, its
 * earliest message, or at least its first sighting) against its estimate.
 */
export async function sweepOverdue(db: Db, now: Date): Promise<NotificationEvent[]> {
  const running = await db
    .select({
      publisherId: offers.publisherId,
      offerId: offers.offerId,
      summary: offers.summary,
      status: offers.status,
      indicator: offers.indicator,
    })
    .from(offers)
    .where(inArray(offers.indicator, RUNNING));
  if (running.length === 0) return [];
  // Every step run of those offers in one read (not one read per offer: 950 offers in flight).
  const runs = await db
    .select({ run: stepTimes })
    .from(stepTimes)
    .innerJoin(offers, and(eq(offers.publisherId, stepTimes.publisherId), eq(offers.offerId, stepTimes.offerId)))
    .where(inArray(offers.indicator, RUNNING));
  const runsOf = new Map<string, Map<string, typeof stepTimes.$inferSelect>>();
  for (const { run } of runs) {
    const key = `${run.publisherId}/${run.offerId}`;
    const steps = runsOf.get(key) ?? new Map();
    steps.set(run.stepId, run);
    runsOf.set(key, steps);
  }
  const candidates = running.flatMap((offer) => {
    const status = offer.status as OfferStatus | null;
    const byStep = runsOf.get(`${offer.publisherId}/${offer.offerId}`);
    if (!status || !byStep) return [];
    return status.steps.flatMap((step) => {
      const run = byStep.get(step.id);
      const event = run
        ? overdueEvent(offer.publisherId, offer.offerId, step, run, offer.indicator as Indicator | null, now.getTime())
        : null;
      return event ? [{ offer, event }] : [];
    });
  });
  if (candidates.length === 0) return [];
  // An overdue step stays overdue: those already told are left out before any write.
  const told = new Set(
    (
      await db
        .select({ key: notificationEvents.key })
        .from(notificationEvents)
        .where(
          inArray(
            notificationEvents.key,
            candidates.map((c) => c.event.key),
          ),
        )
    ).map((r) => r.key),
  );
  const recorded: NotificationEvent[] = [];
  for (const { offer, event } of candidates) {
    if (told.has(event.key)) continue;
    const name = (offer.summary as { name?: string } | null)?.name ?? offer.offerId;
    recorded.push(
      ...(await db.transaction((tx) =>
        recordEvents(tx, { publisherId: offer.publisherId, offerId: offer.offerId, offerName: name }, now, [event]),
      )),
    );
  }
  return recorded;
}

export interface ChannelConfig {
  channel: Channel;
  /** A hash of the channel's address (never the address itself). */
  configHash: string;
  events: readonly NotificationEventName[];
}

export interface ChannelRecord {
  channel: Channel;
  stoppedAt: Date | null;
  stopReason: string | null;
}

/**
 * Brings the channel table in line with this process's configuration: a new or changed
 * address takes events from now on (and is no longer stopped); a channel no longer configured
 * is removed, and what it still had queued is skipped.
 */
export async function syncChannels(db: Db, configured: readonly ChannelConfig[], now: Date): Promise<ChannelRecord[]> {
  return db.transaction(async (tx) => {
    const existing = await tx.select().from(notifyChannels).for("update");
    const byChannel = new Map(existing.map((c) => [c.channel, c]));
    const names = new Set(configured.map((c) => c.channel));
    for (const gone of existing.filter((c) => !names.has(c.channel as Channel))) {
      await tx.delete(notifyChannels).where(eq(notifyChannels.channel, gone.channel));
      await skipPending(tx, gone.channel as Channel, "the channel is no longer configured", now);
    }
    for (const c of configured) {
      const row = byChannel.get(c.channel);
      if (!row) {
        await tx
          .insert(notifyChannels)
          .values({ channel: c.channel, configHash: c.configHash, events: [...c.events], since: now });
      } else if (row.configHash !== c.configHash) {
        await tx
          .update(notifyChannels)
          .set({ configHash: c.configHash, events: [...c.events], since: now, stoppedAt: null, stopReason: null })
          .where(eq(notifyChannels.channel, c.channel));
      } else if (row.events.join(",") !== c.events.join(",")) {
        await tx
          .update(notifyChannels)
          .set({ events: [...c.events] })
          .where(eq(notifyChannels.channel, c.channel));
      }
    }
    const rows = await tx.select().from(notifyChannels).orderBy(asc(notifyChannels.channel));
    return rows.map((r) => ({ channel: r.channel as Channel, stoppedAt: r.stoppedAt, stopReason: r.stopReason }));
  });
}

async function skipPending(tx: Db, channel: Channel, reason: string, now: Date): Promise<void> {
  await tx
    .update(deliveries)
    .set({
      state: "skipped",
      lastResult: reason,
      leaseUntil: null,
      lastAttemptAt: sql`coalesce(${deliveries.lastAttemptAt}, ${now})`,
    })
    .where(and(eq(deliveries.channel, channel), eq(deliveries.state, "pending")));
}

/** A receiver said the address is gone (410/404): the channel sends nothing until it changes. */
export async function stopChannel(db: Db, channel: Channel, reason: string, now: Date): Promise<void> {
  await db.transaction(async (tx) => {
    await tx
      .update(notifyChannels)
      .set({ stoppedAt: now, stopReason: reason })
      .where(eq(notifyChannels.channel, channel));
    await skipPending(tx, channel, `not sent: ${reason}`, now);
  });
}

export interface ClaimedDelivery {
  id: number;
  channel: Channel;
  attempts: number;
  event: NotificationEvent;
}

/**
 * Claims up to `limit` due deliveries of a channel for `leaseMs`. Rows another instance holds
 * are skipped (FOR UPDATE SKIP LOCKED), and a claim lasts longer than an attempt may, so an
 * event has one attempt at a time however many instances run.
 */
export async function claimDeliveries(
  db: Db,
  channel: Channel,
  limit: number,
  leaseMs: number,
  now: Date,
): Promise<ClaimedDelivery[]> {
  if (limit <= 0) return [];
  return db.transaction(async (tx) => {
    const due = await tx
      .select({ id: deliveries.id })
      .from(deliveries)
      .where(
        and(
          eq(deliveries.channel, channel),
          eq(deliveries.state, "pending"),
          lte(deliveries.nextAttemptAt, now),
          or(isNull(deliveries.leaseUntil), lt(deliveries.leaseUntil, now)),
        ),
      )
      .orderBy(asc(deliveries.nextAttemptAt), asc(deliveries.id))
      .limit(limit)
      .for("update", { skipLocked: true });
    if (due.length === 0) return [];
    const ids = due.map((d) => d.id);
    await tx
      .update(deliveries)
      .set({ leaseUntil: new Date(now.getTime() + leaseMs) })
      .where(inArray(deliveries.id, ids));
    const rows = await tx
      .select({ delivery: deliveries, event: notificationEvents })
      .from(deliveries)
      .innerJoin(notificationEvents, eq(notificationEvents.seq, deliveries.eventSeq))
      .where(inArray(deliveries.id, ids))
      .orderBy(asc(deliveries.nextAttemptAt), asc(deliveries.id));
    return rows.map((r) => ({
      id: r.delivery.id,
      channel: r.delivery.channel,
      attempts: r.delivery.attempts,
      event: toEvent(r.event),
    }));
  });
}

export type AttemptOutcome =
  | { state: "delivered"; status: number; result: string }
  | { state: "retry"; status: number | null; result: string; nextAttemptAt: Date }
  | { state: "failed"; status: number | null; result: string };

/** Writes down one attempt's outcome and releases the claim. */
export async function finishAttempt(db: Db, id: number, outcome: AttemptOutcome, now: Date): Promise<void> {
  await db
    .update(deliveries)
    .set({
      state: outcome.state === "retry" ? "pending" : outcome.state,
      attempts: sql`${deliveries.attempts} + 1`,
      lastAttemptAt: now,
      lastStatus: outcome.status,
      lastResult: outcome.result.slice(0, 300),
      leaseUntil: null,
      ...(outcome.state === "retry" ? { nextAttemptAt: outcome.nextAttemptAt } : {}),
      ...(outcome.state === "delivered" ? { deliveredAt: now } : {}),
    })
    // A channel stopped during the attempt has skipped the row: only a delivery overrides that.
    .where(and(eq(deliveries.id, id), outcome.state === "delivered" ? undefined : eq(deliveries.state, "pending")));
}
