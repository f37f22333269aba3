import "server-only";

import { randomUUID } from "node:crypto";

import { and, eq, gt, isNotNull, isNull, lt, lte, or } from "drizzle-orm";

import { MAX_IN_FLIGHT_MS, REMEMBER_MS, type ActionGuard, type ActionHolder } from "@/lib/server/action-guard";

import type { Db } from "./open";
import { actionSlots } from "./schema";

/**
 * The Go live / Cancel guard in the store, for several instances: an offer's slot is one row,
 * taken in one statement only when free (released and settled, or held past the longest a
 * request may take), so two instances asking at once cannot both take it.
 */
export function createStoreActionGuard(db: Db, now: () => number = Date.now): ActionGuard {
  return {
    async tryAcquire(key, holder) {
      const at = new Date(now());
      const lease = randomUUID();
      const rows = await db
        .insert(actionSlots)
        .values({ key, lease, action: holder.action, by: holder.by, since: at, until: null })
        .onConflictDoUpdate({
          target: actionSlots.key,
          set: { lease, action: holder.action, by: holder.by, since: at, until: null },
          setWhere: or(
            and(isNotNull(actionSlots.until), lte(actionSlots.until, at)),
            and(isNull(actionSlots.until), lt(actionSlots.since, new Date(at.getTime() - MAX_IN_FLIGHT_MS))),
          ),
        })
        .returning({ lease: actionSlots.lease });
      if (rows[0]?.lease === lease) return { acquired: true, lease };
      const [held] = await db.select().from(actionSlots).where(eq(actionSlots.key, key));
      return {
        acquired: false,
        holder: { action: (held?.action ?? holder.action) as ActionHolder["action"], by: held?.by ?? "someone" },
      };
    },
    async release(key, lease, settleMs) {
      await db
        .update(actionSlots)
        .set({ until: new Date(now() + Math.max(0, settleMs)) })
        .where(and(eq(actionSlots.key, key), eq(actionSlots.lease, lease)));
    },
    async lastHolder(key) {
      const [row] = await db
        .select()
        .from(actionSlots)
        .where(and(eq(actionSlots.key, key), gt(actionSlots.since, new Date(now() - REMEMBER_MS))));
      return row ? { action: row.action as ActionHolder["action"], by: row.by } : null;
    },
  };
}
