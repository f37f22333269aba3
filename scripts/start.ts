/**
 * `npm start`: the zero-configuration demo, or the dashboard alone against a real upstream.
 *
 * - No AZURE_* variables: starts the built-in emulator (Entra ID + Cloud Partner Portal over
 *   HTTPS on loopback) and the dashboard wired to it exactly as to the real cloud: base URLs,
 *   tenant, client id, secret, and the emulator's certificate through NODE_EXTRA_CA_CERTS.
 *   The emulator's sign-in pages are also served over plain HTTP on loopback (advertised in its
 *   OpenID configuration), so the browser meets no certificate warning when signing in.
 * - AZURE_TENANT_ID / AZURE_CLIENT_ID and a secret or certificate set: starts the dashboard
 *   alone against CPP_API_BASE_URL (the dashboard validates the rest at start-up).
 *
 * Either way it sets APP_BASE_URL (default http://localhost:PORT) and, when SESSION_SECRET is
 * not set, a random one for this run (sessions then end when it stops).
 *
 * Builds the app first when no build exists, and runs Next's standalone server
 * (`.next/standalone/server.js`), the one the container image runs. That server works in its
 * own folder, so the launcher makes relative paths (DATA_DIR, AZURE_CLIENT_CERTIFICATE_PATH)
 * absolute first: they mean what they meant where you typed `npm start`.
 * Ctrl-C stops everything it started.
 * Flags: --dev (next dev instead of a production build), --test (emulator in test mode,
 * with its control API, for the e2e suite and benchmarks).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { startEmulator, type RunningEmulator } from "../emulator/server";
import { sessionEnv } from "./session-env";
import { completeStandalone, standaloneServer } from "./standalone";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
const args = new Set(process.argv.slice(2));
const dev = args.has("--dev");
const testMode = args.has("--test") || process.env.EMULATOR_TEST_MODE === "1";
const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOSTNAME_BIND ?? "127.0.0.1";

const configured = ["AZURE_TENANT_ID", "AZURE_CLIENT_ID", "AZURE_CLIENT_SECRET", "AZURE_CLIENT_CERTIFICATE_PATH"].some(
  (name) => (process.env[name] ?? "").trim() !== "",
);

let emulator: RunningEmulator | undefined;
let app: ChildProcess | undefined;
let stopping = false;

function log(line: string): void {
  process.stdout.write(`[start] ${line}\n`);
}

function run(command: string[], env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(process.execPath, command, { cwd: root, env, stdio: "inherit" });
}

async function build(env: NodeJS.ProcessEnv): Promise<void> {
  log("No production build found: building the dashboard (this takes a minute the first time)…");
  const child = run([nextBin, "build"], env);
  const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
  if (code !== 0) throw new Error(`next build failed with exit code ${code}`);
}

/** Paths given relative to where the launcher was started, made absolute for the server. */
function absolutePaths(env: NodeJS.ProcessEnv): void {
  for (const name of ["DATA_DIR", "AZURE_CLIENT_CERTIFICATE_PATH"] as const) {
    const value = (env[name] ?? "").trim();
    if (value) env[name] = path.resolve(process.cwd(), value);
  }
  // The default store folder is the checkout's data/, as before.
  if (!(env.DATA_DIR ?? "").trim() && !(env.DATABASE_URL ?? "").trim()) env.DATA_DIR = path.join(root, "data");
}

async function stop(code: number): Promise<never> {
  if (!stopping) {
    stopping = true;
    if (app && app.exitCode === null) {
      app.kill("SIGTERM");
      await new Promise((resolve) => {
        const timer = setTimeout(() => {
          app?.kill("SIGKILL");
          resolve(undefined);
        }, 5_000);
        app?.once("exit", () => {
          clearTimeout(timer);
          resolve(undefined);
        });
      });
    }
    await emulator?.close().catch(() => undefined);
  }
  process.exit(code);
}

async function waitForHealth(url: string, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && !stopping) {
    try {
      const res = await fetch(url);
      if (res.ok) return true;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  return false;
}

async function main(): Promise<void> {
  process.on("SIGINT", () => void stop(0));
  process.on("SIGTERM", () => void stop(0));

  const session = sessionEnv(process.env, port);
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), ...session.vars };
  if (configured) {
    // A real configuration never shows the demo marker, whatever the shell carried over.
    env.DEMO_MODE = "false";
    const upstream =
      process.env.UPSTREAM === "partner-center"
        ? (process.env.PARTNER_CENTER_API_BASE_URL ?? "https://graph.microsoft.com/rp/product-ingestion")
        : (process.env.CPP_API_BASE_URL ?? "https://cloudpartner.azure.com");
    log(`AZURE_* variables found: starting the dashboard against ${upstream}.`);
  } else {
    emulator = await startEmulator({
      host: "127.0.0.1",
      port: Number(process.env.EMULATOR_PORT ?? 0),
      testMode,
      browserPort: Number(process.env.EMULATOR_BROWSER_PORT ?? 0),
      ...(process.env.EMULATOR_SEED ? { seed: Number(process.env.EMULATOR_SEED) } : {}),
    });
    const { credentials } = emulator;
    Object.assign(env, {
      AZURE_TENANT_ID: credentials.tenantId,
      AZURE_CLIENT_ID: credentials.clientId,
      AZURE_CLIENT_SECRET: credentials.clientSecret,
      AZURE_AUTHORITY_HOST: emulator.url,
      CPP_API_BASE_URL: emulator.url,
      // The emulator plays Partner Center's Product Ingestion API too (UPSTREAM=partner-center).
      PARTNER_CENTER_API_BASE_URL: `${emulator.url}/rp/product-ingestion`,
      NODE_EXTRA_CA_CERTS: emulator.caFile,
      // Every page says "Demo data", so the emulator's offers are never taken for real ones.
      DEMO_MODE: "true",
    });
    log(`Emulator${testMode ? " (test mode, control API on)" : ""} at ${emulator.url} (no AZURE_* variables set).`);
    // The emulator's world begins anew with every start, so the demo's history does too: the
    // launcher's own demo store is wiped. A store you configured (DATA_DIR, DATABASE_URL) never is.
    if (!(process.env.DATA_DIR ?? "").trim() && !(process.env.DATABASE_URL ?? "").trim()) {
      const demoData = path.join(root, "data", `demo-${port}`);
      rmSync(demoData, { recursive: true, force: true });
      env.DATA_DIR = demoData;
      log(`Demo history is kept in ${path.relative(root, demoData)} and starts fresh with the emulator.`);
    }
    log(`Sign-in page: ${emulator.browserUrl ?? emulator.url} (demo users Aaron Approver and Vera Viewer).`);
  }
  if (session.generatedSecret) {
    log(
      configured
        ? "SESSION_SECRET is not set: using a random one for this run (sessions end when the dashboard stops; set it, at least 32 characters, to keep them and to run several instances)."
        : "SESSION_SECRET is not set: using a random one for this run.",
    );
  }

  absolutePaths(env);
  if (dev) {
    app = run([nextBin, "dev", "--port", String(port), "--hostname", hostname], env);
  } else {
    if (!existsSync(path.join(root, ".next", "BUILD_ID")) || !existsSync(standaloneServer)) await build(env);
    completeStandalone(root);
    // NEXT_MANUAL_SIG_HANDLE: Ctrl-C and SIGTERM reach the dashboard's own stop, which gives
    // the watcher's lease and the store's lock back before it exits (Next's would exit first).
    app = run([standaloneServer], { ...env, HOSTNAME: hostname, NEXT_MANUAL_SIG_HANDLE: "true" });
  }
  app.on("exit", (code) => {
    if (!stopping) {
      log(`The dashboard stopped (exit code ${code}).`);
      void stop(code ?? 1);
    }
  });

  if (await waitForHealth(`http://127.0.0.1:${port}/api/health`, 120_000)) {
    log(`Dashboard ready: ${session.vars.APP_BASE_URL}  (Ctrl-C stops everything)`);
  }
}

main().catch((error: unknown) => {
  console.error(`[start] ${error instanceof Error ? error.message : String(error)}`);
  void stop(1);
});
