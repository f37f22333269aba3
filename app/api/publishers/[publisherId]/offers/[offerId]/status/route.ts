import { readOfferStatus } from "@/lib/server/recorder/reads";
import { json, withRoute } from "@/lib/server/route";

export const dynamic = "force-dynamic";

// GET /api/publishers/{publisherId}/offers/{offerId}/status – the offer's publishing steps
export const GET = withRoute<{ publisherId: string; offerId: string }>(async ({ publisherId, offerId }, request) =>
  json(
    await readOfferStatus(publisherId, offerId, { refresh: new URL(request.url).searchParams.get("refresh") === "1" }),
  ),
);
