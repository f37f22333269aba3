import { getEnv } from "@/lib/env";
import { getRecorder } from "@/lib/server/recorder";
import { toErrorResponse } from "@/lib/server/errors";

export const dynamic = "force-dynamic";

const startedAt = Date.now();
const PING_TIMEOUT_MS = 2_000;

type StoreState = "ok" | "unavailable" | "none";

async function storeState(): Promise<StoreState> {
  const recorder = getRecorder();
  if (!recorder) return "none";
  const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error("timeout")), PING_TIMEOUT_MS));
  try {
    await Promise.race([recorder.store.ping(), timeout]);
    return "ok";
  } catch {
    return "unavailable";
  }
}

function watcherState(): "watching" | "standby" | "off" {
  const watcher = getRecorder()?.watcher;
  if (!watcher) return "off";
  return watcher.health().watching ? "watching" : "standby";
}

/**
 * GET /api/health – liveness: the process answers and its configuration is valid (no upstream
 * call, no secrets). `?ready=1` – readiness for a load balancer: also whether the store answers
 * (503 when it does not) and whether this instance holds the watcher or stands by.
 */
export async function GET(request: Request): Promise<Response> {
  try {
    getEnv();
    const alive = {
      status: "ok",
      uptimeSeconds: Math.round((Date.now() - startedAt) / 1000),
      time: new Date().toISOString(),
    };
    const headers = { "Cache-Control": "no-store" };
    if (!new URL(request.url).searchParams.has("ready")) return Response.json(alive, { headers });
    const store = await storeState();
    const ready = store !== "unavailable";
    return Response.json(
      { ...alive, status: ready ? "ok" : "unavailable", ready, store, watcher: watcherState() },
      { status: ready ? 200 : 503, headers },
    );
  } catch (error) {
    return toErrorResponse(error, { path: new URL(request.url).pathname });
  }
}
