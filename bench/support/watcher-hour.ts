import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

import { appEnv } from "./app";
import { SERVER_MODULE_ARGS, runTsJson } from "./child";
import { BULK_PUBLISHER, type BenchContext } from "./context";
import { startScratchEmulator } from "./recorder";
import type { WatcherHourInput, WatcherHourResult } from "./watcher-hour-runner";

/**
 * One simulated stretch of the real watcher following the bulk publisher (5,000 offers, 950 in
 * flight) at its default pace (WATCH_LIST_MS 30 s, WATCH_MIN_MS 10 s, WATCH_MAX_MS 10 min,
 * WATCH_CONCURRENCY 4), on an emulator of its own whose clock moves with the watcher's, so
 * offers progress as they would while the hour passes. Both recorder-cost (upstream requests
 * per hour) and store (watcher CPU per hour) read it; it runs once per benchmark run.
 *
 * Warm-up: the first round (every offer in flight read once) and 10 minutes more, the slowest
 * pace, so the counted stretch sees the steady state. Counted: one hour (--quick: 30 minutes,
 * scaled; both are whole multiples of the 30 s, 90 s, 6 min and 10 min paces).
 * CACHE_COALESCE=false: the simulated clock runs faster than the real one, and a 5 s real-time
 * cache would answer re-reads the watcher makes minutes apart in simulated time.
 */
export interface WatcherHour extends WatcherHourResult {
  /** simulatedMs scaled to one hour. */
  perHour: { apiRequests: number; listReads: number; statusReads: number; cpuMs: number; changes: number };
}

const WARM_MS = 10 * 60_000;
const HOUR_MS = 3_600_000;

let running: Promise<WatcherHour> | undefined;

export function measureWatcherHour(ctx: BenchContext): Promise<WatcherHour> {
  running ??= simulate(ctx);
  return running;
}

async function simulate(ctx: BenchContext): Promise<WatcherHour> {
  const measureMs = ctx.quick ? HOUR_MS / 2 : HOUR_MS;
  ctx.log(
    `watcher: simulating ${WARM_MS / 60_000} min of warm-up and ${measureMs / 60_000} min of watching ${BULK_PUBLISHER}`,
  );
  const emulator = await startScratchEmulator(ctx);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "bench-watcher-hour-"));
  try {
    const input: WatcherHourInput = {
      emulatorUrl: emulator.url,
      ca: emulator.ca,
      publishers: [BULK_PUBLISHER],
      warmMs: WARM_MS,
      measureMs,
      tickMs: 1_000,
      clockStepMs: 30_000,
    };
    const env = appEnv(emulator, { SESSION_SECRET: ctx.session.secret, CACHE_COALESCE: "false", DATA_DIR: dataDir });
    const result = await runTsJson<WatcherHourResult>(
      "bench/support/watcher-hour-runner.ts",
      input,
      env,
      20 * 60_000,
      SERVER_MODULE_ARGS,
    );
    const scale = HOUR_MS / result.simulatedMs;
    return {
      ...result,
      perHour: {
        apiRequests: result.apiRequests * scale,
        listReads: result.listReads * scale,
        statusReads: result.statusReads * scale,
        cpuMs: result.cpuMs * scale,
        changes: result.changesRecorded * scale,
      },
    };
  } finally {
    await emulator.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
