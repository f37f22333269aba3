/**
 * Test-only: a fresh store of either kind: PGlite in its own temporary DATA_DIR, or a new
 * database on a real PostgreSQL server that this test file starts (one server per file).
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

import pg from "pg";

import { openStore, type Store } from "@/lib/server/store/open";

import { startPostgres, type PostgresServer } from "./postgres-server";

export const STORE_KINDS = ["pglite", "postgres"] as const;
export type StoreKind = (typeof STORE_KINDS)[number];

let server: PostgresServer | undefined;
let databases = 0;

export async function postgresServer(): Promise<PostgresServer> {
  server ??= await startPostgres();
  return server;
}

export interface TestStore {
  store: Store;
  /** DATABASE_URL or DATA_DIR, as the dashboard would be configured. */
  vars: Record<string, string>;
  dispose(): Promise<void>;
}

export async function openTestStore(kind: StoreKind): Promise<TestStore> {
  if (kind === "pglite") {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), "dashboard-pglite-"));
    const store = await openStore({ dataDir });
    return {
      store,
      vars: { DATA_DIR: dataDir },
      dispose: async () => {
        await store.close();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }
  const pgServer = await postgresServer();
  const name = `test_${process.pid}_${++databases}`;
  const admin = new pg.Client({ connectionString: pgServer.url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = pgServer.url.replace(/\/postgres$/, `/${name}`);
  const store = await openStore({ databaseUrl: url, dataDir: "" });
  return { store, vars: { DATABASE_URL: url }, dispose: () => store.close() };
}

/** Stops this file's PostgreSQL server, if it started one. */
export function stopPostgres(): void {
  server?.destroy();
  server = undefined;
}
