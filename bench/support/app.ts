import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";

import { DashboardProcess } from "../../lib/server/testing/dashboard-process";
import { ROOT } from "./child";
import type { BenchEmulator } from "./emulator";

const NEXT_BIN = path.join(ROOT, "node_modules", "next", "dist", "bin", "next");

let clockTicks: number | undefined;

/** CPU time (user + system) a process has used so far, in ms, from /proc/<pid>/stat. */
export function cpuTimeMs(pid: number): number {
  clockTicks ??= Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  // Fields after the command name (which may hold spaces) start at field 3.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  return ((utime + stime) * 1000) / clockTicks;
}

/** The dashboard's environment for an emulator, as scripts/start.ts builds it. */
export function appEnv(emulator: BenchEmulator, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  // Never inherit a real tenant or someone's tuning: the benchmark states all it relies on.
  for (const key of Object.keys(env)) {
    if (
      /^(AZURE_|CPP_|CACHE_|POLL_|TOKEN_|STATUS_FETCH_|SESSION_|WATCH|DATA_|DATABASE_URL$|APP_BASE_URL$|APPROVER_ROLE$)/.test(
        key,
      )
    )
      delete env[key];
  }
  return {
    ...env,
    NODE_ENV: "production",
    AZURE_TENANT_ID: emulator.credentials.tenantId,
    AZURE_CLIENT_ID: emulator.credentials.clientId,
    AZURE_CLIENT_SECRET: emulator.credentials.clientSecret,
    AZURE_AUTHORITY_HOST: emulator.url,
    CPP_API_BASE_URL: emulator.url,
    NODE_EXTRA_CA_CERTS: emulator.caFile,
    // The figures here measure the live path (coalescing, tokens, the proxy): no watcher, and
    // each instance its own fresh store (PGlite allows one process per folder).
    WATCH: "false",
    DATA_DIR: mkdtempSync(path.join(os.tmpdir(), "bench-store-")),
    ...extra,
  };
}

/** Source files changed after the build: the figures would describe older code. */
function newerThanBuild(buildTime: number): string[] {
  const newer: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (
        /\.(tsx?|css)$/.test(entry.name) &&
        !/\.test\.ts$/.test(entry.name) &&
        statSync(full).mtimeMs > buildTime
      )
        newer.push(path.relative(ROOT, full));
    }
  };
  for (const dir of ["app", "components", "lib"]) if (existsSync(path.join(ROOT, dir))) walk(path.join(ROOT, dir));
  return newer;
}

/**
 * Builds the app when no production build exists (`next build`), as `npm start` does, or
 * when asked to (`--rebuild`); warns when the sources are newer than the build.
 */
export async function ensureBuild(
  env: NodeJS.ProcessEnv,
  log: (line: string) => void,
  rebuild = false,
): Promise<boolean> {
  const buildId = path.join(ROOT, ".next", "BUILD_ID");
  if (existsSync(buildId) && !rebuild) {
    const newer = newerThanBuild(statSync(buildId).mtimeMs);
    if (newer.length > 0)
      log(
        `warning: ${newer.length} source file(s) changed since the build (e.g. ${newer.slice(0, 3).join(", ")}); ` +
          "the figures describe the build. Run with --rebuild (or npm run build) to measure the current code.",
      );
    return false;
  }
  log(
    rebuild
      ? "Rebuilding (--rebuild): running next build…"
      : "No production build found (.next/BUILD_ID): running next build…",
  );
  const child = spawn(process.execPath, [NEXT_BIN, "build"], {
    cwd: ROOT,
    env,
    stdio: ["ignore", "inherit", "inherit"],
  });
  const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
  if (code !== 0) throw new Error(`next build failed with exit code ${code}`);
  return true;
}

/**
 * The dashboard as deployed (the standalone server) on loopback with its own environment;
 * restartable for cold-process figures, with its CPU time and memory.
 */
export class BenchApp extends DashboardProcess {
  cpuTimeMs(): number {
    return cpuTimeMs(this.serverPid());
  }

  /** Resident memory of the server process in MiB (VmRSS of /proc/<pid>/status). */
  rssMiB(): number {
    const status = readFileSync(`/proc/${this.serverPid()}/status`, "utf8");
    const kb = /^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1];
    if (kb === undefined) throw new Error("VmRSS not found");
    return Number(kb) / 1024;
  }
}
