import { getEnv } from "@/lib/env";
import { isApprover } from "@/lib/server/auth/session";
import { fromHistory } from "@/lib/server/recorder/require";
import { json, withRoute } from "@/lib/server/route";
import { readInbox } from "@/lib/server/store/inbox";

export const dynamic = "force-dynamic";

// GET /api/inbox – the signed-in user's notifications, newest first, with the unread count
export const GET = withRoute(async (_ids, _request, session) =>
  json({
    value: await fromHistory((r) =>
      readInbox(r.store.db, { userOid: session.oid, approver: isApprover(session, getEnv()) }),
    ),
    fetchedAt: Date.now(),
  }),
);
