import { getEnv } from "@/lib/env";
import { markReadBodySchema } from "@/lib/schemas/inbox";
import { isApprover } from "@/lib/server/auth/session";
import { fromHistory } from "@/lib/server/recorder/require";
import { json, readJson, withRoute } from "@/lib/server/route";
import { markRead, readInbox } from "@/lib/server/store/inbox";

export const dynamic = "force-dynamic";

// POST /api/inbox/read – marks events read ({ ids } or { all: true }); answers the inbox as it now is
export const POST = withRoute(async (_ids, request, session) => {
  const body = await readJson(request, markReadBodySchema);
  const reader = { userOid: session.oid, approver: isApprover(session, getEnv()) };
  const inbox = await fromHistory(async (r) => {
    await markRead(r.store.db, reader, body);
    return readInbox(r.store.db, reader);
  });
  return json({ value: inbox, fetchedAt: Date.now() });
});
