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
import { drive } from "./support/load";
import { fmt, type Row } from "./support/table";

/**
 * Figure 5, memory: resident memory of the shipped instance's next-server process before and
 * after sustained mixed load (status reads across all 5,000 bulk offers, with list reads of
 * every publisher in between), sampled through the run for its peak.
 */
const CONNECTIONS = 20;
const LIST_EVERY = 100;

export interface MemoryData {
  durationSeconds: number;
  idleFreshMiB: number;
  beforeMiB: number;
  peakMiB: number;
  afterMiB: number;
  afterIdleMiB: number;
  load: CannonResult;
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
  const durationSeconds = ctx.quick ? 8 : 20;
  ctx.log("memory: fresh shipped-instance process");
  await app.restart();
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
  );
  await sleep(1_000);
  const beforeMiB = app.rssMiB();

  ctx.log(`memory: ${durationSeconds} s of mixed list + status load`);
  let peakMiB = beforeMiB;
  const sampler = setInterval(() => {
    try {
      peakMiB = Math.max(peakMiB, app.rssMiB());
    } catch {
      // the process is between samples; the next one counts
    }
  }, 250);
  const input: CannonInput = { url: app.url, connections: CONNECTIONS, durationSeconds, paths: mixedPaths() };
  let load: CannonResult;
  try {
    load = await runTsJson<CannonResult>("bench/support/autocannon-runner.ts", input);
  } finally {
    clearInterval(sampler);
  }
  const afterMiB = app.rssMiB();
  peakMiB = Math.max(peakMiB, afterMiB);
  await sleep(5_000);
  const afterIdleMiB = app.rssMiB();

  const data: MemoryData = { durationSeconds, idleFreshMiB, beforeMiB, peakMiB, afterMiB, afterIdleMiB, load };
  const bad = load.non2xx + load.errors + load.timeouts;
  const rows: Row[] = [
    {
      figure: "5 Memory",
      measure: `next-server RSS after ${durationSeconds} s of mixed list + status load (${fmt.int(load.requests)} requests over ${fmt.int(BULK_OFFERS)} offers)`,
      ours: `${fmt.mib(afterMiB)} (peak ${fmt.mib(peakMiB)}, ${fmt.mib(afterIdleMiB)} 5 s later)`,
      baseline: `${fmt.mib(beforeMiB)} before (${fmt.mib(idleFreshMiB)} fresh)`,
      note: `+${fmt.mib(afterMiB - beforeMiB)}${bad > 0 ? `; ${fmt.int(bad)} non-2xx/errors` : ""}`,
    },
  ];
  return { rows, data };
}
