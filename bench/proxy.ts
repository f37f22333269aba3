import type { CannonInput, CannonResult } from "./support/autocannon-runner";
import { runTsJson } from "./support/child";
import { type BenchContext, type FigureResult, WATCHED_OFFER, statusPath } from "./support/context";
import { API_VERSION } from "./support/emulator";
import { fmt, type Row } from "./support/table";

/**
 * Figure 3, proxy cost: throughput and latency of our status route (cache hit on the shipped
 * instance, cache miss on the CACHE_COALESCE=false one) next to the emulator's own status
 * endpoint hit directly with a bearer token; /api/health shows what Next.js costs alone.
 * autocannon runs in a child process. CPU per request comes from /proc/<pid>/stat of the
 * serving process, which holds up better than latency on a shared machine.
 */
const CONNECTIONS = 20;

interface Measured extends CannonResult {
  /** CPU ms per request of the process that answered (next-server, or the emulator). */
  cpuMsPerRequest: number;
  /** For cache misses: the emulator's CPU per request behind it. */
  upstreamCpuMsPerRequest?: number;
}

export interface ProxyData {
  connections: number;
  durationSeconds: number;
  /** /api/health: no upstream, no cache; what Next.js costs per request on its own. */
  health: Measured;
  cacheHit: Measured;
  cacheMiss: Measured;
  upstream: Measured;
}

async function cannon(ctx: BenchContext, input: CannonInput, servedBy: number, behind?: number): Promise<Measured> {
  // autocannon connects with rejectUnauthorized: false; the CA is passed anyway for the record.
  const env = { ...process.env, NODE_EXTRA_CA_CERTS: ctx.emulator.caFile };
  const cpuPids = behind === undefined ? [servedBy] : [servedBy, behind];
  const result = await runTsJson<CannonResult>("bench/support/autocannon-runner.ts", { ...input, cpuPids }, env);
  const perRequest = (ms: number | undefined) => (ms ?? Number.NaN) / Math.max(1, result.requests);
  return {
    ...result,
    cpuMsPerRequest: perRequest(result.cpuMs[0]),
    ...(behind === undefined ? {} : { upstreamCpuMsPerRequest: perRequest(result.cpuMs[1]) }),
  };
}

const summary = (r: Measured) =>
  `${fmt.int(r.requestsPerSecond)} req/s · p50 ${fmt.ms(r.latencyP50Ms)} · p99 ${fmt.ms(r.latencyP99Ms)} · ` +
  `${r.cpuMsPerRequest.toFixed(2)} ms CPU/req`;

function failures(r: CannonResult): string {
  const bad = r.non2xx + r.errors + r.timeouts;
  return bad > 0 ? `; ${fmt.int(bad)} non-2xx/errors` : "";
}

export async function runProxy(ctx: BenchContext): Promise<FigureResult> {
  const durationSeconds = ctx.quick ? 3 : 5;
  const { publisherId, offerId } = WATCHED_OFFER;
  const path = statusPath(publisherId, offerId);
  const base = { connections: CONNECTIONS, durationSeconds, warmupSeconds: 1 };
  const emulatorPid = ctx.emulator.pid;
  if (emulatorPid === undefined) throw new Error("the emulator has no process id");

  ctx.log("proxy: /api/health (the floor: a route handler that does nothing)");
  const health = await cannon(ctx, { ...base, url: `${ctx.cached.url}/api/health` }, ctx.cached.serverPid());
  // The status route needs a session: the proxy unseals the cookie on every request.
  const signedIn = { ...base, headers: ctx.auth };
  ctx.log("proxy: our status route, cache hit");
  const cacheHit = await cannon(ctx, { ...signedIn, url: `${ctx.cached.url}${path}` }, ctx.cached.serverPid());
  ctx.log("proxy: our status route, cache miss (CACHE_COALESCE=false)");
  const cacheMiss = await cannon(
    ctx,
    { ...signedIn, url: `${ctx.uncached.url}${path}` },
    ctx.uncached.serverPid(),
    emulatorPid,
  );
  ctx.log("proxy: the emulator's status endpoint, directly");
  const token = await ctx.emulator.token();
  const upstream = await cannon(
    ctx,
    {
      ...base,
      url: `${ctx.emulator.url}${path}?api-version=${API_VERSION}`,
      headers: { Authorization: `Bearer ${token}` },
    },
    emulatorPid,
  );

  const compare = (ours: CannonResult) =>
    `throughput ${fmt.ratio(ours.requestsPerSecond, upstream.requestsPerSecond)}, ` +
    `p50 ${fmt.ratio(ours.latencyP50Ms, upstream.latencyP50Ms)}, p99 ${fmt.ratio(ours.latencyP99Ms, upstream.latencyP99Ms)}`;
  const measure = (what: string) => `${what} (${CONNECTIONS} connections, ${durationSeconds} s)`;
  const baseline = `${summary(upstream)} (upstream direct)`;
  const rows: Row[] = [
    {
      figure: "3 Proxy cost",
      measure: measure("/api/health, no upstream (Next.js floor)"),
      ours: summary(health),
      baseline,
      note: compare(health) + failures(health),
    },
    {
      figure: "3 Proxy cost",
      measure: measure("status route, cache hit"),
      ours: summary(cacheHit),
      baseline,
      note: compare(cacheHit) + failures(cacheHit),
    },
    {
      figure: "3 Proxy cost",
      measure: measure("status route, cache miss (CACHE_COALESCE=false)"),
      ours: summary(cacheMiss),
      baseline,
      note:
        compare(cacheMiss) +
        `; + ${(cacheMiss.upstreamCpuMsPerRequest ?? Number.NaN).toFixed(2)} ms emulator CPU/req` +
        failures(cacheMiss),
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
  const data: ProxyData = { connections: CONNECTIONS, durationSeconds, health, cacheHit, cacheMiss, upstream };
  return { rows, data };
}
