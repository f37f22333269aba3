import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

import { appEnv } from "./support/app";
import { SERVER_MODULE_ARGS, runTsJson } from "./support/child";
import { BULK_PUBLISHER, type BenchContext, type FigureResult } from "./support/context";
import { BULK_IN_FLIGHT } from "./support/recorder";
import type { StoreMonthInput, StoreMonthResult } from "./support/store-month-runner";
import { fmt, type Row } from "./support/table";
import { measureWatcherHour, type WatcherHour } from "./support/watcher-hour";

/**
 * Figure 8, the store and the watcher's running cost.
 *
 * Store size: a simulated month of the demo's activity (store-month-runner.ts: every demo
 * offer with a status document publishes twice, step by step, a day at sign-off, Go live),
 * written into a fresh PGlite store through the recorder's own functions; the DATA_DIR on
 * disk (less an empty store's, which is PostgreSQL's own catalogue) and the rows per table.
 * Baseline: the raw JSON of every status document the watcher would read in that month at
 * its pace, kept as read (no dedup, no index): what recording reads without the store's
 * design would keep. Unchanged list reads, which only move timestamps, are written 24 a day
 * rather than the watcher's 2,880 (every 30 s) to keep the run short; what those cost on
 * disk is measured instead on the bulk publisher (the growth row, from watcher-hour.ts).
 *
 * Watcher CPU per hour: the process's CPU time over the simulated hour of watcher-hour.ts
 * (the real watcher, its upstream client and the embedded store, following the bulk
 * publisher). Baseline: one core-hour.
 */
const DAYS = 30;
const PUBLISHES_PER_OFFER = 2;
const LIST_READS_PER_DAY = 24;
const SEED = 42;

export interface StoreData {
  month: StoreMonthResult;
  watcherHour: WatcherHour;
}

const mib = (bytes: number) => `${(bytes / 1024 ** 2).toFixed(1)} MiB`;

async function simulateMonth(ctx: BenchContext): Promise<StoreMonthResult> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "bench-store-month-"));
  const emptyDir = mkdtempSync(path.join(os.tmpdir(), "bench-store-empty-"));
  ctx.log(`store: a simulated month (${DAYS} days) of the demo's activity into a fresh store`);
  try {
    const input: StoreMonthInput = {
      excludePublishers: [BULK_PUBLISHER],
      days: DAYS,
      publishesPerOffer: PUBLISHES_PER_OFFER,
      listReadsPerDay: LIST_READS_PER_DAY,
      seed: SEED,
      emptyDir,
    };
    const env = appEnv(ctx.emulator, { SESSION_SECRET: ctx.session.secret, DATA_DIR: dataDir });
    return await runTsJson<StoreMonthResult>(
      "bench/support/store-month-runner.ts",
      input,
      env,
      15 * 60_000,
      SERVER_MODULE_ARGS,
    );
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(emptyDir, { recursive: true, force: true });
  }
}

export async function runStore(ctx: BenchContext): Promise<FigureResult> {
  const month = await simulateMonth(ctx);
  const watcherHour = await measureWatcherHour(ctx);
  const data: StoreData = { month, watcherHour };
  return { rows: [monthRow(month), growthRow(watcherHour), cpuRow(watcherHour)], data };
}

function monthRow(m: StoreMonthResult): Row {
  const grown = m.storeBytes - m.emptyStoreBytes;
  const rows = Object.entries(m.rows)
    .map(([table, n]) => `${table} ${fmt.int(n)}`)
    .join(", ");
  return {
    figure: "8 Store",
    measure:
      `DATA_DIR after a simulated month of the demo's activity: ${m.offers} offers × ${PUBLISHES_PER_OFFER} publishes, ` +
      `${fmt.int(m.statusReads)} status reads at the watcher's pace, ${m.actions} Go lives; ` +
      `unchanged list reads ${LIST_READS_PER_DAY} a day (the watcher's: 2,880)`,
    ours: `+${mib(grown)} (${mib(m.storeBytes)}, empty store ${mib(m.emptyStoreBytes)})`,
    baseline: `${mib(m.rawJsonBytes)} raw JSON of every status read`,
    note:
      `${fmt.ratio(m.rawJsonBytes, grown)} smaller; ${fmt.int(m.distinctDocuments)} distinct documents ` +
      `(${mib(m.distinctJsonBytes)} JSON); rows: ${rows}`,
  };
}

function cpuRow(hour: WatcherHour): Row {
  const seconds = hour.perHour.cpuMs / 1000;
  const requests = hour.perHour.apiRequests;
  return {
    figure: "8 Store",
    measure: `watcher CPU per hour following ${BULK_PUBLISHER} (5,000 offers, ${BULK_IN_FLIGHT} in flight; simulated hour, PGlite in process), steady state`,
    ours: `${fmt.dec(seconds)} s (${fmt.dec((seconds / 3600) * 100, 2)}% of a core)`,
    baseline: "3,600 s (one core)",
    note:
      `${fmt.dec(hour.perHour.cpuMs / Math.max(1, requests), 2)} ms per upstream request (${fmt.int(requests)} an hour); ` +
      `first hour from start ${fmt.dec(hour.firstHour.cpuMs / 1000)} s`,
  };
}

function growthRow(hour: WatcherHour): Row {
  return {
    figure: "8 Store",
    measure: `DATA_DIR growth per hour of watching ${BULK_PUBLISHER} (each list read moves the list timestamp of 5,000 rows)`,
    ours: `+${mib(hour.perHour.storeGrowthBytes)} an hour (steady state)`,
    baseline: `+${mib(hour.firstHour.storeGrowthBytes)} in the first hour`,
    note: `${mib(hour.storeBytesClosed)} after both hours, the store closed; an update leaves the row's old version until a vacuum`,
  };
}
