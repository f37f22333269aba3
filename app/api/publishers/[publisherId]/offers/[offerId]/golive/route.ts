import { withOfferAction } from "@/lib/server/route";
import { getServices } from "@/lib/server/services";

export const dynamic = "force-dynamic";

// POST /api/publishers/{publisherId}/offers/{offerId}/golive – publisher sign-off: take the offer live (approvers only)
export const POST = withOfferAction("golive", (publisherId, offerId) => getServices().cpp.goLive(publisherId, offerId));
