import "server-only";

import type { Channel, NotificationEvent, NotificationEventName } from "@/lib/schemas/notifications";
import { consoleLogger, type Logger } from "@/lib/server/log";
import type { Db } from "@/lib/server/store/open";
import {
  claimDeliveries,
  finishAttempt,
  stopChannel,
  sweepOverdue,
  syncChannels,
  type AttemptOutcome,
  type ClaimedDelivery,
} from "@/lib/server/store/notifications";

import type { ServerEnv } from "@/lib/env";

import { configuredChannels, type ChannelSender } from "./channels";

/**
 * Delivers notification events from the store's outbox, and finds overdue steps. Each channel
 * is pumped on its own, with at most `concurrency` requests in flight and a timeout on each, so
 * a receiver that hangs delays neither the others nor the watcher (which only writes rows).
 * Delivery is at least once: a row is done only when a receiver said 2xx, and every attempt
 * carries the event's own id. A claim outlives an attempt, so two instances never send the same
 * row at the same time.
 */

export type NotifierLogger = Logger;

export interface NotifierOptions {
  db: Db;
  channels: readonly (ChannelSender & { configHash: string })[];
  events: readonly NotificationEventName[];
  timeoutMs: number;
  maxAttempts: number;
  retryMs: number;
  retryMaxMs: number;
  concurrency: number;
  /** How often the outbox is looked at when nothing wakes it (new events do). */
  pollMs?: number;
  /** How often steps are checked for running over their estimate. */
  overdueEveryMs?: number;
  /** Told of overdue events (for the browsers' live stream). */
  onEvents?: (events: NotificationEvent[]) => void;
  now?: () => number;
  logger?: NotifierLogger;
  /** Jitter in [0, 1): spreads retries of many rows; fixed in tests. */
  random?: () => number;
}

/** Exponential backoff from `retryMs`, doubled per attempt, bounded by `retryMaxMs`, ±20 % jitter. */
export function retryDelay(attempt: number, retryMs: number, retryMaxMs: number, random: number): number {
  const base = Math.min(retryMaxMs, retryMs * 2 ** Math.max(0, attempt - 1));
  return Math.min(retryMaxMs, Math.round(base * (0.8 + 0.4 * random)));
}

/** Retry-After in ms (seconds or an HTTP date), or null. */
function retryAfterMs(header: string | null, now: number): number | null {
  if (!header) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

const RETRIED = new Set([408, 425, 429, 500, 502, 503, 504]);

function describeFailure(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError")) {
    return `timed out after ${Math.round(timeoutMs / 100) / 10} s`;
  }
  const cause = (error as { cause?: { code?: string } } | null)?.cause;
  return cause?.code ? `could not connect (${cause.code})` : "could not connect";
}

export class Notifier {
  private readonly now: () => number;
  private readonly logger: NotifierLogger;
  private readonly random: () => number;
  private readonly inFlight = new Map<Channel, number>();
  private readonly pumping = new Set<Channel>();
  private readonly stopped = new Set<Channel>();
  private readonly attempts = new Set<Promise<void>>();
  private timer: NodeJS.Timeout | null = null;
  private running = false;
  private synced: Promise<void> | null = null;
  private overdueAt = 0;

  constructor(private readonly options: NotifierOptions) {
    this.now = options.now ?? Date.now;
    this.logger = options.logger ?? consoleLogger("notify");
    this.random = options.random ?? Math.random;
  }

  /** Registers this process's channels in the store (a changed address takes events from now on). */
  sync(): Promise<void> {
    this.synced ??= (async () => {
      const records = await syncChannels(
        this.options.db,
        this.options.channels.map((c) => ({
          channel: c.channel,
          configHash: c.configHash,
          events: this.options.events,
        })),
        new Date(this.now()),
      );
      for (const record of records) {
        if (!record.stoppedAt) continue;
        this.stopped.add(record.channel);
        const sender = this.sender(record.channel);
        this.logger.error({
          msg: `notifications: the ${record.channel} channel is stopped (${record.stopReason ?? "its receiver is gone"}); change ${sender?.variable ?? "its address"} to send again`,
          channel: record.channel,
        });
      }
    })();
    return this.synced;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    const every = this.options.pollMs ?? 2_000;
    const loop = () => {
      if (!this.running) return;
      void this.tick().finally(() => {
        if (!this.running) return;
        this.timer = setTimeout(loop, every);
        this.timer.unref?.();
      });
    };
    loop();
  }

  /** Stops taking new work and waits for the attempts in flight (each bounded by its timeout). */
  async stop(): Promise<void> {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    await Promise.allSettled([...this.attempts]);
  }

  /** New events are in the outbox: look now rather than at the next poll. */
  wake(): void {
    if (!this.running) return;
    for (const c of this.options.channels) void this.pump(c.channel);
  }

  /** One round: the overdue sweep when due, then every channel's due deliveries. */
  async tick(): Promise<void> {
    try {
      await this.sync();
    } catch (error) {
      this.synced = null;
      this.logger.error({ msg: "notifications: the store is unavailable; will retry", error: String(error) });
      return;
    }
    if (this.now() >= this.overdueAt) {
      this.overdueAt = this.now() + (this.options.overdueEveryMs ?? 60_000);
      try {
        const found = await sweepOverdue(this.options.db, new Date(this.now()));
        if (found.length > 0) this.options.onEvents?.(found);
      } catch (error) {
        this.logger.error({ msg: "notifications: the overdue sweep failed", error: String(error) });
      }
    }
    await Promise.all(this.options.channels.map((c) => this.pump(c.channel)));
  }

  /** Waits until nothing is in flight (tests and the bench). */
  async idle(): Promise<void> {
    while (this.attempts.size > 0 || this.pumping.size > 0) {
      await Promise.allSettled([...this.attempts]);
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  private sender(channel: Channel) {
    return this.options.channels.find((c) => c.channel === channel);
  }

  private async pump(channel: Channel): Promise<void> {
    if (this.pumping.has(channel) || this.stopped.has(channel)) return;
    const sender = this.sender(channel);
    if (!sender) return;
    this.pumping.add(channel);
    try {
      const free = this.options.concurrency - (this.inFlight.get(channel) ?? 0);
      if (free <= 0) return;
      // The claim outlives the attempt (timeout) by a margin, so no other instance takes it meanwhile.
      const leaseMs = this.options.timeoutMs + 30_000;
      let claimed: ClaimedDelivery[];
      try {
        claimed = await claimDeliveries(this.options.db, channel, free, leaseMs, new Date(this.now()));
      } catch (error) {
        this.logger.error({ msg: "notifications: could not read the outbox", channel, error: String(error) });
        return;
      }
      for (const delivery of claimed) {
        this.inFlight.set(channel, (this.inFlight.get(channel) ?? 0) + 1);
        const attempt = this.attempt(sender, delivery).finally(() => {
          this.inFlight.set(channel, (this.inFlight.get(channel) ?? 1) - 1);
          this.attempts.delete(attempt);
          // A slot is free: the next due row of this channel goes now.
          if (this.running) void this.pump(channel);
        });
        this.attempts.add(attempt);
      }
    } finally {
      this.pumping.delete(channel);
    }
  }

  private async attempt(sender: ChannelSender, delivery: ClaimedDelivery): Promise<void> {
    const { timeoutMs, maxAttempts, retryMs, retryMaxMs } = this.options;
    const attempt = delivery.attempts + 1;
    let outcome: AttemptOutcome;
    let gone = false;
    try {
      const request = sender.build(delivery.event);
      const response = await fetch(sender.url, {
        method: "POST",
        headers: request.headers,
        body: request.body,
        redirect: "manual",
        signal: AbortSignal.timeout(timeoutMs),
      });
      await response.body?.cancel().catch(() => {});
      const status = response.status;
      const said = `${status}${response.statusText ? ` ${response.statusText}` : ""}`;
      if (status >= 200 && status < 300) {
        outcome = { state: "delivered", status, result: said };
      } else if (status === 410 || status === 404) {
        gone = true;
        outcome = { state: "failed", status, result: `${said}: the receiver is gone; channel stopped` };
      } else if (RETRIED.has(status) && attempt < maxAttempts) {
        const asked = retryAfterMs(response.headers.get("retry-after"), this.now());
        const delay = Math.min(
          retryMaxMs,
          Math.max(asked ?? 0, retryDelay(attempt, retryMs, retryMaxMs, this.random())),
        );
        outcome = { state: "retry", status, result: said, nextAttemptAt: new Date(this.now() + delay) };
      } else if (RETRIED.has(status)) {
        outcome = { state: "failed", status, result: `${said}: gave up after ${attempt} attempts` };
      } else {
        // Any other answer (400, 401, 403, 413…) will not change by sending the same again.
        outcome = { state: "failed", status, result: `${said}: not retried` };
      }
    } catch (error) {
      const said = describeFailure(error, timeoutMs);
      outcome =
        attempt < maxAttempts
          ? {
              state: "retry",
              status: null,
              result: said,
              nextAttemptAt: new Date(this.now() + retryDelay(attempt, retryMs, retryMaxMs, this.random())),
            }
          : { state: "failed", status: null, result: `${said}: gave up after ${attempt} attempts` };
    }
    const now = new Date(this.now());
    try {
      await finishAttempt(this.options.db, delivery.id, outcome, now);
      if (gone) {
        this.stopped.add(sender.channel);
        await stopChannel(this.options.db, sender.channel, `the receiver answered ${outcome.status}`, now);
        this.logger.error({
          msg: `notifications: the ${sender.channel} receiver answered ${outcome.status}; the channel is stopped until ${sender.variable} changes`,
          channel: sender.channel,
        });
      } else if (outcome.state === "failed") {
        this.logger.error({
          msg: "notifications: a delivery failed",
          channel: sender.channel,
          eventId: delivery.event.id,
          result: outcome.result,
        });
      }
    } catch (error) {
      // The claim runs out and the row is tried again: at least once, never lost.
      this.logger.error({ msg: "notifications: could not record an attempt", error: String(error) });
    }
  }
}

/** The notifier as the environment configures it (its channels, events, retries, bounds). */
export function notifierFromEnv(
  env: ServerEnv,
  options: Pick<NotifierOptions, "db"> & Partial<NotifierOptions>,
): Notifier {
  return new Notifier({
    channels: configuredChannels(env),
    events: env.NOTIFY_EVENTS,
    timeoutMs: env.NOTIFY_TIMEOUT_MS,
    maxAttempts: env.NOTIFY_MAX_ATTEMPTS,
    retryMs: env.NOTIFY_RETRY_MS,
    retryMaxMs: env.NOTIFY_RETRY_MAX_MS,
    concurrency: env.NOTIFY_CONCURRENCY,
    ...options,
  });
}
