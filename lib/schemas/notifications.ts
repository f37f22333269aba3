/**
 * Notifications (#17), as our API, the webhook and the browser speak of them. Pure: shared by
 * the server (derivation, outbox, routes) and the browser (inbox, delivery log).
 */
import type { Indicator } from "./vocabulary";

export const NOTIFICATION_EVENTS = [
  "awaitingSignoff",
  "failed",
  "live",
  "canceled",
  "delisted",
  "overdue",
  "newError",
] as const;
export type NotificationEventName = (typeof NOTIFICATION_EVENTS)[number];

/** What goes out when NOTIFY_EVENTS is not set. */
export const DEFAULT_NOTIFY_EVENTS: readonly NotificationEventName[] = ["awaitingSignoff", "failed", "live", "overdue"];

export const CHANNELS = ["webhook", "teams", "slack"] as const;
export type Channel = (typeof CHANNELS)[number];

export interface NotificationStep {
  id: string;
  name: string;
  status: string;
}

/**
 * One event, once per occurrence. `id` is stable: the same on every delivery attempt and in
 * every channel, so a receiver can drop duplicates.
 */
export interface NotificationEvent {
  id: string;
  event: NotificationEventName;
  occurredAt: string;
  publisherId: string;
  offerId: string;
  offerName: string;
  indicator: Indicator | null;
  previousIndicator: Indicator | null;
  step: NotificationStep | null;
  /**
   * What else is known: the offer's open errors; a new error's text; an overdue step's
   * estimate and how long it has run.
   */
  detail: { errors?: number; text?: string; estimate?: string; runningMs?: number };
}

/** The signed webhook's body (DESIGN.md, "Notifications"); `url` opens the offer's Status tab. */
export type WebhookPayload = Omit<NotificationEvent, "detail"> & { url: string };

/** An inbox entry: an event for something the user watches, and whether they read it. */
export interface InboxItem extends NotificationEvent {
  read: boolean;
}

export interface Inbox {
  unread: number;
  items: InboxItem[];
}

export type DeliveryState = "pending" | "delivered" | "failed" | "skipped";

/** A row of the delivery log: one event in one channel. */
export interface Delivery {
  eventId: string;
  event: NotificationEventName;
  occurredAt: string;
  publisherId: string;
  offerId: string;
  channel: Channel;
  state: DeliveryState;
  attempts: number;
  lastAttemptAt: string | null;
  nextAttemptAt: string | null;
  /** "200 OK", "timed out after 10 s", "stopped: the receiver answered 410"… never an address. */
  lastResult: string | null;
  lastStatus: number | null;
}

export interface ChannelState {
  channel: Channel;
  configured: boolean;
  /** Set when a receiver answered 410 or 404: the channel sends nothing until its address changes. */
  stoppedAt: string | null;
  stopReason: string | null;
  events: NotificationEventName[];
}

export interface DeliveryLog {
  channels: ChannelState[];
  deliveries: Delivery[];
}
