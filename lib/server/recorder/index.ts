import "server-only";

import { randomBytes } from "node:crypto";
import { hostname } from "node:os";

import type { ServerEnv } from "@/lib/env";
import { notifierFromEnv, type Notifier } from "@/lib/server/notify/notifier";
import { withFallback } from "@/lib/server/action-guard";
import { consoleLogger } from "@/lib/server/log";
import { getServices } from "@/lib/server/services";
import { createStoreActionGuard } from "@/lib/server/store/action-slots";
import { openStore, type Store } from "@/lib/server/store/open";

import { EventBus } from "./events";
import { startRelay } from "./relay";
import { Watcher } from "./watcher";

/**
 * The recorder of this process: the store, the watcher (unless WATCH=false) and the bus of
 * changes for /api/events. Started once by instrumentation.ts and kept on globalThis, where
 * the route handlers find it (Next compiles them as a separate entry).
 */
export interface Recorder {
  store: Store;
  watcher: Watcher | null;
  /** Delivers notification events from the outbox and finds overdue steps. */
  notifier: Notifier;
  events: EventBus;
  env: ServerEnv;
  /** This instance's name among the instances sharing the store. */
  instance: string;
  /** Whether other instances may share the store (PostgreSQL): reads and the watcher coordinate. */
  shared: boolean;
  stop(): Promise<void>;
}

const recorderLogger = consoleLogger("recorder");

const KEY = Symbol.for("offer-status-dashboard.recorder");
const registry = globalThis as { [KEY]?: Recorder };

export function getRecorder(): Recorder | null {
  return registry[KEY] ?? null;
}

export async function startRecorder(env: ServerEnv): Promise<Recorder> {
  const existing = getRecorder();
  if (existing) return existing;
  const store = await openStore({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR });
  const events = new EventBus();
  // Several instances may share a PostgreSQL: one watches at a time (a lease), and each
  // hears of the others' changes (LISTEN/NOTIFY). The embedded database has one process.
  const instance = `${hostname()}:${process.pid}:${randomBytes(4).toString("hex")}`;
  const shared = store.kind === "postgres" && env.DATABASE_URL !== undefined;
  const services = getServices();
  const ownGuard = services.guard;
  if (shared) {
    services.guard = withFallback(createStoreActionGuard(store.db), ownGuard, (error) =>
      recorderLogger.error({
        msg: "the Go live guard's store does not answer; guarding in this instance",
        error: String(error),
      }),
    );
  }
  const relay = shared
    ? startRelay({ databaseUrl: env.DATABASE_URL!, bus: events, origin: instance, logger: recorderLogger })
    : null;
  const watcher = env.WATCH
    ? new Watcher({
        upstream: services.cpp,
        db: store.db,
        events,
        publishers:
          env.WATCH_PUBLISHERS === "*"
            ? "*"
            : env.WATCH_PUBLISHERS.split(",")
                .map((p) => p.trim())
                .filter(Boolean),
        listMs: env.WATCH_LIST_MS,
        pace: { minMs: env.WATCH_MIN_MS, maxMs: env.WATCH_MAX_MS },
        concurrency: env.WATCH_CONCURRENCY,
        retentionDays: env.DATA_RETENTION_DAYS,
        ...(shared ? { lease: { holder: instance, ms: env.WATCH_LEASE_MS } } : {}),
      })
    : null;
  const notifier = notifierFromEnv(env, {
    db: store.db,
    onEvents: (found) => {
      for (const e of found) {
        events.publish({
          publisherId: e.publisherId,
          offerId: e.offerId,
          indicator: e.indicator,
          previousIndicator: e.previousIndicator,
          kinds: ["overdue"],
          notifications: [{ id: e.id, event: e.event }],
          at: e.occurredAt,
        });
      }
    },
  });
  // New events are in the outbox as soon as their change is recorded: deliver them now.
  events.subscribe((e) => {
    if (e.notifications.length > 0) notifier.wake();
  });
  const recorder: Recorder = {
    store,
    watcher,
    notifier,
    events,
    env,
    instance,
    shared,
    stop: async () => {
      await watcher?.stop();
      await notifier.stop();
      await relay?.stop();
      services.guard = ownGuard;
      await store.close();
      registry[KEY] = undefined;
    },
  };
  registry[KEY] = recorder;
  watcher?.start();
  notifier.start();
  return recorder;
}
