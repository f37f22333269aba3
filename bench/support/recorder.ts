import { rmSync } from "node:fs";

import { BenchApp, appEnv } from "./app";
import { sleep } from "./child";
import { BULK_AWAITING, BULK_OFFERS, BULK_PUBLISHER, type BenchContext } from "./context";
import { BenchEmulator, STATUS_ROUTE, type EmulatorControl } from "./emulator";

/**
 * Helpers of the recorder figures (recorder-cost, sse, store): an instance with the watcher
 * on, and an emulator of their own for what changes the upstream's world (moving its clock,
 * Go live), so the shared emulator the other figures measure against stays as it was.
 */

/** Bulk offers in flight: the awaiting ones plus one "advancing" offer in ten of the rest. */
export const BULK_IN_FLIGHT = BULK_AWAITING + Math.floor((BULK_OFFERS - BULK_AWAITING) / 10);

/** An emulator like the shared one (test mode, the bulk publisher) on the port after it. */
export function startScratchEmulator(ctx: BenchContext): Promise<BenchEmulator> {
  return BenchEmulator.start({
    port: ctx.emulator.port + 1,
    bulk: { publisherId: BULK_PUBLISHER, offers: BULK_OFFERS, awaitingSignoff: BULK_AWAITING },
  });
}

/** A dashboard instance with the watcher on, its own fresh DATA_DIR, on the port after the baseline's. */
export interface WatchingApp {
  app: BenchApp;
  dataDir: string;
  /** Stops the instance and removes its store. */
  dispose(): Promise<void>;
}

export function watchingApp(
  ctx: BenchContext,
  emulator: BenchEmulator,
  name: string,
  env: Record<string, string>,
): WatchingApp {
  const port = ctx.cached.port + 2;
  const full = appEnv(emulator, {
    CACHE_TTL_STATUS_MS: String(ctx.statusTtlMs),
    CACHE_TTL_LIST_MS: String(ctx.listTtlMs),
    SESSION_SECRET: ctx.session.secret,
    APP_BASE_URL: `http://127.0.0.1:${port}`,
    WATCH: "true",
    ...env,
  });
  const dataDir = full.DATA_DIR ?? "";
  const app = new BenchApp(name, port, full);
  return {
    app,
    dataDir,
    dispose: async () => {
      await app.stop();
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Waits until the watcher's first round is done: at least `statusReads` status reads have
 * reached the emulator and no request came for `quietMs`. Bounded by `timeoutMs`; answers
 * how long it took.
 */
export async function waitForFirstRound(
  emulator: EmulatorControl,
  statusReads: number,
  timeoutMs = 180_000,
  quietMs = 2_000,
): Promise<number> {
  const started = Date.now();
  let last = -1;
  let quietSince = Date.now();
  while (Date.now() - started < timeoutMs) {
    const stats = await emulator.stats();
    if (stats.apiRequests !== last) {
      last = stats.apiRequests;
      quietSince = Date.now();
    } else if ((stats.byRoute[STATUS_ROUTE] ?? 0) >= statusReads && Date.now() - quietSince >= quietMs) {
      return Date.now() - started;
    }
    await sleep(250);
  }
  throw new Error(`the watcher's first round did not finish within ${timeoutMs / 1000} s`);
}
