import { watchRoute } from "@/lib/server/watch-route";

export const dynamic = "force-dynamic";

// PUT /api/publishers/{publisherId}/offers/{offerId}/watch – watch one offer
export const PUT = watchRoute("PUT");

// DELETE /api/publishers/{publisherId}/offers/{offerId}/watch – stop watching the offer
export const DELETE = watchRoute("DELETE");
