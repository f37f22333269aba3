import "server-only";

import { and, eq, lt, or, sql } from "drizzle-orm";

import type { Db } from "./open";
import { leases } from "./schema";

/**
 * Takes or renews the lease `name` for `holder` until now + `ms`: granted when nobody holds it,
 * when `holder` already does, or when the holder's lease has run out. One statement, so two
 * instances asking at once cannot both be granted.
 */
export async function takeLease(db: Db, name: string, holder: string, ms: number, now: Date): Promise<boolean> {
  const expiresAt = new Date(now.getTime() + ms);
  const rows = await db
    .insert(leases)
    .values({ name, holder, expiresAt })
    .onConflictDoUpdate({
      target: leases.name,
      set: { holder, expiresAt },
      setWhere: or(eq(leases.holder, holder), lt(leases.expiresAt, now)),
    })
    .returning({ holder: leases.holder });
  return rows[0]?.holder === holder;
}

/** Gives the lease up (a clean stop): another instance takes it at its next try. */
export async function releaseLease(db: Db, name: string, holder: string): Promise<void> {
  await db.delete(leases).where(and(eq(leases.name, name), eq(leases.holder, holder)));
}

/** Who holds the lease now, if anyone. */
export async function leaseHolder(db: Db, name: string, now: Date): Promise<string | null> {
  const [row] = await db
    .select({ holder: leases.holder })
    .from(leases)
    .where(and(eq(leases.name, name), sql`${leases.expiresAt} >= ${now}`));
  return row?.holder ?? null;
}
