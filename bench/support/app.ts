import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";

import { ROOT, sleep } from "./child";
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

/** `next start` on loopback with its own environment; restartable for cold-process figures. */
export class BenchApp {
  private child: ChildProcess | undefined;
  private output = "";

  constructor(
    readonly name: string,
    readonly port: number,
    private readonly env: NodeJS.ProcessEnv,
  ) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** `extraEnv`: for this process only (a restart without it drops it again). */
  async start(extraEnv: Record<string, string> = {}): Promise<void> {
    this.output = "";
    const child = spawn(process.execPath, [NEXT_BIN, "start", "--port", String(this.port), "--hostname", "127.0.0.1"], {
      cwd: ROOT,
      env: { ...this.env, ...extraEnv, PORT: String(this.port) },
      stdio: ["ignore", "pipe", "pipe"],
    });
    this.child = child;
    const keep = (chunk: Buffer) => {
      this.output = (this.output + chunk.toString()).slice(-4_000);
    };
    child.stdout?.on("data", keep);
    child.stderr?.on("data", keep);
    const deadline = Date.now() + 90_000;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`${this.name} exited with ${child.exitCode}: ${this.output.trim()}`);
      try {
        const res = await fetch(`${this.url}/api/health`);
        if (res.ok) return;
      } catch {
        // not listening yet
      }
      await sleep(200);
    }
    throw new Error(`${this.name} did not answer /api/health within 90 s: ${this.output.trim()}`);
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
    child.kill("SIGTERM");
    await Promise.race([exited, sleep(5_000).then(() => void child.kill("SIGKILL"))]);
    await exited;
  }

  async restart(extraEnv: Record<string, string> = {}): Promise<void> {
    await this.stop();
    await this.start(extraEnv);
  }

  /** Recent output of the server (for error messages). */
  get log(): string {
    return this.output;
  }

  /**
   * The process that serves requests: `next start` renames itself `next-server`, and may run
   * the server in a child; take a `next-server` child when there is one, else the process.
   */
  serverPid(): number {
    const pid = this.child?.pid;
    if (pid === undefined) throw new Error(`${this.name} is not running`);
    try {
      const out = execFileSync("ps", ["--ppid", String(pid), "-o", "pid=,args="], { encoding: "utf8" });
      for (const line of out.split("\n")) {
        const match = /^\s*(\d+)\s+(.*)$/.exec(line);
        if (match?.[2]?.startsWith("next-server")) return Number(match[1]);
      }
    } catch {
      // ps exits 1 when there is no child: the spawned process is the server
    }
    return pid;
  }

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
