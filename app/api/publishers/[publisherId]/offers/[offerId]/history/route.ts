import { fromHistory } from "@/lib/server/recorder/require";
import { json, withRoute } from "@/lib/server/route";
import { readHistory } from "@/lib/server/store/history";

export const dynamic = "force-dynamic";

// GET /api/publishers/{publisherId}/offers/{offerId}/history – transitions newest first, observed step times
export const GET = withRoute<{ publisherId: string; offerId: string }>(async ({ publisherId, offerId }) =>
  json({
    value: await fromHistory((r) => readHistory(r.store.db, publisherId, offerId)),
    fetchedAt: Date.now(),
  }),
);
