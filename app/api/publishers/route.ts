import { json, withRoute } from "@/lib/server/route";
import { getServices } from "@/lib/server/services";

export const dynamic = "force-dynamic";

// GET /api/publishers – the publisher accounts the service principal can see
export const GET = withRoute(async () => json(await getServices().cpp.listPublishers()));
