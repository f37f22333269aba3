import { type BenchApp } from "./support/app";
import { type BenchContext, type FigureResult, WATCHED_OFFER, statusPath } from "./support/context";
import { STATUS_ROUTE } from "./support/emulator";
import { pollingViewers, type ViewerLoad } from "./support/load";
import { fmt, type Row } from "./support/table";

/**
 * Figure 1, upstream amplification: N viewers poll one offer's status through our API at a
 * fixed interval; the emulator counts the status reads that reached it. Shipped instance
 * against the CACHE_COALESCE=false instance under the same load.
 */
const VIEWERS = [1, 10, 100, 500] as const;
const INTERVAL_MS = 1_000;

interface Run {
  viewers: number;
  upstreamReads: number;
  perTtlWindow: number;
  load: ViewerLoad;
}

export interface AmplificationData {
  offer: string;
  durationMs: number;
  intervalMs: number;
  statusTtlMs: number;
  runs: { viewers: number; ours: Run; baseline: Run }[];
}

async function measure(ctx: BenchContext, app: BenchApp, viewers: number, durationMs: number): Promise<Run> {
  const { publisherId, offerId } = WATCHED_OFFER;
  await ctx.emulator.resetStats();
  const load = await pollingViewers({
    url: `${app.url}${statusPath(publisherId, offerId)}`,
    viewers,
    intervalMs: INTERVAL_MS,
    durationMs,
  });
  const stats = await ctx.emulator.stats();
  const upstreamReads = stats.byRoute[STATUS_ROUTE] ?? 0;
  return { viewers, upstreamReads, perTtlWindow: upstreamReads / (durationMs / ctx.statusTtlMs), load };
}

export async function runAmplification(ctx: BenchContext): Promise<FigureResult> {
  const durationMs = ctx.quick ? 5_000 : 10_000;
  const data: AmplificationData = {
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
      measure: `${viewers} viewer${viewers === 1 ? "" : "s"} polling 1/s, ${durationMs / 1000} s: status reads per ${ctx.statusTtlMs / 1000} s TTL window`,
      ours: `${fmt.dec(ours.perTtlWindow)} (${ours.upstreamReads} reads / ${fmt.int(ours.load.requests)} polls)`,
      baseline: `${fmt.dec(baseline.perTtlWindow)} (${baseline.upstreamReads} / ${fmt.int(baseline.load.requests)})`,
      note:
        `${fmt.ratio(baseline.upstreamReads, ours.upstreamReads)} fewer upstream reads` +
        (failed > 0 ? `; ${failed} polls failed` : "") +
        `; p99 ${fmt.ms(ours.load.latencyP99Ms)} vs ${fmt.ms(baseline.load.latencyP99Ms)}`,
    });
  }
  return { rows, data };
}
