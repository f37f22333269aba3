import { getEnv } from "@/lib/env";
import { signoffBodySchema } from "@/lib/schemas/inbox";
import { isApprover } from "@/lib/server/auth/session";
import { fromHistory } from "@/lib/server/recorder/require";
import { json, readJson, withRoute } from "@/lib/server/route";
import { readWatches, setSignoffEverywhere } from "@/lib/server/store/inbox";

export const dynamic = "force-dynamic";

// PUT /api/watches/signoff – an approver takes (or stops taking) every publisher's sign-off events
export const PUT = withRoute(
  async (_ids, request, session) => {
    const { on } = await readJson(request, signoffBodySchema);
    const value = await fromHistory(async (r) => {
      await setSignoffEverywhere(r.store.db, session.oid, on);
      return readWatches(r.store.db, { userOid: session.oid, approver: isApprover(session, getEnv()) });
    });
    return json({ value, fetchedAt: Date.now() });
  },
  { approver: true },
);
