import "server-only";

import type { OfferStatus, OfferSummary, Publisher } from "@/lib/schemas/model";
import { ApiError } from "@/lib/schemas/api-error";
import type { Fetched } from "@/lib/server/coalescer";
import type { NotificationEvent } from "@/lib/schemas/notifications";
import { consoleLogger, type Logger } from "@/lib/server/log";
import { prune } from "@/lib/server/store/history";
import { releaseLease, takeLease } from "@/lib/server/store/leases";
import { recordList, recordListError, recordStatus, type Recorded } from "@/lib/server/store/offers";
import type { Db } from "@/lib/server/store/open";

import type { Change } from "./changes";
import type { EventBus } from "./events";
import { backoff, statusInterval, wantsStatusRead, type Pace } from "./schedule";

/**
 * The watcher: follows every offer of the watched publishers without a tab open, on a
 * schedule that fits the data (see schedule.ts), and records what it sees. It is an object
 * with start()/stop(); a clock and a logger are passed in, and tick() does all the work that
 * is due, so tests drive it step by step. Nothing it meets (upstream or store faults) throws
 * out of it: it logs, backs off and tries again.
 */
export interface WatchedUpstream {
  listPublishers(): Promise<Fetched<Publisher[]>>;
  /** The publisher's offers as its list gives them (no status reads). */
  listOfferEntries(publisherId: string): Promise<Fetched<OfferSummary[]>>;
  getOfferStatus(publisherId: string, offerId: string): Promise<Fetched<OfferStatus>>;
}

export type WatcherLogger = Logger;

export interface WatcherOptions {
  upstream: WatchedUpstream;
  db: Db;
  events?: EventBus;
  /** `*` for every publisher the app registration can see, or their ids. */
  publishers: "*" | string[];
  listMs: number;
  pace: Pace;
  concurrency: number;
  retentionDays: number;
  now?: () => number;
  logger?: WatcherLogger;
  /**
   * With several instances on one PostgreSQL: watch only while holding the "watcher" lease as
   * `holder`, renewed each round; the others stand by and take over when it lapses (`ms`).
   */
  lease?: { holder: string; ms: number };
}

const LEASE = "watcher";

interface OfferSchedule {
  publisherId: string;
  offerId: string;
  dueAt: number;
  failures: number;
  /** Until when the offer is read at the fastest pace (after Go live / Cancel). */
  boostUntil: number;
}

interface PublisherSchedule {
  publisher: Publisher;
  dueAt: number;
  failures: number;
}

const PRUNE_EVERY_MS = 60 * 60_000;
const DISCOVER_EVERY_MS = 10 * 60_000;
const BOOST_MS = 2 * 60_000;

export interface WatcherHealth {
  running: boolean;
  lastTickAt: string | null;
  /** False when the last store write failed (history is then not being recorded). */
  storeOk: boolean;
  publishers: number;
  scheduledOffers: number;
  /** False while another instance holds the watcher's lease (this one stands by). */
  watching: boolean;
}

export class Watcher {
  private readonly offers = new Map<string, OfferSchedule>();
  private readonly publishers = new Map<string, PublisherSchedule>();
  private readonly now: () => number;
  private readonly logger: WatcherLogger;
  private discoverAt = 0;
  private discoverFailures = 0;
  private pruneAt = 0;
  private timer: NodeJS.Timeout | undefined;
  private running = false;
  /** Set by stop(): work under way finishes its current read and ends. */
  private stopping = false;
  private ticking: Promise<void> | null = null;
  private lastTickAt: number | null = null;
  private storeOk = true;
  /** Whether this instance watches (always, without a lease). */
  private leader: boolean;
  private leaseUntil = 0;

  constructor(private readonly options: WatcherOptions) {
    this.now = options.now ?? Date.now;
    this.logger = options.logger ?? consoleLogger();
    this.leader = !options.lease;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.stopping = false;
    this.logger.info({ msg: "watcher started", publishers: this.options.publishers });
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.running = false;
    this.stopping = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.ticking;
    const lease = this.options.lease;
    if (lease && this.leader) {
      // Hand over at once rather than when the lease runs out.
      this.leader = false;
      await releaseLease(this.options.db, LEASE, lease.holder).catch(() => undefined);
    }
  }

  health(): WatcherHealth {
    return {
      running: this.running,
      lastTickAt: this.lastTickAt === null ? null : new Date(this.lastTickAt).toISOString(),
      storeOk: this.storeOk,
      publishers: this.publishers.size,
      scheduledOffers: this.offers.size,
      watching: this.leader,
    };
  }

  /** Read this offer now and fast for a while: someone just acted on it. */
  wake(publisherId: string, offerId: string): void {
    const key = keyOf(publisherId, offerId);
    const now = this.now();
    const entry = this.offers.get(key) ?? { publisherId, offerId, dueAt: now, failures: 0, boostUntil: 0 };
    entry.dueAt = now;
    entry.boostUntil = now + BOOST_MS;
    this.offers.set(key, entry);
    this.schedule(0);
  }

  /** Does all the work that is due now; never throws. */
  async tick(): Promise<void> {
    if (this.ticking) return this.ticking;
    this.ticking = this.work().finally(() => {
      this.ticking = null;
    });
    return this.ticking;
  }

  private schedule(delayMs: number): void {
    if (!this.running) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.tick().then(() => this.schedule(this.nextDelay()));
    }, delayMs);
    this.timer.unref?.();
  }

  private nextDelay(): number {
    const now = this.now();
    let next = Math.min(this.discoverAt, this.pruneAt);
    for (const p of this.publishers.values()) next = Math.min(next, p.dueAt);
    for (const o of this.offers.values()) next = Math.min(next, o.dueAt);
    // Wake at least once a minute (a clock that jumps), and often enough to keep a lease.
    const most = this.options.lease ? Math.min(60_000, Math.floor(this.options.lease.ms / 3)) : 60_000;
    return Math.max(50, Math.min(most, this.leader ? next - now : most));
  }

  private async work(): Promise<void> {
    const now = this.now();
    this.lastTickAt = now;
    if (!(await this.holdLease(now))) return;
    try {
      if (now >= this.discoverAt) await this.discover();
      for (const p of [...this.publishers.values()]) {
        if (this.now() >= p.dueAt) await this.readList(p);
      }
      await this.readDueStatuses();
      if (this.now() >= this.pruneAt) await this.prune();
    } catch (error) {
      // Defensive: every step handles its own faults; this keeps the watcher alive regardless.
      this.logger.error({ msg: "watcher tick failed", error: describe(error) });
    }
  }

  /** Whether this instance may watch this round: it holds (or just took) the lease. */
  private async holdLease(now: number): Promise<boolean> {
    const lease = this.options.lease;
    if (!lease) return true;
    let held: boolean;
    try {
      held = await takeLease(this.options.db, LEASE, lease.holder, lease.ms, new Date(now));
      this.leaseUntil = held ? now + lease.ms : 0;
    } catch (error) {
      // The store does not answer: keep watching while our lease would still stand.
      held = this.leader && now < this.leaseUntil;
      this.logger.error({ msg: "watcher could not renew its lease", error: describe(error) });
    }
    if (held && !this.leader) {
      this.logger.info({ msg: "watcher: this instance watches now", holder: lease.holder });
      // Another instance kept the store up to date: start over from it, reading what is due.
      this.offers.clear();
      this.publishers.clear();
      this.discoverAt = now;
    } else if (!held && this.leader) {
      this.logger.info({ msg: "watcher: another instance watches; this one stands by", holder: lease.holder });
    }
    this.leader = held;
    return held;
  }

  private async discover(): Promise<void> {
    if (this.options.publishers !== "*") {
      for (const id of this.options.publishers) this.ensurePublisher({ id, name: id });
      this.discoverAt = Number.POSITIVE_INFINITY;
      return;
    }
    try {
      const { value } = await this.options.upstream.listPublishers();
      for (const p of value) this.ensurePublisher(p);
      this.discoverFailures = 0;
      this.discoverAt = this.now() + Math.max(DISCOVER_EVERY_MS, this.options.listMs);
    } catch (error) {
      this.discoverFailures++;
      this.discoverAt = this.now() + backoff(this.discoverFailures, this.options.pace, retryAfter(error));
      this.logger.error({ msg: "watcher could not list publishers", error: describe(error) });
    }
  }

  private ensurePublisher(publisher: Publisher): void {
    const key = publisher.id.toLowerCase();
    const existing = this.publishers.get(key);
    if (existing) existing.publisher = publisher;
    else this.publishers.set(key, { publisher, dueAt: this.now(), failures: 0 });
  }

  private async readList(p: PublisherSchedule): Promise<void> {
    const publisherId = p.publisher.id;
    let list: Fetched<OfferSummary[]>;
    try {
      list = await this.options.upstream.listOfferEntries(publisherId);
    } catch (error) {
      p.failures++;
      p.dueAt =
        this.now() + backoff(p.failures, { ...this.options.pace, minMs: this.options.listMs }, retryAfter(error));
      this.logger.error({ msg: "watcher could not read the offer list", publisherId, error: describe(error) });
      await this.store(() =>
        recordListError(this.options.db, publisherId, error instanceof ApiError ? error.code : "internal"),
      );
      return;
    }
    const recorded = await this.store(() => recordList(this.options.db, p.publisher, list.value, list.fetchedAt));
    if (!recorded) {
      // The store is down: read the list again soon, and compare then.
      p.dueAt = this.now() + this.options.pace.minMs;
      return;
    }
    p.failures = 0;
    p.dueAt = this.now() + this.options.listMs;
    for (const { offerId, change } of recorded.changes) {
      const notifications = recorded.notifications.filter((n) => n.offerId === offerId);
      this.emit(publisherId, offerId, [change], null, notifications);
    }
    const changed = new Map(recorded.changed.map((c) => [c.offerId, c.previous]));
    const now = this.now();
    for (const summary of list.value) {
      const key = keyOf(publisherId, summary.id);
      const scheduled = this.offers.get(key);
      const id = summary.id.toLowerCase();
      const want = wantsStatusRead(summary, changed.get(id) ?? null, changed.has(id), scheduled !== undefined);
      if (want) {
        this.offers.set(key, {
          publisherId,
          offerId: summary.id,
          dueAt: now,
          failures: 0,
          boostUntil: scheduled?.boostUntil ?? 0,
        });
      }
    }
    for (const offerId of recorded.removed) this.offers.delete(keyOf(publisherId, offerId));
  }

  private async readDueStatuses(): Promise<void> {
    const now = this.now();
    const due = [...this.offers.values()].filter((o) => o.dueAt <= now).sort((a, b) => a.dueAt - b.dueAt);
    let index = 0;
    const worker = async () => {
      while (index < due.length && !this.stopping) {
        const entry = due[index++];
        if (entry) await this.readStatus(entry);
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.options.concurrency, due.length) }, worker));
  }

  private async readStatus(entry: OfferSchedule): Promise<void> {
    const { publisherId, offerId } = entry;
    let fetched: Fetched<OfferStatus>;
    try {
      fetched = await this.options.upstream.getOfferStatus(publisherId, offerId);
    } catch (error) {
      entry.failures++;
      entry.dueAt = this.now() + backoff(entry.failures, this.options.pace, retryAfter(error));
      if (error instanceof ApiError && error.status === 404) this.offers.delete(keyOf(publisherId, offerId));
      this.logger.error({
        msg: "watcher could not read an offer's status",
        publisherId,
        offerId,
        error: describe(error),
      });
      return;
    }
    const recorded: Recorded | undefined = await this.store(() =>
      recordStatus(this.options.db, fetched.value, fetched.fetchedAt),
    );
    if (!recorded) {
      entry.dueAt = this.now() + this.options.pace.minMs;
      return;
    }
    entry.failures = 0;
    if (recorded.changes.length > 0)
      this.emit(publisherId, offerId, recorded.changes, recorded.indicator, recorded.notifications);
    const now = this.now();
    const interval =
      now < entry.boostUntil ? this.options.pace.minMs : statusInterval(fetched.value, this.options.pace);
    if (interval === null) this.offers.delete(keyOf(publisherId, offerId));
    else entry.dueAt = now + interval;
  }

  private emit(
    publisherId: string,
    offerId: string,
    changes: Change[],
    indicator: Recorded["indicator"],
    notifications: readonly NotificationEvent[],
  ): void {
    const indicatorChange = changes.find((c) => c.kind === "indicator");
    this.options.events?.publish({
      publisherId: publisherId.toLowerCase(),
      offerId: offerId.toLowerCase(),
      indicator: indicatorChange?.kind === "indicator" ? indicatorChange.to : indicator,
      previousIndicator: indicatorChange?.kind === "indicator" ? indicatorChange.from : null,
      kinds: [...new Set(changes.map((c) => c.kind))],
      notifications: notifications.map((n) => ({ id: n.id, event: n.event })),
      at: new Date(this.now()).toISOString(),
    });
  }

  private async prune(): Promise<void> {
    const now = this.now();
    this.pruneAt = now + PRUNE_EVERY_MS;
    await this.store(() =>
      prune(this.options.db, new Date(now - this.options.retentionDays * 86_400_000), new Date(now)),
    );
  }

  /** Runs a store write; on failure logs once per outage and answers undefined. */
  private async store<T>(write: () => Promise<T>): Promise<T | undefined> {
    try {
      const result = await write();
      if (!this.storeOk) this.logger.info({ msg: "watcher: the store is back; recording again" });
      this.storeOk = true;
      return result;
    } catch (error) {
      if (this.storeOk)
        this.logger.error({
          msg: "watcher: the store is unavailable; history is not recorded until it is back",
          error: describe(error),
        });
      this.storeOk = false;
      return undefined;
    }
  }
}

const keyOf = (publisherId: string, offerId: string) => `${publisherId.toLowerCase()}/${offerId.toLowerCase()}`;

const retryAfter = (error: unknown) => (error instanceof ApiError ? error.retryAfterSeconds : undefined);

function describe(error: unknown): string {
  if (error instanceof ApiError) return `${error.code}: ${error.message}`;
  return error instanceof Error ? error.message : String(error);
}
