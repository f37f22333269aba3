import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

import { afterEach, describe, expect, it } from "vitest";

import { parseEnv } from "@/lib/env";
import { freePort } from "@/lib/server/testing/postgres-server";

import { openStore, StoreOpenError } from "./open";

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "dashboard-open-"));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(StoreOpenError);
    const message = (error as Error).message;
    expect(message.split("\n")).toHaveLength(1);
    return message;
  }
  throw new Error("expected the store to be refused");
}

describe("opening the store", { timeout: 120_000 }, () => {
  it("refuses a DATA_DIR it cannot write, naming it", async () => {
    const file = path.join(tempDir(), "a-file");
    writeFileSync(file, "not a folder");
    expect(await refusal(openStore({ dataDir: path.join(file, "data") }))).toMatch(/^DATA_DIR .* is not writable/);
  });

  it("refuses a second dashboard process on the same DATA_DIR, and takes over a lock its owner left", async () => {
    const dir = tempDir();
    const other = spawn("sleep", ["30"]);
    try {
      writeFileSync(path.join(dir, "dashboard.lock"), String(other.pid));
      expect(await refusal(openStore({ dataDir: dir }))).toContain(
        `in use by another dashboard process (pid ${other.pid})`,
      );
    } finally {
      other.kill();
    }
    await new Promise((resolve) => other.once("exit", resolve));
    // Its owner is gone: the lock is stale, the store opens.
    const store = await openStore({ dataDir: dir });
    await store.ping();
    await store.close();
  });

  it("takes over a lock that holds its own pid (a restarted container's server is pid 1 again), not one from another host", async () => {
    const dir = tempDir();
    const lock = path.join(dir, "dashboard.lock");
    writeFileSync(lock, JSON.stringify({ pid: process.pid, host: os.hostname() }));
    const store = await openStore({ dataDir: dir });
    await store.ping();
    await store.close();

    writeFileSync(lock, JSON.stringify({ pid: 1, host: "another-container" }));
    const message = await refusal(openStore({ dataDir: dir }));
    expect(message).toContain("in use by a dashboard on host another-container (pid 1)");
    expect(message).toContain(`delete ${lock}`);
  });

  it("refuses an unreachable PostgreSQL with one line naming DATABASE_URL, never its password", async () => {
    const port = await freePort();
    const message = await refusal(
      openStore({ databaseUrl: `postgres://app:s3cret@127.0.0.1:${port}/dashboard`, dataDir: "" }),
    );
    expect(message).toMatch(/^DATABASE_URL: cannot connect to PostgreSQL at 127\.0\.0\.1:\d+\/dashboard/);
    expect(message).not.toContain("s3cret");
  });

  it("refuses a malformed DATABASE_URL at start-up", () => {
    const valid = {
      AZURE_TENANT_ID: "72f988bf-86f1-41af-91ab-2d7cd011db47",
      AZURE_CLIENT_ID: "11111111-2222-4333-8444-555555555555",
      AZURE_CLIENT_SECRET: "s3cret",
      SESSION_SECRET: "a-session-secret-of-at-least-32-characters",
    };
    expect(() => parseEnv({ ...valid, DATABASE_URL: "mysql://db/x" })).toThrow(/DATABASE_URL must be a postgres:\/\//);
    expect(() => parseEnv({ ...valid, DATABASE_URL: "not a url" })).toThrow(/DATABASE_URL is not a URL/);
    expect(() => parseEnv({ ...valid, WATCH_PUBLISHERS: "contoso, bad id!" })).toThrow(/WATCH_PUBLISHERS/);
    expect(() => parseEnv({ ...valid, WATCH_MIN_MS: "700000" })).toThrow(
      /WATCH_MIN_MS must not be larger than WATCH_MAX_MS/,
    );
    expect(parseEnv(valid)).toMatchObject({
      DATA_DIR: "./data",
      WATCH: true,
      WATCH_PUBLISHERS: "*",
      DATA_RETENTION_DAYS: 180,
    });
  });
});
