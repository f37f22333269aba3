import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

import { appEnv } from "./app";
import { SERVER_MODULE_ARGS, runTsJson } from "./child";
import { BULK_PUBLISHER, type BenchContext } from "./context";
import { startScratchEmulator } from "./recorder";
import type { Stretch, WatcherHourInput, WatcherHourResult } from "./watcher-hour-runner";

/**
 * One simulated stretch of the real watcher following the bulk publisher (5,000 offers, 950 in
 * flight) at its default pace (WATCH_LIST_MS 30 s, WATCH_MIN_MS 10 s, WATCH_MAX_MS 10 min,
 * WATCH_CONCURRENCY 4), on an emulator of its own whose clock moves with the watcher's, so
 * offers progress as they would while the hour passes. Both recorder-cost (upstream requests
 * per hour) and store (watcher CPU per hour) read it; it runs once per benchmark run.
 *
 * Two stretches are counted: the first hour from the start (the first round reads every offer
 * in flight; the emulator's "advancing" offers move on to sign-off within minutes) and the
 * next hour, the steady state, which the per-hour figures use (--quick: 30 minutes each,
 * scaled; whole multiples of the 30 s, 90 s, 6 min and 10 min paces).
 * CACHE_COALESCE=false: the simulated clock runs faster than the real one, and a 5 s real-time
 * cache would answer re-reads the watcher makes minutes apart in simulated time.
 */
export interface PerHour {
  apiRequests: number;
  listReads: number;
  statusReads: number;
  cpuMs: number;
  changes: number;
  storeGrowthBytes: number;
}

export interface WatcherHour extends WatcherHourResult {
  /** Each stretch scaled to one hour. */
  firstHour: PerHour;
  perHour: PerHour;
}

const HOUR_MS = 3_600_000;

function scaled(s: Stretch, storeBefore: number): PerHour {
  const scale = HOUR_MS / s.simulatedMs;
  return {
    apiRequests: s.apiRequests * scale,
    listReads: s.listReads * scale,
    statusReads: s.statusReads * scale,
    cpuMs: s.cpuMs * scale,
    changes: s.changesRecorded * scale,
    storeGrowthBytes: (s.storeBytes - storeBefore) * scale,
  };
}

let running: Promise<WatcherHour> | undefined;

export function measureWatcherHour(ctx: BenchContext): Promise<WatcherHour> {
  running ??= simulateWatcherHour(ctx);
  return running;
}

/**
 * The simulated hours; with `notify` (the NOTIFY_* variables of the channels), the notifier
 * runs beside the watcher and delivers what it records.
 */
export async function simulateWatcherHour(ctx: BenchContext, notify?: Record<string, string>): Promise<WatcherHour> {
  const stretchMs = ctx.quick ? HOUR_MS / 2 : HOUR_MS;
  ctx.log(`watcher: simulating 2 × ${stretchMs / 60_000} min of watching ${BULK_PUBLISHER}`);
  const emulator = await startScratchEmulator(ctx);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "bench-watcher-hour-"));
  try {
    const input: WatcherHourInput = {
      emulatorUrl: emulator.url,
      ca: emulator.ca,
      publishers: [BULK_PUBLISHER],
      stretchMs,
      tickMs: 1_000,
      clockStepMs: 30_000,
      notify: notify !== undefined,
    };
    const env = appEnv(emulator, {
      SESSION_SECRET: ctx.session.secret,
      CACHE_COALESCE: "false",
      DATA_DIR: dataDir,
      ...notify,
    });
    const result = await runTsJson<WatcherHourResult>(
      "bench/support/watcher-hour-runner.ts",
      input,
      env,
      20 * 60_000,
      SERVER_MODULE_ARGS,
    );
    return {
      ...result,
      firstHour: scaled(result.first, 0),
      perHour: scaled(result.steady, result.first.storeBytes),
    };
  } finally {
    await emulator.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
