import "server-only";

import { createHash } from "node:crypto";

import { and, eq, inArray, isNotNull, sql } from "drizzle-orm";

import type { OfferStatus, OfferSummary, Publisher } from "@/lib/schemas/model";
import type { NotificationEvent, NotificationStep } from "@/lib/schemas/notifications";
import type { Indicator } from "@/lib/schemas/vocabulary";
import {
  changesBetween,
  nextStepTimes,
  offerIndicator,
  type Change,
  type StepTime,
} from "@/lib/server/recorder/changes";
import { eventsFromChanges, stepOf } from "@/lib/server/notify/derive";

import { recordEvents } from "./notifications";
import type { Db } from "./open";
import { offers, publishers, statusDocuments, stepTimes, transitions } from "./schema";

/**
 * The recorder's writes and reads of offers: latest list entries and status documents,
 * deduplicated documents, transitions and observed step times. Each write runs in one
 * transaction with the offer's row locked, so two writers (the watcher and a live read, or
 * two instances) never record the same change twice.
 */

export const hashOf = (value: unknown): string => createHash("sha256").update(JSON.stringify(value)).digest("hex");

type OfferRow = typeof offers.$inferSelect;

const summaryOf = (row: OfferRow): OfferSummary | null => (row.summary as OfferSummary | null) ?? null;
const statusOf = (row: OfferRow): OfferStatus | null => (row.status as OfferStatus | null) ?? null;

function indicatorOfRow(
  row: Pick<OfferRow, "summary" | "listFetchedAt" | "status" | "statusFetchedAt">,
): Indicator | null {
  const summary = row.summary as OfferSummary | null;
  const status = row.status as OfferStatus | null;
  return offerIndicator(
    summary && row.listFetchedAt ? { summary, fetchedAt: row.listFetchedAt.getTime() } : null,
    status && row.statusFetchedAt ? { status, fetchedAt: row.statusFetchedAt.getTime() } : null,
  );
}

/**
 * When an offer's list entry was last confirmed: an offer with an entry is in the publisher's
 * latest list (offers that left it are deleted), so the publisher's list time stands for all
 * of them, and an unchanged entry's row is never rewritten just to move a timestamp (at 5,000
 * offers that rewrote every row on every list read and bloated the store).
 */
function listedAt(row: Pick<OfferRow, "summary" | "listFetchedAt">, publisherListedAt: Date | null): Date | null {
  if (!row.summary || !publisherListedAt) return row.listFetchedAt;
  return row.listFetchedAt && row.listFetchedAt > publisherListedAt ? row.listFetchedAt : publisherListedAt;
}

async function publisherListedAt(db: Db, publisherId: string): Promise<Date | null> {
  const [row] = await db
    .select({ listFetchedAt: publishers.listFetchedAt })
    .from(publishers)
    .where(eq(publishers.id, publisherId));
  return row?.listFetchedAt ?? null;
}

interface ChangeContext {
  offerName: string;
  indicator: Indicator | null;
  currentStep: NotificationStep | null;
  errors: number | null;
}

/** Writes the changes and the notification events they cause (in the caller's transaction). */
async function insertChanges(
  db: Db,
  publisherId: string,
  offerId: string,
  at: Date,
  changes: Change[],
  context: ChangeContext,
): Promise<NotificationEvent[]> {
  if (changes.length === 0) return [];
  const ids = await db
    .insert(transitions)
    .values(
      changes.map((c) => ({
        publisherId,
        offerId,
        at,
        kind: c.kind,
        stepId: c.stepId,
        fromValue: c.from,
        toValue: c.to,
        detail: c.detail,
      })),
    )
    .returning({ id: transitions.id });
  const derived = eventsFromChanges(
    changes.map((change, i) => ({ transitionId: ids[i]!.id, change })),
    context,
  );
  return recordEvents(db, { publisherId, offerId, offerName: context.offerName }, at, derived);
}

function currentStepOf(status: OfferStatus): NotificationStep | null {
  const step = status.steps.find((s) => s.id === status.currentStepId);
  return step ? stepOf(step) : null;
}

export interface Recorded {
  changes: Change[];
  indicator: Indicator | null;
  /** The notification events these changes caused (stored and queued). */
  notifications: NotificationEvent[];
}

/** Records a status document read from the upstream at `fetchedAt`. */
export async function recordStatus(db: Db, status: OfferStatus, fetchedAt: number): Promise<Recorded> {
  const publisherId = status.publisherId.toLowerCase();
  const offerId = status.offerId.toLowerCase();
  const at = new Date(fetchedAt);
  const hash = hashOf(status);
  return db.transaction(async (tx) => {
    await tx.insert(offers).values({ publisherId, offerId }).onConflictDoNothing();
    const [row] = await tx
      .select()
      .from(offers)
      .where(and(eq(offers.publisherId, publisherId), eq(offers.offerId, offerId)))
      .for("update");
    if (!row) throw new Error("offer row vanished inside its transaction");
    // An older read finishing after a newer one says nothing new.
    if (row.statusFetchedAt && row.statusFetchedAt.getTime() >= fetchedAt)
      return { changes: [], indicator: row.indicator as Indicator | null, notifications: [] };

    await tx
      .insert(statusDocuments)
      .values({ publisherId, offerId, hash, document: status, firstFetchedAt: at, lastFetchedAt: at })
      .onConflictDoUpdate({
        target: [statusDocuments.publisherId, statusDocuments.offerId, statusDocuments.hash],
        set: { lastFetchedAt: at },
      });
    if (row.statusHash === hash) {
      await tx
        .update(offers)
        .set({ statusFetchedAt: at })
        .where(and(eq(offers.publisherId, publisherId), eq(offers.offerId, offerId)));
      return { changes: [], indicator: row.indicator as Indicator | null, notifications: [] };
    }

    const previous = statusOf(row);
    const listFetchedAt = listedAt(row, await publisherListedAt(tx, publisherId));
    const indicator = indicatorOfRow({ ...row, listFetchedAt, status, statusFetchedAt: at });
    const changes = changesBetween(
      { status: previous, indicator: row.indicator as Indicator | null },
      { status, indicator },
    );
    const notifications = await insertChanges(tx, publisherId, offerId, at, changes, {
      offerName: summaryOf(row)?.name ?? offerId,
      indicator,
      currentStep: currentStepOf(status),
      errors: status.errorCount,
    });

    const existing = await tx
      .select()
      .from(stepTimes)
      .where(and(eq(stepTimes.publisherId, publisherId), eq(stepTimes.offerId, offerId)));
    const times = nextStepTimes(
      new Map(existing.map((t): [string, StepTime] => [t.stepId, t])),
      status.steps,
      at,
      previous === null,
    );
    for (const t of times) {
      await tx
        .insert(stepTimes)
        .values({ publisherId, offerId, ...t })
        .onConflictDoUpdate({
          target: [stepTimes.publisherId, stepTimes.offerId, stepTimes.stepId],
          set: { status: t.status, startedAt: t.startedAt, finishedAt: t.finishedAt, firstSeenAt: t.firstSeenAt },
        });
    }

    await tx
      .update(offers)
      .set({
        status,
        statusHash: hash,
        statusFetchedAt: at,
        indicator,
        ...(indicator !== row.indicator ? { indicatorSince: at } : {}),
      })
      .where(and(eq(offers.publisherId, publisherId), eq(offers.offerId, offerId)));
    return { changes, indicator, notifications };
  });
}

export interface ListRecorded {
  /** Offers that are new or whose entry changed (status, version or changed time), with the entry before. */
  changed: { offerId: string; previous: OfferSummary | null }[];
  /** Offers that went from the list. */
  removed: string[];
  changes: { offerId: string; change: Change }[];
  notifications: NotificationEvent[];
}

const entryKey = (s: OfferSummary | null) => (s ? `${s.status.raw}|${s.version ?? ""}|${s.changedTime ?? ""}` : "");

/** Records a publisher's offer list (entries as the list gives them, no status fill-in). */
export async function recordList(
  db: Db,
  publisher: Publisher,
  list: OfferSummary[],
  fetchedAt: number,
): Promise<ListRecorded> {
  const publisherId = publisher.id.toLowerCase();
  const at = new Date(fetchedAt);
  return db.transaction(async (tx) => {
    await tx
      .insert(publishers)
      .values({ id: publisherId, name: publisher.name, listFetchedAt: at, listError: null, seenAt: at })
      .onConflictDoUpdate({
        target: publishers.id,
        set: { name: publisher.name, listFetchedAt: at, listError: null, seenAt: at },
      });
    const rows = await tx.select().from(offers).where(eq(offers.publisherId, publisherId)).for("update");
    const byId = new Map(rows.map((r) => [r.offerId, r]));
    const result: ListRecorded = { changed: [], removed: [], changes: [], notifications: [] };
    const ids = new Set<string>();
    for (const summary of list) {
      const offerId = summary.id.toLowerCase();
      ids.add(offerId);
      const row = byId.get(offerId);
      const summaryHash = hashOf(summary);
      if (row?.summaryHash === summaryHash) continue;
      const before = row ? summaryOf(row) : null;
      if (!row || entryKey(before) !== entryKey(summary)) result.changed.push({ offerId, previous: before });
      const base = row ?? { summary: null, listFetchedAt: null, status: null, statusFetchedAt: null, indicator: null };
      const indicator = indicatorOfRow({ ...base, summary, listFetchedAt: at });
      const previousIndicator = (row?.indicator ?? null) as Indicator | null;
      // An offer in flight is placed by its status document, which the watcher reads next.
      const placeable = indicator !== null && (row?.status != null || !isInFlightSummary(summary));
      const nextIndicator = placeable ? indicator : previousIndicator;
      const changes = placeable
        ? changesBetween({ status: null, indicator: previousIndicator }, { status: null, indicator: nextIndicator })
        : [];
      const notifications = await insertChanges(tx, publisherId, offerId, at, changes, {
        offerName: summary.name,
        indicator: nextIndicator,
        currentStep: summary.currentStep ? stepOf(summary.currentStep) : null,
        errors: summary.currentStep ? summary.errorCount : null,
      });
      result.notifications.push(...notifications);
      result.changes.push(...changes.map((change) => ({ offerId, change })));
      const set = {
        summary,
        summaryHash,
        listFetchedAt: at,
        indicator: nextIndicator,
        ...(nextIndicator !== previousIndicator ? { indicatorSince: at } : {}),
      };
      await tx
        .insert(offers)
        .values({ publisherId, offerId, ...set })
        .onConflictDoUpdate({ target: [offers.publisherId, offers.offerId], set });
    }
    const gone = rows.filter((r) => r.summary !== null && !ids.has(r.offerId)).map((r) => r.offerId);
    if (gone.length > 0) {
      await tx.delete(offers).where(and(eq(offers.publisherId, publisherId), inArray(offers.offerId, gone)));
      result.removed = gone;
    }
    // The unchanged rest is confirmed by the publisher's list time (see listedAt).
    return result;
  });
}

function isInFlightSummary(summary: OfferSummary): boolean {
  return summary.status.value === "running" || summary.status.value === "waitingForPublisherReview";
}

/** Marks a publisher's list as failing (the pages can say so; the stored rows stay). */
export async function recordListError(db: Db, publisherId: string, message: string): Promise<void> {
  await db
    .update(publishers)
    .set({ listError: message.slice(0, 500) })
    .where(eq(publishers.id, publisherId.toLowerCase()));
}

export interface StoredList {
  publisher: { id: string; name: string; listFetchedAt: Date | null; listError: string | null } | null;
  rows: {
    summary: OfferSummary;
    status: OfferStatus | null;
    statusFetchedAt: Date | null;
    indicator: Indicator | null;
  }[];
}

export async function readList(db: Db, publisherId: string): Promise<StoredList> {
  const id = publisherId.toLowerCase();
  const [publisher] = await db.select().from(publishers).where(eq(publishers.id, id));
  const rows = await db
    .select()
    .from(offers)
    .where(and(eq(offers.publisherId, id), isNotNull(offers.summary)));
  return {
    publisher: publisher ?? null,
    rows: rows.map((r) => ({
      summary: r.summary as OfferSummary,
      status: statusOf(r),
      statusFetchedAt: r.statusFetchedAt,
      indicator: r.indicator as Indicator | null,
    })),
  };
}

export interface StoredOffer {
  summary: OfferSummary | null;
  listFetchedAt: Date | null;
  status: OfferStatus | null;
  statusFetchedAt: Date | null;
  indicator: Indicator | null;
}

export async function readOffer(db: Db, publisherId: string, offerId: string): Promise<StoredOffer | null> {
  const p = publisherId.toLowerCase();
  const [[row], publisherAt] = await Promise.all([
    db
      .select()
      .from(offers)
      .where(and(eq(offers.publisherId, p), eq(offers.offerId, offerId.toLowerCase()))),
    publisherListedAt(db, p),
  ]);
  if (!row) return null;
  return {
    summary: summaryOf(row),
    listFetchedAt: listedAt(row, publisherAt),
    status: statusOf(row),
    statusFetchedAt: row.statusFetchedAt,
    indicator: row.indicator as Indicator | null,
  };
}

/** Every stored offer of the given indicators, across publishers (the attention queue). */
export async function readOffersByIndicator(
  db: Db,
  indicators: Indicator[],
): Promise<(StoredOffer & { publisherId: string; offerId: string; indicatorSince: Date | null })[]> {
  const [rows, listed] = await Promise.all([
    db
      .select()
      .from(offers)
      .where(
        and(isNotNull(offers.summary), indicators.length > 0 ? inArray(offers.indicator, indicators) : sql`false`),
      ),
    readPublishers(db),
  ]);
  const publisherAt = new Map(listed.map((p) => [p.id, p.listFetchedAt]));
  return rows.map((r) => ({
    publisherId: r.publisherId,
    offerId: r.offerId,
    summary: summaryOf(r),
    listFetchedAt: listedAt(r, publisherAt.get(r.publisherId) ?? null),
    status: statusOf(r),
    statusFetchedAt: r.statusFetchedAt,
    indicator: r.indicator as Indicator | null,
    indicatorSince: r.indicatorSince,
  }));
}

export async function readPublishers(db: Db): Promise<{ id: string; name: string; listFetchedAt: Date | null }[]> {
  return db
    .select({ id: publishers.id, name: publishers.name, listFetchedAt: publishers.listFetchedAt })
    .from(publishers)
    .orderBy(publishers.id);
}
