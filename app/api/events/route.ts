import type { OfferEvent } from "@/lib/server/recorder/events";
import { requireRecorder } from "@/lib/server/recorder/require";
import { withRoute } from "@/lib/server/route";

export const dynamic = "force-dynamic";

const HEARTBEAT_MS = 15_000;
/** Chunks a client may leave unread before it is dropped (it reconnects with Last-Event-ID). */
const MAX_UNREAD = 256;

const format = (e: OfferEvent) =>
  `id: ${e.id}\nevent: offer\ndata: ${JSON.stringify({
    publisherId: e.publisherId,
    offerId: e.offerId,
    indicator: e.indicator,
    previousIndicator: e.previousIndicator,
    kinds: e.kinds,
    notifications: e.notifications,
    at: e.at,
  })}\n\n`;

// GET /api/events – Server-Sent Events: `event: offer` for each recorded change; resumes after Last-Event-ID
export const GET = withRoute(async (_ids, request) => {
  const { events } = requireRecorder();
  const url = new URL(request.url);
  const lastId = Number(request.headers.get("Last-Event-ID") ?? url.searchParams.get("lastEventId") ?? Number.NaN);
  const encoder = new TextEncoder();
  let close = () => {};
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      let closed = false;
      let unsubscribe = () => {};
      const timers: { heartbeat?: NodeJS.Timeout } = {};
      close = () => {
        if (closed) return;
        closed = true;
        unsubscribe();
        clearInterval(timers.heartbeat);
        try {
          controller.close();
        } catch {
          // already closed by the client
        }
      };
      const send = (text: string) => {
        if (closed) return;
        if ((controller.desiredSize ?? 0) < -MAX_UNREAD) return close();
        controller.enqueue(encoder.encode(text));
      };
      send(`retry: 5000\n: connected\n\n`);
      if (Number.isInteger(lastId) && lastId >= 0) {
        const missed = events.since(lastId);
        // Too far behind: the browser reloads what it shows instead of replaying.
        if (missed === null) send(`event: reset\ndata: {}\n\n`);
        else for (const e of missed) send(format(e));
      }
      unsubscribe = events.subscribe((e) => send(format(e)));
      timers.heartbeat = setInterval(() => send(`: heartbeat\n\n`), HEARTBEAT_MS);
      timers.heartbeat.unref?.();
      request.signal.addEventListener("abort", close);
    },
    cancel() {
      close();
    },
  });
  return new Response(stream, {
    headers: {
      "Content-Type": "text/event-stream; charset=utf-8",
      "Cache-Control": "no-cache, no-transform",
      "X-Accel-Buffering": "no",
    },
  });
});
