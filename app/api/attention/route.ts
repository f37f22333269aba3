import { readAttention } from "@/lib/server/recorder/attention";
import { fromHistory } from "@/lib/server/recorder/require";
import { json, withRoute } from "@/lib/server/route";

export const dynamic = "force-dynamic";

// GET /api/attention – across every watched publisher: awaiting sign-off, failed, overdue, blocked
export const GET = withRoute(async () => json(await fromHistory((r) => readAttention(r.store.db))));
