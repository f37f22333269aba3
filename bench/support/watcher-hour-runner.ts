/**
 * Child runner: the real watcher (lib/server/recorder/watcher.ts) with a simulated clock,
 * against an emulator whose clock moves with it, recording into a fresh PGlite store. Two
 * stretches of simulated time are counted: the first from the start (the first round of
 * status reads, offers moving on), then the steady state. For each: upstream requests at the
 * emulator, this
 * process's CPU time (the watcher, its upstream client and the embedded database; the idle
 * ticks of the loop included, the moves of the emulator's clock left out) and the changes it
 * recorded. Started by watcher-hour.ts with
 * SERVER_MODULE_ARGS and the dashboard's environment for that emulator.
 *
 * With `notify`, the notifier runs beside the watcher as in the server (channels from the
 * NOTIFY_* environment, woken by each recorded event, on the simulated clock), and each
 * stretch waits for its deliveries: its CPU is counted with the watcher's.
 */
import { getEnv } from "@/lib/env";
import { notifierFromEnv } from "@/lib/server/notify/notifier";
import { EventBus } from "@/lib/server/recorder/events";
import { Watcher, type WatcherLogger } from "@/lib/server/recorder/watcher";
import { getServices } from "@/lib/server/services";
import { openStore } from "@/lib/server/store/open";

import { readChildInput, writeChildResult } from "./child";
import { dirBytes } from "./disk";
import { EmulatorControl, LIST_ROUTE, STATUS_ROUTE } from "./emulator";

export interface WatcherHourInput {
  emulatorUrl: string;
  ca: string;
  publishers: string[];
  /** Simulated time of each of the two stretches. */
  stretchMs: number;
  /** Step of the simulated clock between ticks (the watcher's own timer wakes at due times). */
  tickMs: number;
  /** How often the emulator's clock is moved to catch up (each move is one control request). */
  clockStepMs: number;
  /** Run the notifier with the channels of the NOTIFY_* environment. */
  notify?: boolean;
}

export interface Stretch {
  simulatedMs: number;
  realMs: number;
  apiRequests: number;
  listReads: number;
  statusReads: number;
  tokenRequests: number;
  cpuMs: number;
  changesRecorded: number;
  errorsLogged: number;
  scheduledOffers: number;
  /** Notification events recorded in the stretch, and deliveries attempted (all channels). */
  notificationEvents: number;
  /** DATA_DIR at the end of the stretch (the store open: what PostgreSQL has written so far). */
  storeBytes: number;
}

export interface WatcherHourResult {
  first: Stretch;
  steady: Stretch;
  /** DATA_DIR after both stretches, the store closed. */
  storeBytesClosed: number;
}

const input = readChildInput<WatcherHourInput>();
const env = getEnv();
const control = new EmulatorControl(input.emulatorUrl, input.ca);
const store = await openStore({ dataDir: env.DATA_DIR });
const events = new EventBus();
let changesRecorded = 0;
let notificationEvents = 0;
events.subscribe((e) => {
  changesRecorded++;
  notificationEvents += e.notifications.length;
});
let errorsLogged = 0;
const logger: WatcherLogger = { info: () => undefined, error: () => void errorsLogged++ };

let simNow = Date.now();
let clockAt = simNow;
/** CPU spent moving the emulator's clock: the benchmark's, not the watcher's. */
let controlCpuMs = 0;
const watcher = new Watcher({
  upstream: getServices().cpp,
  db: store.db,
  events,
  publishers: input.publishers,
  listMs: env.WATCH_LIST_MS,
  pace: { minMs: env.WATCH_MIN_MS, maxMs: env.WATCH_MAX_MS },
  concurrency: env.WATCH_CONCURRENCY,
  retentionDays: env.DATA_RETENTION_DAYS,
  now: () => simNow,
  logger,
});

const notifier = input.notify
  ? notifierFromEnv(env, {
      db: store.db,
      now: () => simNow,
      logger: { info: () => undefined, error: () => void errorsLogged++ },
    })
  : null;
if (notifier) {
  events.subscribe((e) => {
    if (e.notifications.length > 0) notifier.wake();
  });
  notifier.start();
}

/** Ticks until the simulated clock reaches `until`; bounded by the simulated span. */
async function runUntil(until: number): Promise<void> {
  while (simNow < until) {
    await watcher.tick();
    simNow += input.tickMs;
    if (simNow - clockAt >= input.clockStepMs) {
      const before = process.cpuUsage();
      await control.advanceClock(simNow - clockAt);
      clockAt = simNow;
      const spent = process.cpuUsage(before);
      controlCpuMs += (spent.user + spent.system) / 1000;
    }
  }
}

/** Counts one stretch of simulated time. */
async function stretch(): Promise<Stretch> {
  await control.resetStats();
  changesRecorded = 0;
  notificationEvents = 0;
  errorsLogged = 0;
  controlCpuMs = 0;
  const cpu0 = process.cpuUsage();
  const real0 = performance.now();
  await runUntil(simNow + input.stretchMs);
  await notifier?.tick();
  await notifier?.idle();
  const cpu = process.cpuUsage(cpu0);
  const realMs = performance.now() - real0;
  const stats = await control.stats();
  return {
    simulatedMs: input.stretchMs,
    realMs,
    apiRequests: stats.apiRequests,
    listReads: stats.byRoute[LIST_ROUTE] ?? 0,
    statusReads: stats.byRoute[STATUS_ROUTE] ?? 0,
    tokenRequests: stats.tokenRequests,
    cpuMs: (cpu.user + cpu.system) / 1000 - controlCpuMs,
    changesRecorded,
    errorsLogged,
    scheduledOffers: watcher.health().scheduledOffers,
    notificationEvents,
    storeBytes: dirBytes(env.DATA_DIR),
  };
}

const first = await stretch();
const steady = await stretch();
await watcher.stop();
await notifier?.stop();
await store.close();

writeChildResult({ first, steady, storeBytesClosed: dirBytes(env.DATA_DIR) } satisfies WatcherHourResult);
process.exit(0);
