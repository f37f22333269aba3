import { json, withRoute } from "@/lib/server/route";
import { getServices } from "@/lib/server/services";

export const dynamic = "force-dynamic";

// GET /api/publishers/{publisherId}/offers/{offerId} – the offer's basic definition
export const GET = withRoute<{ publisherId: string; offerId: string }>(async ({ publisherId, offerId }) =>
  json(await getServices().cpp.getOffer(publisherId, offerId)),
);
