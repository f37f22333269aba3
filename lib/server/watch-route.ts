import "server-only";

import { getEnv } from "@/lib/env";

import { isApprover } from "./auth/session";
import { fromHistory } from "./recorder/require";
import { json, withRoute } from "./route";
import { readWatches, unwatch, watch } from "./store/inbox";

/**
 * PUT (watch) / DELETE (unwatch) of a publisher or of one of its offers, for the signed-in
 * user; both answer the user's watches as they now are. Idempotent.
 */
export function watchRoute(method: "PUT" | "DELETE") {
  return withRoute<{ publisherId: string; offerId?: string }>(async ({ publisherId, offerId }, _request, session) => {
    const value = await fromHistory(async (r) => {
      if (method === "PUT") await watch(r.store.db, session.oid, publisherId, offerId ?? null, new Date());
      else await unwatch(r.store.db, session.oid, publisherId, offerId ?? null);
      return readWatches(r.store.db, { userOid: session.oid, approver: isApprover(session, getEnv()) });
    });
    return json({ value, fetchedAt: Date.now() });
  });
}
