import { readOffersList } from "@/lib/server/recorder/reads";
import { json, withRoute } from "@/lib/server/route";

export const dynamic = "force-dynamic";

// GET /api/publishers/{publisherId}/offers – All offers, with the current step of offers in flight
export const GET = withRoute<{ publisherId: string }>(async ({ publisherId }, request) =>
  json(await readOffersList(publisherId, { refresh: new URL(request.url).searchParams.get("refresh") === "1" })),
);
