import { withOfferAction } from "@/lib/server/route";
import { getServices } from "@/lib/server/services";

export const dynamic = "force-dynamic";

// POST /api/publishers/{publisherId}/offers/{offerId}/cancel – cancel the publish in progress (approvers only)
export const POST = withOfferAction("cancel", (publisherId, offerId) => getServices().cpp.cancel(publisherId, offerId));
