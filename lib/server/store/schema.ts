/**
 * The recorder's schema (PostgreSQL dialect; PGlite and PostgreSQL alike). Migrations are
 * generated from this file by drizzle-kit (`npm run db:generate`) into ./migrations and
 * applied on start. Times are `timestamptz`; ids are the upstream's, lower-cased.
 */
import {
  bigint,
  bigserial,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";

const at = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

/** Publishers the watcher follows, and how its last list read went. */
export const publishers = pgTable("publishers", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  listFetchedAt: at("list_fetched_at"),
  listError: text("list_error"),
  seenAt: at("seen_at").notNull(),
  /**
   * Bumped in the transaction of every write that changes what the publisher's offer list
   * shows (an entry, a status document, an indicator): a reader that built the list at this
   * version can serve it again without reading 5,000 rows.
   */
  version: bigint("version", { mode: "number" }).notNull().default(0),
});

/**
 * One row per offer: its latest list entry and latest status document (the app's model),
 * the indicator derived from both, and when each was fetched from the upstream.
 */
export const offers = pgTable(
  "offers",
  {
    publisherId: text("publisher_id").notNull(),
    offerId: text("offer_id").notNull(),
    /** Null for an offer read directly (a Status tab) before any list read saw it. */
    summary: jsonb("summary"),
    summaryHash: text("summary_hash"),
    listFetchedAt: at("list_fetched_at"),
    status: jsonb("status"),
    statusHash: text("status_hash"),
    statusFetchedAt: at("status_fetched_at"),
    /** Null until the offer's state is known (an offer in flight before its status is read). */
    indicator: text("indicator"),
    indicatorSince: at("indicator_since"),
  },
  (t) => [primaryKey({ columns: [t.publisherId, t.offerId] }), index("offers_indicator").on(t.indicator)],
);

/** Status documents as fetched, deduplicated by content hash per offer. */
export const statusDocuments = pgTable(
  "status_documents",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    publisherId: text("publisher_id").notNull(),
    offerId: text("offer_id").notNull(),
    hash: text("hash").notNull(),
    document: jsonb("document").notNull(),
    firstFetchedAt: at("first_fetched_at").notNull(),
    lastFetchedAt: at("last_fetched_at").notNull(),
  },
  (t) => [uniqueIndex("status_documents_offer_hash").on(t.publisherId, t.offerId, t.hash)],
);

/** What changed, as observed: the offer's indicator, a step's status, a new message. */
export const transitions = pgTable(
  "transitions",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    publisherId: text("publisher_id").notNull(),
    offerId: text("offer_id").notNull(),
    at: at("at").notNull(),
    kind: text("kind", { enum: ["indicator", "step", "message"] }).notNull(),
    stepId: text("step_id"),
    fromValue: text("from_value"),
    toValue: text("to_value"),
    detail: jsonb("detail").notNull(),
  },
  (t) => [index("transitions_offer_at").on(t.publisherId, t.offerId, t.at), index("transitions_at").on(t.at)],
);

/** Each step's observed start and end in the offer's current (or last) publish. */
export const stepTimes = pgTable(
  "step_times",
  {
    publisherId: text("publisher_id").notNull(),
    offerId: text("offer_id").notNull(),
    stepId: text("step_id").notNull(),
    status: text("status").notNull(),
    /** When it was first seen past notStarted; null if it already was at the first observation. */
    startedAt: at("started_at"),
    finishedAt: at("finished_at"),
    firstSeenAt: at("first_seen_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.publisherId, t.offerId, t.stepId] })],
);

/** The audit of Go live / Cancel: every attempt, refused and failed ones included. */
export const actions = pgTable(
  "actions",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    at: at("at").notNull(),
    action: text("action").notNull(),
    publisherId: text("publisher_id").notNull(),
    offerId: text("offer_id").notNull(),
    userOid: text("user_oid"),
    username: text("username"),
    role: text("role"),
    outcome: text("outcome").notNull(),
    status: integer("status").notNull(),
    code: text("code"),
    upstreamStatus: integer("upstream_status"),
    operationId: text("operation_id"),
    acknowledgedErrors: integer("acknowledged_errors"),
  },
  (t) => [index("actions_at").on(t.at), index("actions_offer").on(t.publisherId, t.offerId, t.at)],
);

/** When a user last looked at a publisher's offers (for "changed since your last visit"). */
export const lastSeen = pgTable(
  "last_seen",
  {
    userOid: text("user_oid").notNull(),
    publisherId: text("publisher_id").notNull(),
    seenAt: at("seen_at").notNull(),
    previousSeenAt: at("previous_seen_at"),
  },
  (t) => [primaryKey({ columns: [t.userOid, t.publisherId] })],
);

/** Signed-out sessions, kept until they would have expired, so a copied cookie stops working. */
export const revokedSessions = pgTable("revoked_sessions", {
  sid: text("sid").primaryKey(),
  expiresAt: at("expires_at").notNull(),
});

/** Small key/value facts about the store itself (e.g. which world the demo's data belongs to). */
export const storeMeta = pgTable("store_meta", {
  key: text("key").primaryKey(),
  value: text("value").notNull(),
});

/**
 * Notification events (#17): what people are told about, derived from recorded transitions in
 * the same transaction (so each occurs once however many writers race), or from the overdue
 * sweep. `id` is the stable id receivers deduplicate on; `key` says what makes an occurrence
 * one (a transition's id, or an overdue step's run) and is unique.
 */
export const notificationEvents = pgTable(
  "notification_events",
  {
    seq: bigserial("seq", { mode: "number" }).primaryKey(),
    id: text("id").notNull(),
    key: text("key").notNull(),
    event: text("event").notNull(),
    occurredAt: at("occurred_at").notNull(),
    publisherId: text("publisher_id").notNull(),
    offerId: text("offer_id").notNull(),
    offerName: text("offer_name").notNull(),
    indicator: text("indicator"),
    previousIndicator: text("previous_indicator"),
    /** The step the event concerns, or the offer's current step: `{ id, name, status }`. */
    step: jsonb("step"),
    /** What else the event knows: an error's text, an overdue step's estimate and running time. */
    detail: jsonb("detail").notNull(),
  },
  (t) => [
    uniqueIndex("notification_events_id").on(t.id),
    uniqueIndex("notification_events_key").on(t.key),
    index("notification_events_offer").on(t.publisherId, t.offerId),
    index("notification_events_at").on(t.occurredAt),
  ],
);

/**
 * The outbox: one row per event and channel, created by the deliverer for the events its
 * channel selects. An instance claims due rows with a lease (FOR UPDATE SKIP LOCKED), so each
 * delivery has one attempt stream however many instances run.
 */
export const deliveries = pgTable(
  "deliveries",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    eventSeq: bigint("event_seq", { mode: "number" })
      .notNull()
      .references(() => notificationEvents.seq, { onDelete: "cascade" }),
    channel: text("channel", { enum: ["webhook", "teams", "slack"] }).notNull(),
    state: text("state", { enum: ["pending", "delivered", "failed", "skipped"] }).notNull(),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: at("next_attempt_at").notNull(),
    leaseUntil: at("lease_until"),
    lastAttemptAt: at("last_attempt_at"),
    lastStatus: integer("last_status"),
    lastResult: text("last_result"),
    deliveredAt: at("delivered_at"),
    createdAt: at("created_at").notNull(),
  },
  (t) => [
    uniqueIndex("deliveries_event_channel").on(t.eventSeq, t.channel),
    index("deliveries_due").on(t.state, t.nextAttemptAt),
  ],
);

/**
 * Each channel's configuration as last seen (a hash of its address, never the address), since
 * when it takes events, and whether a receiver stopped it (410/404) until the address changes.
 */
export const notifyChannels = pgTable("notify_channels", {
  channel: text("channel").primaryKey(),
  configHash: text("config_hash").notNull(),
  /** The events this channel takes (NOTIFY_EVENTS); new events are queued for it in their transaction. */
  events: text("events").array().notNull(),
  since: at("since").notNull(),
  stoppedAt: at("stopped_at"),
  stopReason: text("stop_reason"),
});

/** What a user watches: a whole publisher (offerId '') or one offer. */
export const watches = pgTable(
  "watches",
  {
    userOid: text("user_oid").notNull(),
    publisherId: text("publisher_id").notNull(),
    offerId: text("offer_id").notNull().default(""),
    createdAt: at("created_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.userOid, t.publisherId, t.offerId] })],
);

/**
 * A user's inbox state: everything up to `readThroughSeq` is read ("Mark all read"), and
 * whether an approver still takes every publisher's sign-off events (the default).
 */
export const inboxState = pgTable("inbox_state", {
  userOid: text("user_oid").primaryKey(),
  readThroughSeq: bigint("read_through_seq", { mode: "number" }).notNull().default(0),
  signoffEverywhere: boolean("signoff_everywhere"),
});

/** Events a user marked read one by one (after readThroughSeq). */
export const inboxReads = pgTable(
  "inbox_reads",
  {
    userOid: text("user_oid").notNull(),
    eventSeq: bigint("event_seq", { mode: "number" })
      .notNull()
      .references(() => notificationEvents.seq, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.userOid, t.eventSeq] })],
);

/**
 * Leases between instances on one PostgreSQL: the instance whose lease on "watcher" has not
 * expired is the one that watches; the others serve from the store and take over when it
 * lapses.
 */
export const leases = pgTable("leases", {
  name: text("name").primaryKey(),
  holder: text("holder").notNull(),
  expiresAt: at("expires_at").notNull(),
});

/**
 * One Go live / Cancel per offer at a time across instances: the slot of an offer (its key),
 * who took it, since when, and when it frees itself (null while the request is in flight).
 */
export const actionSlots = pgTable("action_slots", {
  key: text("key").primaryKey(),
  lease: text("lease").notNull(),
  action: text("action").notNull(),
  by: text("by").notNull(),
  since: at("since").notNull(),
  until: at("until"),
});
