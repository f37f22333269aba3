import pg from "pg";

import { startPostgres, type PostgresServer } from "../lib/server/testing/postgres-server";
import { BenchApp, appEnv } from "./support/app";
import { type BenchContext, type FigureResult, WATCHED_OFFER, statusPath } from "./support/context";
import { pollingViewers, type ViewerLoad } from "./support/load";
import { waitForFirstRound } from "./support/recorder";
import { fmt, type Row } from "./support/table";

/**
 * Figure 11, several instances: the same viewer load on 1, 2 and 3 dashboard instances (the
 * standalone server, as deployed) sharing one PostgreSQL, with the watcher on. The viewers
 * are spread over the instances, as a load balancer would spread them. Measured per count:
 * the requests that reached the upstream in the window and the viewers' p50/p99 latency.
 * Baseline: one instance, in the same run. The goal is the upstream's cost flat in the number
 * of instances (one watcher, the others answer from the store).
 *
 * Load: 60 viewers with All offers of contoso open, polling every 5 s, and 6 with the Status
 * tab of an offer in certification, every 5 s (the pages' own poll is slower; this is a busy
 * team). The watcher runs at a brisk pace (WATCH_PACE). Each count gets a fresh database, and
 * its window starts after the watcher's first round, so each window sees its steady pace.
 */
const COUNTS = [1, 2, 3] as const;
const LIST_VIEWERS = 60;
const STATUS_VIEWERS = 6;
const POLL_MS = 5_000;
const PUBLISHER = "contoso";
/**
 * A brisk watcher (list every 2 s, offers in flight every 1–5 s), so a window holds enough of
 * its requests to compare; at the default pace a 30 s window holds one or two.
 */
const WATCH_PACE = { WATCH_LIST_MS: "2000", WATCH_MIN_MS: "1000", WATCH_MAX_MS: "5000" } as const;

interface Run {
  instances: number;
  upstreamRequests: number;
  /** The upstream requests by route (GET /api/publishers/{p}/offers, …/status, …). */
  byRoute: Record<string, number>;
  list: ViewerLoad;
  status: ViewerLoad;
}

export interface InstancesData {
  durationMs: number;
  runs: Run[];
}

async function createDatabase(server: PostgresServer, name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: server.url });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  return server.url.replace(/\/postgres$/, `/${name}`);
}

async function measure(ctx: BenchContext, server: PostgresServer, count: number, durationMs: number): Promise<Run> {
  const databaseUrl = await createDatabase(server, `bench_instances_${count}_${process.pid}`);
  const basePort = ctx.cached.port + 10;
  const apps = Array.from(
    { length: count },
    (_, i) =>
      new BenchApp(
        `instance ${i + 1} of ${count}`,
        basePort + i,
        appEnv(ctx.emulator, {
          CACHE_TTL_STATUS_MS: String(ctx.statusTtlMs),
          CACHE_TTL_LIST_MS: String(ctx.listTtlMs),
          SESSION_SECRET: ctx.session.secret,
          APP_BASE_URL: `http://127.0.0.1:${basePort}`,
          DATABASE_URL: databaseUrl,
          WATCH: "true",
          WATCH_PUBLISHERS: PUBLISHER,
          ...WATCH_PACE,
        }),
      ),
  );
  try {
    await ctx.emulator.resetStats();
    // One after the other: the first applies the migrations and takes the watcher's lease.
    for (const app of apps) await app.start();
    const settleMs = await waitForFirstRound(ctx.emulator, 1, 120_000);
    ctx.log(`instances: ${count} running, watcher's first round done in ${(settleMs / 1000).toFixed(0)} s`);
    await ctx.emulator.resetStats();
    const urls = (path: string) => apps.map((app) => `${app.url}${path}`);
    const [list, status] = await Promise.all([
      pollingViewers({
        url: urls(`/api/publishers/${PUBLISHER}/offers`),
        viewers: LIST_VIEWERS,
        intervalMs: POLL_MS,
        durationMs,
        headers: ctx.auth,
      }),
      pollingViewers({
        url: urls(statusPath(WATCHED_OFFER.publisherId, WATCHED_OFFER.offerId)),
        viewers: STATUS_VIEWERS,
        intervalMs: POLL_MS,
        durationMs,
        headers: ctx.auth,
      }),
    ]);
    const { apiRequests, byRoute } = await ctx.emulator.stats();
    return { instances: count, upstreamRequests: apiRequests, byRoute: { ...byRoute }, list: list!, status: status! };
  } finally {
    await Promise.allSettled(apps.map((app) => app.stop()));
  }
}

export async function runInstances(ctx: BenchContext): Promise<FigureResult> {
  const durationMs = ctx.quick ? 30_000 : 60_000;
  const server = await startPostgres();
  const data: InstancesData = { durationMs, runs: [] };
  try {
    for (const count of COUNTS) {
      ctx.log(`instances: ${count} instance(s) on one PostgreSQL, ${durationMs / 1000} s of viewer load`);
      data.runs.push(await measure(ctx, server, count, durationMs));
    }
  } finally {
    server.destroy();
  }
  const one = data.runs[0]!;
  const rows: Row[] = data.runs.map((run) => {
    const failed = run.list.requests - run.list.ok + run.status.requests - run.status.ok;
    return {
      figure: "11 Instances",
      measure:
        `${run.instances} instance${run.instances === 1 ? "" : "s"} on one PostgreSQL: upstream requests in ` +
        `${durationMs / 1000} s and viewers' p50 / p99 (${LIST_VIEWERS} on All offers, ${STATUS_VIEWERS} on a Status tab, every ${POLL_MS / 1000} s)`,
      ours: `${fmt.int(run.upstreamRequests)} upstream; ${fmt.ms(run.list.latencyP50Ms)} / ${fmt.ms(run.list.latencyP99Ms)}`,
      baseline: `1 instance: ${fmt.int(one.upstreamRequests)}; ${fmt.ms(one.list.latencyP50Ms)} / ${fmt.ms(one.list.latencyP99Ms)}`,
      note:
        `upstream ${fmt.ratio(run.upstreamRequests, one.upstreamRequests)}, p99 ${fmt.ratio(run.list.latencyP99Ms, one.list.latencyP99Ms)}; ` +
        `Status tab p99 ${fmt.ms(run.status.latencyP99Ms)}` +
        (failed > 0 ? `; ${failed} polls failed` : ""),
    };
  });
  return { rows, data };
}
