/**
 * Child runner: how fast the outbox delivers. `events` notification events are recorded into a
 * fresh PGlite store through the recorder's own function (recordEvents, which queues them for
 * the webhook channel in the same transaction), then the real notifier delivers them to the
 * parent's receiver (real HTTP on loopback), `concurrency` in flight; the clock runs from its
 * start until every delivery is marked delivered in the store.
 *
 * Baseline, in the same process against the same receiver: the same signed requests, built by
 * the same channel, sent straight with fetch at the same concurrency, with no store at all.
 * Started by bench/notify.ts with SERVER_MODULE_ARGS and the dashboard's environment
 * (NOTIFY_WEBHOOK_URL: the receiver; DATA_DIR: a fresh folder).
 */
import { count, eq } from "drizzle-orm";

import { getEnv } from "@/lib/env";
import type { NotificationEvent } from "@/lib/schemas/notifications";
import { configuredChannels } from "@/lib/server/notify/channels";
import { Notifier } from "@/lib/server/notify/notifier";
import { recordEvents, syncChannels } from "@/lib/server/store/notifications";
import { openStore } from "@/lib/server/store/open";
import { deliveries } from "@/lib/server/store/schema";

import { readChildInput, sleep, writeChildResult } from "./child";

export interface OutboxInput {
  events: number;
  concurrency: number;
}

export interface OutboxResult {
  events: number;
  delivered: number;
  outboxMs: number;
  outboxCpuMs: number;
  directMs: number;
  directCpuMs: number;
}

const input = readChildInput<OutboxInput>();
const env = getEnv();
const store = await openStore({ dataDir: env.DATA_DIR });
const channels = configuredChannels(env).filter((c) => c.channel === "webhook");
const sender = channels[0];
if (!sender) throw new Error("NOTIFY_WEBHOOK_URL is not set");
await syncChannels(
  store.db,
  [{ channel: "webhook", configHash: sender.configHash, events: ["awaitingSignoff"] }],
  new Date(),
);

const BATCH = 100;
const recorded: NotificationEvent[] = [];
for (let i = 0; i < input.events; i += BATCH) {
  const n = Math.min(BATCH, input.events - i);
  const batch = await store.db.transaction((tx) =>
    recordEvents(
      tx,
      { publisherId: "bulk", offerId: `bulk-offer-${String(i).padStart(5, "0")}`, offerName: "Bulk offer" },
      new Date(),
      Array.from({ length: n }, (_, k) => ({
        key: `bench:${i + k}`,
        event: "awaitingSignoff" as const,
        indicator: "awaitingSignoff" as const,
        previousIndicator: "publishing" as const,
        step: { id: "publisher-signoff", name: "Publisher signoff", status: "waitingForPublisherReview" },
        detail: {},
      })),
    ),
  );
  recorded.push(...batch);
}

const delivered = async () =>
  (await store.db.select({ n: count() }).from(deliveries).where(eq(deliveries.state, "delivered")))[0]?.n ?? 0;

const notifier = new Notifier({
  db: store.db,
  channels,
  events: ["awaitingSignoff"],
  timeoutMs: 10_000,
  maxAttempts: 3,
  retryMs: 1_000,
  retryMaxMs: 10_000,
  concurrency: input.concurrency,
  pollMs: 1_000,
  logger: { info: () => undefined, error: () => undefined },
});
const cpu0 = process.cpuUsage();
const t0 = performance.now();
notifier.start();
const deadline = Date.now() + 10 * 60_000;
let done = 0;
while ((done = await delivered()) < input.events && Date.now() < deadline) await sleep(20);
const outboxMs = performance.now() - t0;
const outboxCpu = process.cpuUsage(cpu0);
await notifier.stop();

// The baseline: the same requests, straight to the receiver, no store.
const cpu1 = process.cpuUsage();
const t1 = performance.now();
let next = 0;
await Promise.all(
  Array.from({ length: input.concurrency }, async () => {
    while (next < recorded.length) {
      const event = recorded[next++]!;
      const request = sender.build(event);
      const res = await fetch(sender.url, { method: "POST", headers: request.headers, body: request.body });
      await res.body?.cancel();
    }
  }),
);
const directMs = performance.now() - t1;
const directCpu = process.cpuUsage(cpu1);
await store.close();

writeChildResult({
  events: input.events,
  delivered: done,
  outboxMs,
  outboxCpuMs: (outboxCpu.user + outboxCpu.system) / 1000,
  directMs,
  directCpuMs: (directCpu.user + directCpu.system) / 1000,
} satisfies OutboxResult);
process.exit(0);
