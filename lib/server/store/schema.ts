/**
 * The recorder's schema (PostgreSQL dialect; PGlite and PostgreSQL alike). Migrations are
 * generated from this file by drizzle-kit (`npm run db:generate`) into ./migrations and
 * applied on start. Times are `timestamptz`; ids are the upstream's, lower-cased.
 */
import {
  bigserial,
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
