import "server-only";

import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync, accessSync, constants } from "node:fs";
import os from "node:os";
import path from "node:path";

import { PGlite } from "@electric-sql/pglite";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import { sql } from "drizzle-orm";
import pg from "pg";

import * as schema from "./schema";

/**
 * Opens the store: embedded PGlite in DATA_DIR when DATABASE_URL is unset, a PostgreSQL
 * server otherwise. Both go through Drizzle with one schema and the same migrations, so
 * everything above this file runs the same SQL on both. A store that cannot be opened
 * throws StoreOpenError, whose message is one line naming the variable to fix.
 */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface Store {
  kind: "pglite" | "postgres";
  db: Db;
  /** Throws when the database does not answer. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export interface StoreOptions {
  databaseUrl?: string | undefined;
  dataDir: string;
  /** Where the migration files are; by default the ones beside the schema in this checkout. */
  migrationsFolder?: string;
}

export class StoreOpenError extends Error {
  override readonly name = "StoreOpenError";
}

export const DEFAULT_MIGRATIONS = path.join(
  /* turbopackIgnore: true */ process.cwd(),
  "lib",
  "server",
  "store",
  "migrations",
);

export async function openStore(options: StoreOptions): Promise<Store> {
  const migrationsFolder = options.migrationsFolder ?? DEFAULT_MIGRATIONS;
  return options.databaseUrl
    ? openPostgres(options.databaseUrl, migrationsFolder)
    : openPglite(options.dataDir, migrationsFolder);
}

async function openPglite(dataDir: string, migrationsFolder: string): Promise<Store> {
  // The data folder is the operator's, not code: kept out of the build's file tracing.
  const dir = path.resolve(/* turbopackIgnore: true */ dataDir);
  try {
    mkdirSync(dir, { recursive: true });
    accessSync(dir, constants.W_OK);
  } catch (error) {
    throw new StoreOpenError(
      `DATA_DIR ${dir} is not writable (${describe(error)}); set DATA_DIR to a folder the dashboard may write, or DATABASE_URL.`,
    );
  }
  const releaseLock = takeLock(dir);
  let client: PGlite | undefined;
  try {
    client = await PGlite.create(path.join(/* turbopackIgnore: true */ dir, "pgdata"));
    const db = drizzlePglite(client, { schema }) as unknown as Db;
    await migratePglite(drizzlePglite(client, { schema }), { migrationsFolder });
    const opened = client;
    return {
      kind: "pglite",
      db,
      ping: async () => {
        await opened.query("select 1");
      },
      close: once(async () => {
        try {
          await opened.close();
        } finally {
          releaseLock();
        }
      }),
    };
  } catch (error) {
    await client?.close().catch(() => undefined);
    releaseLock();
    if (error instanceof StoreOpenError) throw error;
    throw new StoreOpenError(`DATA_DIR ${dir}: the embedded database could not be opened (${describe(error)}).`);
  }
}

/**
 * PGlite is one process's database: a second process opening the same folder would corrupt
 * it. A lock file with our pid refuses the second one; a lock left by a process that is gone
 * is taken over.
 */
export function takeLock(dir: string): () => void {
  const file = path.join(/* turbopackIgnore: true */ dir, "dashboard.lock");
  const host = os.hostname();
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, "wx");
      writeSync(fd, JSON.stringify({ pid: process.pid, host }));
      closeSync(fd);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        rmSync(file, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") {
        throw new StoreOpenError(`DATA_DIR ${dir} is not writable (${describe(error)}).`);
      }
      const owner = lockOwner(readFileSync(file, "utf8"));
      if (owner !== null && owner.host !== null && owner.host !== host) {
        // Another machine or container: its processes cannot be seen from here.
        throw new StoreOpenError(
          `DATA_DIR ${dir} is in use by a dashboard on host ${owner.host} (pid ${owner.pid}); if that process is gone, delete ${file}. Give each process its own DATA_DIR, or share a PostgreSQL server through DATABASE_URL.`,
        );
      }
      // Our own pid is a lock left by a process that crashed in our place (a container's
      // server is always pid 1): stale, like one whose owner is gone.
      if (owner !== null && owner.pid !== process.pid && isAlive(owner.pid)) {
        throw new StoreOpenError(
          `DATA_DIR ${dir} is in use by another dashboard process (pid ${owner.pid}); give each process its own DATA_DIR, or share a PostgreSQL server through DATABASE_URL.`,
        );
      }
      rmSync(file, { force: true });
    }
  }
  throw new StoreOpenError(`DATA_DIR ${dir}: could not take the lock file ${file}.`);
}

/** Who holds a lock file: `{"pid":…,"host":…}`, or a bare pid (written by earlier versions). */
export function lockOwner(text: string): { pid: number; host: string | null } | null {
  const trimmed = text.trim();
  if (/^\d+$/.test(trimmed)) return { pid: Number(trimmed), host: null };
  try {
    const parsed = JSON.parse(trimmed) as { pid?: unknown; host?: unknown };
    if (typeof parsed.pid !== "number" || !Number.isInteger(parsed.pid) || parsed.pid <= 0) return null;
    return { pid: parsed.pid, host: typeof parsed.host === "string" && parsed.host !== "" ? parsed.host : null };
  } catch {
    return null;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

async function openPostgres(databaseUrl: string, migrationsFolder: string): Promise<Store> {
  const where = describeDatabase(databaseUrl);
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 10, connectionTimeoutMillis: 5_000 });
  // An idle connection that breaks (the server restarts) must not take the process down.
  pool.on("error", (error) => {
    console.error(
      JSON.stringify({
        level: "error",
        time: new Date().toISOString(),
        code: "store_connection",
        message: error.message,
      }),
    );
  });
  try {
    await pool.query("select 1");
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw new StoreOpenError(`DATABASE_URL: cannot connect to PostgreSQL ${where} (${describe(error)}).`);
  }
  const db = drizzlePg(pool, { schema });
  try {
    await migratePg(db, { migrationsFolder });
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw new StoreOpenError(`DATABASE_URL: migrating PostgreSQL ${where} failed (${describe(error)}).`);
  }
  return {
    kind: "postgres",
    db: db as unknown as Db,
    ping: async () => {
      await db.execute(sql`select 1`);
    },
    close: once(() => pool.end()),
  };
}

/** A store closed twice (a shutdown racing a test's cleanup) closes once. */
function once(close: () => Promise<void>): () => Promise<void> {
  let closing: Promise<void> | null = null;
  return () => (closing ??= close());
}

/** host:port/database, never the password. */
function describeDatabase(databaseUrl: string): string {
  try {
    const url = new URL(databaseUrl);
    return `at ${url.hostname}:${url.port || 5432}${url.pathname}`;
  } catch {
    return "(unparseable URL)";
  }
}

function describe(error: unknown): string {
  if (error instanceof Error)
    return (error as NodeJS.ErrnoException).code ?? error.message.split("\n")[0] ?? error.name;
  return String(error);
}
