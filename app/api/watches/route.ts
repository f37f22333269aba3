import { getEnv } from "@/lib/env";
import { isApprover } from "@/lib/server/auth/session";
import { fromHistory } from "@/lib/server/recorder/require";
import { json, withRoute } from "@/lib/server/route";
import { readWatches } from "@/lib/server/store/inbox";

export const dynamic = "force-dynamic";

// GET /api/watches – what the signed-in user watches (publishers, offers, the approvers' sign-off default)
export const GET = withRoute(async (_ids, _request, session) =>
  json({
    value: await fromHistory((r) =>
      readWatches(r.store.db, { userOid: session.oid, approver: isApprover(session, getEnv()) }),
    ),
    fetchedAt: Date.now(),
  }),
);
