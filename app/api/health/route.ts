import { getEnv } from "@/lib/env";
import { toErrorResponse } from "@/lib/server/errors";

export const dynamic = "force-dynamic";

const startedAt = Date.now();

// GET /api/health – liveness and configuration check (no upstream call, no secrets)
export function GET(request: Request): Response {
  try {
    getEnv();
    return Response.json(
      { status: "ok", uptimeSeconds: Math.round((Date.now() - startedAt) / 1000), time: new Date().toISOString() },
      { headers: { "Cache-Control": "no-store" } },
    );
  } catch (error) {
    return toErrorResponse(error, { path: new URL(request.url).pathname });
  }
}
