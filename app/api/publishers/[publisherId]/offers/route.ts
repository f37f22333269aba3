import { json, withRoute } from "@/lib/server/route";
import { getServices } from "@/lib/server/services";

export const dynamic = "force-dynamic";

// GET /api/publishers/{publisherId}/offers – All offers, with the current step of offers in flight
export const GET = withRoute<{ publisherId: string }>(async ({ publisherId }) =>
  json(await getServices().cpp.listOffers(publisherId)),
);
