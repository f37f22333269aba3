import { json, withRoute } from "@/lib/server/route";
import { getServices } from "@/lib/server/services";

export const dynamic = "force-dynamic";

// POST /api/publishers/{publisherId}/offers/{offerId}/cancel – cancel the publish in progress
export const POST = withRoute<{ publisherId: string; offerId: string }>(async ({ publisherId, offerId }) => {
  const operation = await getServices().cpp.cancel(publisherId, offerId);
  return json({ value: operation, fetchedAt: Date.now() }, { status: operation.upstreamStatus === 200 ? 200 : 202 });
});
