import type { CannonInput, CannonResult } from "./support/autocannon-runner";
import { runTsJson, sleep } from "./support/child";
import {
  BULK_OFFERS,
  BULK_PUBLISHER,
  type BenchContext,
  type FigureResult,
  bulkOfferId,
  statusPath,
} from "./support/context";
import { HeapProbe } from "./support/heap";
import { drive } from "./support/load";
import { fmt, type Row } from "./support/table";

/**
 * Figure 5, memory: resident memory of the shipped instance's next-server process before and
 * after sustained mixed load (status reads across all 5,000 bulk offers, with list reads of
 * every publisher in between), sampled through the run for its peak.
 */
const CONNECTIONS = 20;
const LIST_EVERY = 100;

interface MemoryRound {
  load: CannonResult;
  drainMs: number;
  /** RSS once the server finished what the load left in flight. */
  afterMiB: number;
}

export interface MemoryData {
  durationSeconds: number;
  idleFreshMiB: number;
  beforeMiB: number;
  peakMiB: number;
  rounds: MemoryRound[];
  /** Live JS heap after a full GC, before the load and once its TTLs have passed. */
  heapBeforeMiB: number;
  heapAfterMiB: number;
}

/** Waits until the server uses under 5% of a core for a second (at most 30 s). */
async function waitUntilIdle(app: BenchContext["cached"]): Promise<number> {
  const started = Date.now();
  let last = app.cpuTimeMs();
  while (Date.now() - started < 30_000) {
    await sleep(1_000);
    const now = app.cpuTimeMs();
    if (now - last < 50) break;
    last = now;
  }
  return Date.now() - started;
}

function mixedPaths(): string[] {
  const lists = ["contoso", "fabrikam", BULK_PUBLISHER].map((p) => `/api/publishers/${p}/offers`);
  const paths: string[] = [];
  for (let i = 1; i <= BULK_OFFERS; i++) {
    paths.push(statusPath(BULK_PUBLISHER, bulkOfferId(i)));
    if (i % LIST_EVERY === 0) paths.push(lists[(i / LIST_EVERY) % lists.length] ?? "/api/publishers");
  }
  return paths;
}

export async function runMemory(ctx: BenchContext): Promise<FigureResult> {
  const app = ctx.cached;
  const durationSeconds = ctx.quick ? 5 : 12;
  ctx.log("memory: fresh shipped-instance process");
  const heap = new HeapProbe();
  await app.restart(heap.env);
  await sleep(1_000);
  const idleFreshMiB = app.rssMiB();
  // Before: every route loaded and answered once, so the figure is not just lazy loading.
  await drive(
    [
      "/api/publishers",
      "/api/publishers/contoso/offers",
      `/api/publishers/${BULK_PUBLISHER}/offers`,
      statusPath(BULK_PUBLISHER, bulkOfferId(1)),
    ].map((p) => `${app.url}${p}`),
    4,
    1,
    ctx.auth,
  );
  await sleep(1_000);
  const beforeMiB = app.rssMiB();
  const heapBeforeMiB = await heap.liveMiB(app);

  // Two rounds of the same load: growth that stops after the first is the heap settling at
  // its working size; growth that goes on is something kept.
  let peakMiB = beforeMiB;
  const sampler = setInterval(() => {
    try {
      peakMiB = Math.max(peakMiB, app.rssMiB());
    } catch {
      // the process is between samples; the next one counts
    }
  }, 250);
  const input: CannonInput = {
    url: app.url,
    connections: CONNECTIONS,
    durationSeconds,
    paths: mixedPaths(),
    headers: ctx.auth,
  };
  const rounds: MemoryRound[] = [];
  try {
    for (let round = 1; round <= 2; round++) {
      ctx.log(`memory: round ${round}, ${durationSeconds} s of mixed list + status load`);
      const load = await runTsJson<CannonResult>("bench/support/autocannon-runner.ts", input);
      // autocannon stops at its deadline with requests in flight; the server finishes them (a
      // big list can take seconds), so "after" is read once the server has gone quiet.
      const drainMs = await waitUntilIdle(app);
      rounds.push({ load, drainMs, afterMiB: app.rssMiB() });
    }
  } finally {
    clearInterval(sampler);
  }
  // Once the load's entries have expired and a new read has cleared them out (the coalescer
  // does so at most every 10 s), what is still live is what the server kept.
  await sleep(Math.max(ctx.statusTtlMs, ctx.listTtlMs) + 1_000);
  await drive([`${app.url}${statusPath(BULK_PUBLISHER, bulkOfferId(1))}`], 1, 1, ctx.auth);
  const heapAfterMiB = await heap.liveMiB(app);
  heap.close();
  await app.restart();
  const [first, second] = rounds;
  if (!first || !second) throw new Error("memory rounds missing");
  peakMiB = Math.max(peakMiB, first.afterMiB, second.afterMiB);

  const data: MemoryData = { durationSeconds, idleFreshMiB, beforeMiB, peakMiB, rounds, heapBeforeMiB, heapAfterMiB };
  const requests = first.load.requests + second.load.requests;
  const bad = rounds.reduce((n, r) => n + r.load.non2xx + r.load.errors + r.load.timeouts, 0);
  const rows: Row[] = [
    {
      figure: "5 Memory",
      measure:
        `next-server RSS after 2 × ${durationSeconds} s of mixed load: status of all ${fmt.int(BULK_OFFERS)} bulk offers, ` +
        `every ${LIST_EVERY}th a list (${fmt.int(requests)} requests, ${CONNECTIONS} connections)`,
      ours: `${fmt.mib(first.afterMiB)} → ${fmt.mib(second.afterMiB)} (peak ${fmt.mib(peakMiB)})`,
      baseline: `${fmt.mib(beforeMiB)} before (${fmt.mib(idleFreshMiB)} fresh)`,
      note:
        `+${fmt.mib(first.afterMiB - beforeMiB)} after round 1, ` +
        `${second.afterMiB >= first.afterMiB ? "+" : "−"}${fmt.mib(Math.abs(second.afterMiB - first.afterMiB))} after round 2` +
        (bad > 0 ? `; ${fmt.int(bad)} non-2xx/errors` : ""),
    },
    {
      figure: "5 Memory",
      measure: "next-server live JS heap after a full GC: after that load, once its TTLs have passed",
      ours: fmt.mib(heapAfterMiB),
      baseline: `${fmt.mib(heapBeforeMiB)} before the load`,
      note: `${fmt.ratio(heapAfterMiB, heapBeforeMiB)}; what the server kept (RSS also holds heap V8 reserved and kept)`,
    },
  ];
  return { rows, data };
}
