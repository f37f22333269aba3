import { type BenchApp } from "./support/app";
import { BULK_PUBLISHER, type BenchContext, type FigureResult, WATCHED_OFFER, statusPath } from "./support/context";
import { BenchEmulator, STATUS_ROUTE } from "./support/emulator";
import { getOnce, pollingViewers, type ViewerLoad } from "./support/load";
import { fmt, type Row } from "./support/table";

/**
 * Figure 1, upstream amplification: N viewers poll one offer's status through our API at a
 * fixed interval; the emulator counts the status reads that reached it. Shipped instance
 * against the CACHE_COALESCE=false instance under the same load.
 */
const VIEWERS = [1, 10, 100, 500] as const;
const INTERVAL_MS = 1_000;
/** The big list: a few viewers of the 5,000-offer publisher, polling faster than the list TTL. */
const LIST_VIEWERS = 5;
const LIST_INTERVAL_MS = 2_000;

interface Run {
  viewers: number;
  upstreamReads: number;
  /** Status reads of other offers in the same interval (none expected). */
  otherReads: number;
  /** TTL windows the load touched: ⌈span of the load / TTL⌉. */
  ttlWindows: number;
  perTtlWindow: number;
  load: ViewerLoad;
}

export interface AmplificationData {
  offer: string;
  durationMs: number;
  intervalMs: number;
  statusTtlMs: number;
  runs: { viewers: number; ours: Run; baseline: Run }[];
  bulkList: {
    viewers: number;
    intervalMs: number;
    durationMs: number;
    listTtlMs: number;
    /** Upstream requests (list + status reads) of one list load without any cache. */
    perUncachedLoad: number;
    upstreamRequests: number;
    ttlWindows: number;
    load: ViewerLoad;
  };
}

async function measure(ctx: BenchContext, app: BenchApp, viewers: number, durationMs: number): Promise<Run> {
  const { publisherId, offerId } = WATCHED_OFFER;
  await ctx.emulator.resetStats();
  const load = await pollingViewers({
    url: `${app.url}${statusPath(publisherId, offerId)}`,
    viewers,
    intervalMs: INTERVAL_MS,
    durationMs,
    headers: ctx.auth,
  });
  const stats = await ctx.emulator.stats();
  const allReads = stats.byRoute[STATUS_ROUTE] ?? 0;
  const upstreamReads = BenchEmulator.statusReads(stats, publisherId, offerId);
  const otherReads = allReads - upstreamReads;
  // A cache entry lives one TTL from its answer, so a load spanning S ms can need ⌈S / TTL⌉
  // reads at best (a 10 s run that ends at 10.2 s touches a third window).
  const ttlWindows = Math.max(1, Math.ceil(load.spanMs / ctx.statusTtlMs));
  return { viewers, upstreamReads, otherReads, ttlWindows, perTtlWindow: upstreamReads / ttlWindows, load };
}

export async function runAmplification(ctx: BenchContext): Promise<FigureResult> {
  const durationMs = ctx.quick ? 5_000 : 10_000;
  const data: Omit<AmplificationData, "bulkList"> & Partial<Pick<AmplificationData, "bulkList">> = {
    offer: `${WATCHED_OFFER.publisherId}/${WATCHED_OFFER.offerId}`,
    durationMs,
    intervalMs: INTERVAL_MS,
    statusTtlMs: ctx.statusTtlMs,
    runs: [],
  };
  const rows: Row[] = [];
  for (const viewers of VIEWERS) {
    // Baseline first: its run outlasts the shipped instance's TTL, so each level starts cold.
    ctx.log(`amplification: ${viewers} viewer(s), ${durationMs / 1000} s each instance`);
    const baseline = await measure(ctx, ctx.uncached, viewers, durationMs);
    const ours = await measure(ctx, ctx.cached, viewers, durationMs);
    data.runs.push({ viewers, ours, baseline });
    const failed = ours.load.requests - ours.load.ok + (baseline.load.requests - baseline.load.ok);
    rows.push({
      figure: "1 Upstream amplification",
      measure: `${viewers} viewer${viewers === 1 ? "" : "s"} polling 1/s for ${durationMs / 1000} s: upstream status reads per ${ctx.statusTtlMs / 1000} s TTL window`,
      ours: `${fmt.dec(ours.perTtlWindow)} (${ours.upstreamReads} reads, ${ours.ttlWindows} windows, ${fmt.int(ours.load.requests)} polls)`,
      baseline: `${fmt.dec(baseline.perTtlWindow)} (${baseline.upstreamReads} reads, ${fmt.int(baseline.load.requests)} polls)`,
      note:
        `${fmt.ratio(baseline.upstreamReads, ours.upstreamReads)} fewer upstream reads` +
        (failed > 0 ? `; ${failed} polls failed` : "") +
        (ours.otherReads + baseline.otherReads > 0
          ? `; ${ours.otherReads + baseline.otherReads} status reads of other offers meanwhile`
          : "") +
        `; p99 ${fmt.ms(ours.load.latencyP99Ms)} vs ${fmt.ms(baseline.load.latencyP99Ms)}`,
    });
  }
  data.bulkList = await measureBulkList(ctx, rows);
  return { rows, data };
}

/**
 * The list of a big publisher carries the current step of each offer in flight, which the
 * server reads per offer: one list load costs hundreds of upstream requests. Viewers polling
 * it should cost that about once per list TTL window, not once per poll. Baseline: the
 * measured cost of one load without a cache, times the polls.
 */
async function measureBulkList(ctx: BenchContext, rows: Row[]): Promise<AmplificationData["bulkList"]> {
  const path = `/api/publishers/${BULK_PUBLISHER}/offers`;
  const durationMs = ctx.quick ? 10_000 : 12_000;
  ctx.log("amplification: one uncached load of the bulk list (its upstream cost)");
  await ctx.emulator.resetStats();
  const status = await getOnce(`${ctx.uncached.url}${path}`, 120_000, ctx.auth);
  if (status !== 200) throw new Error(`GET ${path} on the baseline instance → ${status}`);
  const perUncachedLoad = (await ctx.emulator.stats()).apiRequests;

  ctx.log(`amplification: ${LIST_VIEWERS} viewers polling the bulk list every ${LIST_INTERVAL_MS / 1000} s`);
  await ctx.emulator.resetStats();
  const load = await pollingViewers({
    url: `${ctx.cached.url}${path}`,
    viewers: LIST_VIEWERS,
    intervalMs: LIST_INTERVAL_MS,
    durationMs,
    headers: ctx.auth,
  });
  const upstreamRequests = (await ctx.emulator.stats()).apiRequests;
  const ttlWindows = Math.max(1, Math.ceil(load.spanMs / ctx.listTtlMs));
  const naive = load.requests * perUncachedLoad;
  rows.push({
    figure: "1 Upstream amplification",
    measure:
      `${LIST_VIEWERS} viewers polling the ${BULK_PUBLISHER} list (5,000 offers) every ${LIST_INTERVAL_MS / 1000} s ` +
      `for ${durationMs / 1000} s: upstream requests per ${ctx.listTtlMs / 1000} s list TTL window`,
    ours: `${fmt.int(upstreamRequests / ttlWindows)} (${fmt.int(upstreamRequests)} requests, ${ttlWindows} windows, ${load.requests} polls)`,
    baseline: `${fmt.int(naive / ttlWindows)} (${load.requests} polls × ${fmt.int(perUncachedLoad)} per uncached load)`,
    note:
      `${fmt.ratio(naive, upstreamRequests)} fewer; list p50 ${fmt.ms(load.latencyP50Ms)}, p99 ${fmt.ms(load.latencyP99Ms)}` +
      (load.ok < load.requests ? `; ${load.requests - load.ok} polls failed` : ""),
  });
  return {
    viewers: LIST_VIEWERS,
    intervalMs: LIST_INTERVAL_MS,
    durationMs,
    listTtlMs: ctx.listTtlMs,
    perUncachedLoad,
    upstreamRequests,
    ttlWindows,
    load,
  };
}
