import "server-only";

import type { ServerEnv } from "@/lib/env";
import { getServices } from "@/lib/server/services";
import { openStore, type Store } from "@/lib/server/store/open";

import { EventBus } from "./events";
import { Watcher } from "./watcher";

/**
 * The recorder of this process: the store, the watcher (unless WATCH=false) and the bus of
 * changes for /api/events. Started once by instrumentation.ts and kept on globalThis, where
 * the route handlers find it (Next compiles them as a separate entry).
 */
export interface Recorder {
  store: Store;
  watcher: Watcher | null;
  events: EventBus;
  env: ServerEnv;
  stop(): Promise<void>;
}

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
  const watcher = env.WATCH
    ? new Watcher({
        upstream: getServices().cpp,
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
      })
    : null;
  const recorder: Recorder = {
    store,
    watcher,
    events,
    env,
    stop: async () => {
      await watcher?.stop();
      await store.close();
      registry[KEY] = undefined;
    },
  };
  registry[KEY] = recorder;
  watcher?.start();
  return recorder;
}
