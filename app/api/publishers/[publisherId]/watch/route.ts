import { watchRoute } from "@/lib/server/watch-route";

export const dynamic = "force-dynamic";

// PUT /api/publishers/{publisherId}/watch – watch every offer of the publisher
export const PUT = watchRoute("PUT");

// DELETE /api/publishers/{publisherId}/watch – stop watching the publisher
export const DELETE = watchRoute("DELETE");
