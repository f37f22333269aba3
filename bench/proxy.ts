import type { CannonInput, CannonResult } from "./support/autocannon-runner";
import { runTsJson } from "./support/child";
import { type BenchContext, type FigureResult, WATCHED_OFFER, statusPath } from "./support/context";
import { API_VERSION } from "./support/emulator";
import { fmt, type Row } from "./support/table";

/**
 * Figure 3, proxy cost: throughput and latency of our status route (cache hit on the shipped
 * instance, cache miss on the CACHE_COALESCE=false one) next to the emulator's own status
 * endpoint hit directly with a bearer token. autocannon runs in a child process.
 */
const CONNECTIONS = 20;

export interface ProxyData {
  connections: number;
  durationSeconds: number;
  cacheHit: CannonResult;
  cacheMiss: CannonResult;
  upstream: CannonResult;
}

function cannon(ctx: BenchContext, input: CannonInput): Promise<CannonResult> {
  // autocannon connects with rejectUnauthorized: false; the CA is passed anyway for the record.
  return runTsJson<CannonResult>("bench/support/autocannon-runner.ts", input, {
    ...process.env,
    NODE_EXTRA_CA_CERTS: ctx.emulator.caFile,
  });
}

const summary = (r: CannonResult) =>
  `${fmt.int(r.requestsPerSecond)} req/s · p50 ${fmt.ms(r.latencyP50Ms)} · p99 ${fmt.ms(r.latencyP99Ms)}`;

function failures(r: CannonResult): string {
  const bad = r.non2xx + r.errors + r.timeouts;
  return bad > 0 ? `; ${fmt.int(bad)} non-2xx/errors` : "";
}

export async function runProxy(ctx: BenchContext): Promise<FigureResult> {
  const durationSeconds = ctx.quick ? 3 : 5;
  const { publisherId, offerId } = WATCHED_OFFER;
  const path = statusPath(publisherId, offerId);
  const base = { connections: CONNECTIONS, durationSeconds, warmupSeconds: 1 };

  ctx.log("proxy: our status route, cache hit");
  const cacheHit = await cannon(ctx, { ...base, url: `${ctx.cached.url}${path}` });
  ctx.log("proxy: our status route, cache miss (CACHE_COALESCE=false)");
  const cacheMiss = await cannon(ctx, { ...base, url: `${ctx.uncached.url}${path}` });
  ctx.log("proxy: the emulator's status endpoint, directly");
  const token = await ctx.emulator.token();
  const upstream = await cannon(ctx, {
    ...base,
    url: `${ctx.emulator.url}${path}?api-version=${API_VERSION}`,
    headers: { Authorization: `Bearer ${token}` },
  });

  const compare = (ours: CannonResult) =>
    `throughput ${fmt.ratio(ours.requestsPerSecond, upstream.requestsPerSecond)}, ` +
    `p50 ${fmt.ratio(ours.latencyP50Ms, upstream.latencyP50Ms)}, p99 ${fmt.ratio(ours.latencyP99Ms, upstream.latencyP99Ms)}`;
  const measure = (what: string) => `${what} (${CONNECTIONS} connections, ${durationSeconds} s)`;
  const rows: Row[] = [
    {
      figure: "3 Proxy cost",
      measure: measure("status route, cache hit"),
      ours: summary(cacheHit),
      baseline: `${summary(upstream)} (upstream direct)`,
      note: compare(cacheHit) + failures(cacheHit),
    },
    {
      figure: "3 Proxy cost",
      measure: measure("status route, cache miss (CACHE_COALESCE=false)"),
      ours: summary(cacheMiss),
      baseline: `${summary(upstream)} (upstream direct)`,
      note: compare(cacheMiss) + failures(cacheMiss),
    },
  ];
  if (upstream.non2xx + upstream.errors > 0) {
    rows.push({
      figure: "3 Proxy cost",
      measure: "upstream direct failures",
      ours: "",
      baseline: failures(upstream).slice(2),
      note: "",
    });
  }
  return { rows, data: { connections: CONNECTIONS, durationSeconds, cacheHit, cacheMiss, upstream } satisfies ProxyData };
}
