import type { BenchApp } from "./support/app";
import { sleep } from "./support/child";
import {
  BULK_AWAITING,
  BULK_PUBLISHER,
  type BenchContext,
  type FigureResult,
  bulkOfferId,
  statusPath,
} from "./support/context";
import { pollingViewers, type ViewerLoad } from "./support/load";
import { BULK_IN_FLIGHT, waitForFirstRound, watchingApp } from "./support/recorder";
import { fmt, type Row } from "./support/table";
import { measureWatcherHour, type WatcherHour } from "./support/watcher-hour";

/**
 * Figure 6, the recorder's upstream cost: requests per hour that reach the upstream while
 * people watch the bulk publisher (5,000 offers, 950 in flight), with the watcher (ours) and
 * with today's per-TTL refetch (the baseline: the shipped instance, WATCH=false, list TTL
 * 10 s, status TTL 5 s, coalesced). Goal: ≥ 10× fewer, and flat across viewers.
 *
 * Viewers poll as the All offers page does while offers are in flight (POLL_LIST_MS, 30 s;
 * with the live stream healthy the page polls 4× slower, which would favour ours; not used),
 * spread over the interval; with 100 viewers, one in ten also has the Status tab of an offer
 * publishing open (POLL_ACTIVE_MS, 10 s). Each load runs a whole number of poll intervals
 * (60 s; --quick 30 s), so requests per hour = requests in the window × 3,600 s / window.
 *
 * Baseline: upstream requests the load caused at the emulator, from a cold cache.
 * Ours = the watcher's own requests per hour + what viewers add. The watcher's pace is minutes
 * (10 min for an offer awaiting sign-off), longer than a window, so its hour is measured by
 * watcher-hour.ts: the real watcher over a simulated hour against the emulator. What viewers
 * add is measured on a real instance with the watcher on (WATCH_PUBLISHERS=bulk, default
 * WATCH_*, its own DATA_DIR): restarted for 0, 1 and 100 viewers, each window starting when
 * the watcher's first round is done, so the watcher's reads fall at the same points of each
 * window and the difference to 0 viewers is the viewers' share.
 */
const LIST_POLL_MS = 30_000;
const STATUS_POLL_MS = 10_000;
const VIEWERS = [1, 100] as const;
/** One viewer in this many also polls the Status tab of an offer publishing. */
const STATUS_VIEWER_SHARE = 10;
const HOUR_MS = 3_600_000;

const listPath = `/api/publishers/${BULK_PUBLISHER}/offers`;

/** The k-th "advancing" bulk offer (one in ten after the awaiting ones): publishing. */
const publishingOffer = (k: number) => bulkOfferId(BULK_AWAITING + 5 + 10 * k);

interface Window {
  viewers: number;
  upstreamRequests: number;
  listPolls: ViewerLoad;
  statusPolls: ViewerLoad[];
  /** CPU time of the server process during the window. */
  serverCpuMs: number;
}

async function viewerLoad(ctx: BenchContext, app: BenchApp, viewers: number, durationMs: number) {
  if (viewers === 0) {
    await sleep(durationMs);
    return { listPolls: emptyLoad(), statusPolls: [] };
  }
  const statusTabs = Math.floor(viewers / STATUS_VIEWER_SHARE);
  const [listPolls, ...statusPolls] = await Promise.all([
    pollingViewers({ url: `${app.url}${listPath}`, viewers, intervalMs: LIST_POLL_MS, durationMs, headers: ctx.auth }),
    ...Array.from({ length: statusTabs }, (_, k) =>
      pollingViewers({
        url: `${app.url}${statusPath(BULK_PUBLISHER, publishingOffer(k))}`,
        viewers: 1,
        intervalMs: STATUS_POLL_MS,
        durationMs,
        headers: ctx.auth,
      }),
    ),
  ]);
  return { listPolls: listPolls ?? emptyLoad(), statusPolls };
}

function emptyLoad(): ViewerLoad {
  return { requests: 0, ok: 0, latencyP50Ms: 0, latencyP99Ms: 0, latePolls: 0, spanMs: 0 };
}

async function measureWindow(ctx: BenchContext, app: BenchApp, viewers: number, durationMs: number): Promise<Window> {
  await ctx.emulator.resetStats();
  const cpu0 = app.cpuTimeMs();
  const load = await viewerLoad(ctx, app, viewers, durationMs);
  const serverCpuMs = app.cpuTimeMs() - cpu0;
  const { apiRequests } = await ctx.emulator.stats();
  return { viewers, upstreamRequests: apiRequests, ...load, serverCpuMs };
}

async function baselineWindow(ctx: BenchContext, viewers: number, durationMs: number): Promise<Window> {
  // Start cold: nothing an earlier load cached answers this one's first polls.
  await sleep(Math.max(ctx.listTtlMs, ctx.statusTtlMs) + 1_000);
  ctx.log(`recorder-cost: baseline (WATCH=false), ${viewers} viewer(s), ${durationMs / 1000} s`);
  return measureWindow(ctx, ctx.cached, viewers, durationMs);
}

async function watchingWindow(ctx: BenchContext, viewers: number, durationMs: number): Promise<Window> {
  const watching = watchingApp(ctx, ctx.emulator, "dashboard (watcher on)", { WATCH_PUBLISHERS: BULK_PUBLISHER });
  try {
    await ctx.emulator.resetStats();
    await watching.app.start();
    const firstRoundMs = await waitForFirstRound(ctx.emulator, BULK_IN_FLIGHT);
    ctx.log(
      `recorder-cost: watcher on, first round in ${(firstRoundMs / 1000).toFixed(0)} s; ${viewers} viewer(s), ${durationMs / 1000} s`,
    );
    return await measureWindow(ctx, watching.app, viewers, durationMs);
  } finally {
    await watching.dispose();
  }
}

const failedPolls = (w: Window) => [w.listPolls, ...w.statusPolls].reduce((n, load) => n + load.requests - load.ok, 0);
const polls = (w: Window) => [w.listPolls, ...w.statusPolls].reduce((n, load) => n + load.requests, 0);

export interface RecorderCostData {
  durationMs: number;
  listPollMs: number;
  statusPollMs: number;
  watcherHour: WatcherHour;
  quiet: Window;
  runs: { viewers: number; ours: Window; baseline: Window; oursPerHour: number; baselinePerHour: number }[];
}

export async function runRecorderCost(ctx: BenchContext): Promise<FigureResult> {
  const durationMs = ctx.quick ? LIST_POLL_MS : 2 * LIST_POLL_MS;
  const perHour = (requests: number) => (requests * HOUR_MS) / durationMs;
  const watcherHour = await measureWatcherHour(ctx);
  const quiet = await watchingWindow(ctx, 0, durationMs);
  const data: RecorderCostData = {
    durationMs,
    listPollMs: LIST_POLL_MS,
    statusPollMs: STATUS_POLL_MS,
    watcherHour,
    quiet,
    runs: [],
  };
  const rows: Row[] = [];
  for (const viewers of VIEWERS) {
    const baseline = await baselineWindow(ctx, viewers, durationMs);
    const ours = await watchingWindow(ctx, viewers, durationMs);
    const added = Math.max(0, ours.upstreamRequests - quiet.upstreamRequests);
    const oursPerHour = watcherHour.perHour.apiRequests + perHour(added);
    const baselinePerHour = perHour(baseline.upstreamRequests);
    data.runs.push({ viewers, ours, baseline, oursPerHour, baselinePerHour });
    const failed = failedPolls(ours) + failedPolls(baseline);
    const statusTabs = ours.statusPolls.length;
    rows.push({
      figure: "6 Recorder cost",
      measure:
        `upstream requests per hour watching ${BULK_PUBLISHER} (5,000 offers, ${BULK_IN_FLIGHT} in flight): ` +
        `${viewers} viewer${viewers === 1 ? "" : "s"} polling All offers every ${LIST_POLL_MS / 1000} s` +
        (statusTabs > 0 ? ` (${statusTabs} also a Status tab every ${STATUS_POLL_MS / 1000} s)` : ""),
      ours: `${fmt.int(oursPerHour)} (watcher ${fmt.int(watcherHour.perHour.apiRequests)} + viewers ${fmt.int(perHour(added))})`,
      baseline: `${fmt.int(baselinePerHour)} (${fmt.int(baseline.upstreamRequests)} in ${durationMs / 1000} s, ${fmt.int(polls(baseline))} polls)`,
      note:
        `${fmt.ratio(baselinePerHour, oursPerHour)} fewer; in the window ${fmt.int(ours.upstreamRequests)} vs ` +
        `${fmt.int(quiet.upstreamRequests)} with no viewer` +
        (failed > 0 ? `; ${failed} polls failed` : ""),
    });
  }
  rows.push(flatnessRow(data));
  rows.push(watcherRow(watcherHour));
  return { rows, data };
}

function flatnessRow(data: RecorderCostData): Row {
  const one = data.runs.find((r) => r.viewers === 1);
  const many = data.runs.find((r) => r.viewers === 100);
  if (!one || !many) throw new Error("recorder-cost runs missing");
  return {
    figure: "6 Recorder cost",
    measure: "upstream requests per hour, 100 viewers against 1 (flat = 1.00×)",
    ours: fmt.ratio(many.oursPerHour, one.oursPerHour),
    baseline: fmt.ratio(many.baselinePerHour, one.baselinePerHour),
    note: `list p50 with 100 viewers ${fmt.ms(many.ours.listPolls.latencyP50Ms)} (store) vs ${fmt.ms(many.baseline.listPolls.latencyP50Ms)} (cache); server CPU in the window ${fmt.int(many.ours.serverCpuMs)} ms vs ${fmt.int(many.baseline.serverCpuMs)} ms`,
  };
}

function watcherRow(hour: WatcherHour): Row {
  const { perHour, firstHour, steady } = hour;
  return {
    figure: "6 Recorder cost",
    measure: `the watcher alone, per simulated hour of ${BULK_PUBLISHER} (default WATCH_*, emulator clock moving with it): steady state`,
    ours: `${fmt.int(perHour.listReads)} list + ${fmt.int(perHour.statusReads)} status reads`,
    baseline: `first hour from start: ${fmt.int(firstHour.apiRequests)}`,
    note:
      `${fmt.dec(perHour.statusReads / BULK_IN_FLIGHT)} reads an hour per offer in flight (${fmt.int(BULK_IN_FLIGHT)}); ` +
      `changes recorded ${fmt.int(firstHour.changes)} in the first hour, ${fmt.int(perHour.changes)} in the steady one` +
      (steady.errorsLogged + hour.first.errorsLogged > 0
        ? `; ${steady.errorsLogged + hour.first.errorsLogged} errors logged`
        : ""),
  };
}
