import { deliveriesQuerySchema } from "@/lib/schemas/inbox";
import { ApiError } from "@/lib/server/errors";
import { fromHistory } from "@/lib/server/recorder/require";
import { json, withRoute } from "@/lib/server/route";
import { readDeliveries } from "@/lib/server/store/inbox";

export const dynamic = "force-dynamic";

// GET /api/deliveries?limit= – the delivery log: each channel's state, and each event × channel
export const GET = withRoute(async (_ids, request) => {
  const params = new URL(request.url).searchParams;
  const parsed = deliveriesQuerySchema.safeParse({ limit: params.get("limit") ?? undefined });
  if (!parsed.success) throw new ApiError(400, "invalid_query", parsed.error.issues[0]?.message ?? "Invalid limit.");
  return json({
    value: await fromHistory((r) => readDeliveries(r.store.db, parsed.data.limit)),
    fetchedAt: Date.now(),
  });
});
