import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

import { ROOT } from "./child";

export interface MachineInfo {
  cpuModel: string;
  cores: number;
  memoryGiB: number;
  node: string;
  os: string;
  chromium: string | null;
  next: string;
  /** 1-minute load average when the run started (others may share the machine). */
  loadAverage: number;
}

function chromiumVersion(executable: string | undefined): string | null {
  if (!executable) return null;
  try {
    return execFileSync(executable, ["--version"], {
      encoding: "utf8",
      timeout: 10_000,
      stdio: ["ignore", "pipe", "ignore"],
    }).trim();
  } catch {
    return null;
  }
}

export function machineInfo(chromiumPath: string | undefined): MachineInfo {
  const cpus = os.cpus();
  const nextPackage = JSON.parse(readFileSync(path.join(ROOT, "node_modules", "next", "package.json"), "utf8")) as {
    version: string;
  };
  return {
    cpuModel: cpus[0]?.model.trim() ?? "unknown",
    cores: cpus.length,
    memoryGiB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    chromium: chromiumVersion(chromiumPath),
    next: nextPackage.version,
    loadAverage: Math.round((os.loadavg()[0] ?? 0) * 100) / 100,
  };
}

export function describeMachine(m: MachineInfo): string {
  return [
    `${m.cpuModel}, ${m.cores} cores, ${m.memoryGiB} GiB RAM, ${m.os}`,
    `Node ${m.node}, Next.js ${m.next}${m.chromium ? `, ${m.chromium}` : ""}; load average at start ${m.loadAverage}`,
  ].join("\n");
}

/** Debian's Chromium when present (Playwright cannot download its own here), as playwright.config.ts. */
export function chromiumExecutable(): string | undefined {
  const system = "/usr/bin/chromium";
  return process.env.CHROMIUM_PATH ?? (existsSync(system) ? system : undefined);
}
