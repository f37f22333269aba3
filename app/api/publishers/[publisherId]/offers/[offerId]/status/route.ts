import { json, withRoute } from "@/lib/server/route";
import { getServices } from "@/lib/server/services";

export const dynamic = "force-dynamic";

// GET /api/publishers/{publisherId}/offers/{offerId}/status – the offer's publishing steps
export const GET = withRoute<{ publisherId: string; offerId: string }>(async ({ publisherId, offerId }) =>
  json(await getServices().cpp.getOfferStatus(publisherId, offerId)),
);
