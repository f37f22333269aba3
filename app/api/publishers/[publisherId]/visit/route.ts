import { getEnv } from "@/lib/env";
import { fromHistory } from "@/lib/server/recorder/require";
import { json, withRoute } from "@/lib/server/route";
import { recordVisit } from "@/lib/server/store/history";

export const dynamic = "force-dynamic";

// POST /api/publishers/{publisherId}/visit – records the signed-in user's visit to All offers;
// answers what changed since their last visit (the "changed since your last visit" marks)
export const POST = withRoute<{ publisherId: string }>(async ({ publisherId }, _request, session) =>
  json({
    value: await fromHistory((r) =>
      recordVisit(r.store.db, session.oid, publisherId, new Date(), getEnv().VISIT_GAP_MS),
    ),
    fetchedAt: Date.now(),
  }),
);
