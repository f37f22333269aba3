#!/usr/bin/env node
/**
 * Completes package-lock.json with the platform binaries the registry here does not carry.
 *
 * Packages such as next, @swc/core and @tailwindcss/oxide list one optional dependency per
 * platform (darwin-arm64, win32-x64, …). The registry this project's machines reach holds
 * only the Linux builds of recent versions, so `npm install` leaves the others out of the
 * lockfile, and `npm ci` then refuses the lockfile as out of sync. This adds an entry for
 * each missing one, with the exact version its parent pins and the os/cpu/libc its name
 * states, so `npm ci` accepts the lockfile and skips them on Linux (and a machine of that
 * platform fetches them by name and version, as it does every package here: the lockfile
 * records no download addresses).
 *
 * Run it after any `npm install` that changes dependencies: `node scripts/complete-lockfile.mjs`.
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const lockPath = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "package-lock.json");
const lock = JSON.parse(readFileSync(lockPath, "utf8"));
const packages = lock.packages;

const OS = ["darwin", "linux", "win32", "freebsd", "android", "openbsd", "netbsd", "sunos", "aix", "openharmony"];
const CPU = ["arm64", "x64", "ia32", "arm", "ppc64", "s390x", "riscv64", "loong64", "wasm32"];

function platformOf(name) {
  const base = name.split("/").pop() ?? name;
  const parts = base.split("-");
  const os = OS.find((o) => parts.includes(o));
  const cpu = CPU.find(
    (c) => parts.includes(c) || (c === "arm" && parts.some((p) => p.startsWith("armv") || p === "arm")),
  );
  const libc = parts.includes("musl")
    ? "musl"
    : parts.includes("gnu") || parts.includes("gnueabihf")
      ? "glibc"
      : undefined;
  return { os, cpu, libc };
}

/** Where npm would look for `dep` from the package at `from` (node_modules resolution). */
function resolveLocation(from, dep) {
  let dir = from;
  for (;;) {
    const candidate = `${dir ? `${dir}/` : ""}node_modules/${dep}`;
    if (packages[candidate]) return candidate;
    if (!dir) return null;
    const at = dir.lastIndexOf("/node_modules/");
    dir = at === -1 ? "" : dir.slice(0, at);
  }
}

let added = 0;
for (const [location, pkg] of Object.entries(packages)) {
  for (const [dep, spec] of Object.entries(pkg.optionalDependencies ?? {})) {
    if (resolveLocation(location, dep)) continue;
    const { os, cpu, libc } = platformOf(dep);
    // Only platform binaries are filled in; anything else missing is a real problem.
    if (!os && cpu !== "wasm32") {
      console.error(
        `complete-lockfile: ${dep}@${spec} (optional, of ${location || "the root"}) is missing and is not a platform binary`,
      );
      process.exitCode = 1;
      continue;
    }
    if (!/^\d+\.\d+\.\d+(-[\w.]+)?$/.test(spec)) {
      console.error(`complete-lockfile: ${dep}@${spec} is not pinned to one version; cannot fill it in`);
      process.exitCode = 1;
      continue;
    }
    packages[`node_modules/${dep}`] = {
      version: spec,
      cpu: cpu ? [cpu] : undefined,
      ...(os ? { os: [os] } : {}),
      ...(libc ? { libc: [libc] } : {}),
      license: pkg.license,
      optional: true,
      engines: pkg.engines,
    };
    added++;
  }
}

// Keep npm's own ordering (sorted keys) so the file diffs cleanly.
lock.packages = Object.fromEntries(
  Object.entries(packages).sort(([a], [b]) => (a === "" ? -1 : b === "" ? 1 : a.localeCompare(b))),
);
writeFileSync(lockPath, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`complete-lockfile: ${added} platform package entr${added === 1 ? "y" : "ies"} added`);
