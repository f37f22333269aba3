/**
 * `npm run bench`: the dashboard's speed and cost, measured side by side in one run.
 *
 * Starts the emulator (test mode, loopback, with a 5,000-offer "bulk" publisher) and two
 * production instances of the dashboard against it — as shipped, and with CACHE_COALESCE=false
 * as the baseline — builds the app first when no build exists, runs each figure, prints one
 * table and writes bench/results/latest.json.
 *
 * The recorder's figures (recorder-cost, sse, store) start their own instance with the watcher
 * on (port BENCH_APP_PORT+2) and, where they change the upstream's world, an emulator of
 * their own (BENCH_EMULATOR_PORT+1). The instances figure starts up to three instances
 * (BENCH_APP_PORT+10…+12) on a PostgreSQL server of its own.
 *
 * Options: --quick (shorter runs), --only=tokens,amplification,proxy,pages,memory,
 * recorder-cost,sse,store,first-row,notify,instances, --rebuild
 * (run next build first even when a build exists; other processes serving .next break).
 * Env: BENCH_QUICK=1, BENCH_ONLY=…, BENCH_APP_PORT (default 3201; the baseline uses +1),
 * BENCH_EMULATOR_PORT (default 44401), CHROMIUM_PATH, BENCH_PAGE_INIT_SCRIPT (pages.ts).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

import { runAmplification } from "./amplification";
import { runMemory } from "./memory";
import { runNotify } from "./notify";
import { runPages } from "./pages";
import { runProxy } from "./proxy";
import { runFirstRow } from "./first-row";
import { runInstances } from "./instances";
import { runRecorderCost } from "./recorder-cost";
import { runSse } from "./sse";
import { runStore } from "./store";
import { BenchApp, appEnv, ensureBuild } from "./support/app";
import { ROOT } from "./support/child";
import { BULK_AWAITING, BULK_OFFERS, BULK_PUBLISHER, type BenchContext, type FigureResult } from "./support/context";
import { BenchEmulator } from "./support/emulator";
import { getOnce } from "./support/load";
import { chromiumExecutable, describeMachine, machineInfo } from "./support/machine";
import { createBenchSession } from "./support/session";
import { formatTable, type Row } from "./support/table";
import { runTokens } from "./tokens";

const FIGURES = {
  tokens: runTokens,
  amplification: runAmplification,
  proxy: runProxy,
  pages: runPages,
  memory: runMemory,
  "recorder-cost": runRecorderCost,
  sse: runSse,
  store: runStore,
  "first-row": runFirstRow,
  notify: runNotify,
  instances: runInstances,
} as const satisfies Record<string, (ctx: BenchContext) => Promise<FigureResult>>;
type FigureName = keyof typeof FIGURES;

const STATUS_TTL_MS = 5_000;
const LIST_TTL_MS = 10_000;

function parseArgs() {
  const args = process.argv.slice(2);
  const quick = args.includes("--quick") || process.env.BENCH_QUICK === "1";
  const onlyArg = args.find((a) => a.startsWith("--only="))?.slice("--only=".length) ?? process.env.BENCH_ONLY ?? "";
  const names = Object.keys(FIGURES) as FigureName[];
  const only = onlyArg
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const unknown = only.filter((n) => !names.includes(n as FigureName));
  if (unknown.length) throw new Error(`unknown figure(s) ${unknown.join(", ")}; choose from ${names.join(", ")}`);
  const rebuild = args.includes("--rebuild");
  return { quick, rebuild, figures: only.length ? names.filter((n) => only.includes(n)) : names };
}

const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);

async function main(): Promise<void> {
  const started = Date.now();
  const { quick, rebuild, figures } = parseArgs();
  const appPort = Number(process.env.BENCH_APP_PORT ?? 3201);
  const emulatorPort = Number(process.env.BENCH_EMULATOR_PORT ?? 44401);
  const chromiumPath = chromiumExecutable();
  const machine = machineInfo(chromiumPath);
  log(`machine: ${describeMachine(machine).replace("\n", "; ")}`);

  log(`starting the emulator on 127.0.0.1:${emulatorPort} (test mode, ${BULK_OFFERS} bulk offers)`);
  const emulator = await BenchEmulator.start({
    port: emulatorPort,
    bulk: { publisherId: BULK_PUBLISHER, offers: BULK_OFFERS, awaitingSignoff: BULK_AWAITING },
  });
  const session = await createBenchSession();
  const tunables = {
    CACHE_TTL_STATUS_MS: String(STATUS_TTL_MS),
    CACHE_TTL_LIST_MS: String(LIST_TTL_MS),
    SESSION_SECRET: session.secret,
  };
  const origin = (port: number) => ({ APP_BASE_URL: `http://127.0.0.1:${port}` });
  const cached = new BenchApp("dashboard", appPort, appEnv(emulator, { ...tunables, ...origin(appPort) }));
  const uncached = new BenchApp("dashboard (CACHE_COALESCE=false)", appPort + 1, {
    ...appEnv(emulator, { ...tunables, ...origin(appPort + 1) }),
    CACHE_COALESCE: "false",
  });

  const shutdown = async () => {
    await Promise.allSettled([cached.stop(), uncached.stop()]);
    await emulator.close();
  };
  const interrupt = () => {
    log("interrupted: stopping what the benchmark started");
    void shutdown().finally(() => process.exit(130));
  };
  process.on("SIGINT", interrupt);
  process.on("SIGTERM", interrupt);

  const rows: Row[] = [];
  const results: Record<string, unknown> = {};
  try {
    await ensureBuild(appEnv(emulator, { SESSION_SECRET: session.secret }), log, rebuild);
    log(`starting the dashboard on :${appPort} and its baseline (CACHE_COALESCE=false) on :${appPort + 1}`);
    await Promise.all([cached.start(), uncached.start()]);
    for (const app of [cached, uncached]) {
      const status = await getOnce(`${app.url}/api/publishers`, 60_000, { Cookie: session.header });
      if (status !== 200)
        throw new Error(
          `${app.name} answered ${status} to the benchmark's signed-in request: does the session cookie ` +
            "(bench/support/session.ts) still match lib/server/auth/session.ts?",
        );
    }
    const ctx: BenchContext = {
      emulator,
      cached,
      uncached,
      quick,
      statusTtlMs: STATUS_TTL_MS,
      listTtlMs: LIST_TTL_MS,
      chromiumPath,
      session,
      auth: { Cookie: session.header },
      log,
    };
    for (const name of figures) {
      const t0 = Date.now();
      try {
        const result = await FIGURES[name](ctx);
        rows.push(...result.rows);
        results[name] = result.data;
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        log(`${name} failed: ${message}`);
        rows.push({
          figure: name,
          measure: "not measured",
          ours: "error",
          baseline: "",
          note: message.split("\n")[0] ?? "",
        });
        results[name] = { error: message };
      }
      log(`${name}: ${((Date.now() - t0) / 1000).toFixed(0)} s`);
    }
  } finally {
    await shutdown();
  }

  const seconds = Math.round((Date.now() - started) / 1000);
  const table = formatTable(rows);
  process.stdout.write(
    `\n${table}\n\nMachine: ${describeMachine(machine)}\n` +
      `Run: ${quick ? "quick, " : ""}${seconds} s; status TTL ${STATUS_TTL_MS / 1000} s, list TTL ${LIST_TTL_MS / 1000} s.\n`,
  );
  const outDir = path.join(ROOT, "bench", "results");
  mkdirSync(outDir, { recursive: true });
  const file = path.join(outDir, "latest.json");
  writeFileSync(
    file,
    `${JSON.stringify(
      {
        startedAt: new Date(started).toISOString(),
        durationSeconds: seconds,
        quick,
        machine,
        settings: {
          statusTtlMs: STATUS_TTL_MS,
          listTtlMs: LIST_TTL_MS,
          bulkOffers: BULK_OFFERS,
          bulkAwaiting: BULK_AWAITING,
        },
        rows,
        figures: results,
      },
      null,
      2,
    )}\n`,
  );
  process.stdout.write(`Results: ${path.relative(ROOT, file)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`[bench] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
