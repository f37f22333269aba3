/**
 * Notifications end to end: the emulator over real HTTPS with real MSAL, the watcher recording
 * into a real store, the notifier delivering to real HTTP receivers on loopback. The clocks of
 * the emulator, the watcher and the notifier move together under the test's hand; only the
 * receivers' hang and the attempt timeout run on real time.
 */
import { createHmac, timingSafeEqual } from "node:crypto";

import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";

import type { WebhookPayload } from "@/lib/schemas/notifications";
import { createCpp } from "@/lib/server/cpp";
import { EventBus } from "@/lib/server/recorder/events";
import { Watcher } from "@/lib/server/recorder/watcher";
import { deliveries, notificationEvents, notifyChannels } from "@/lib/server/store/schema";
import { startHarness, type Harness } from "@/lib/server/testing/emulator-harness";
import { startReceiver, type Received, type Receiver } from "@/lib/server/testing/receiver";
import { openTestStore, stopPostgres, type TestStore } from "@/lib/server/testing/test-stores";
import { createTokenProvider } from "@/lib/server/token";

import { notifierFromEnv, type Notifier, type NotifierLogger, type NotifierOptions } from "./notifier";

const MINUTE = 60_000;
const SECRET = "a-webhook-secret-for-tests";
const OFFER = "contoso-vm-certifying";

let h: Harness;
let t: TestStore;
let now: number;
let logged: Record<string, unknown>[];
let receivers: Receiver[];
const logger: NotifierLogger = { info: (e) => logged.push(e), error: (e) => logged.push({ ...e, level: "error" }) };

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
  stopPostgres();
});
beforeEach(async () => {
  await h.control("POST", "/_emulator/reset");
  await h.control("DELETE", "/_emulator/faults");
  t = await openTestStore("pglite");
  now = Date.parse((await h.control<{ now: string }>("GET", "/_emulator/clock")).now);
  logged = [];
  receivers = [];
});
afterEach(async () => {
  await Promise.all(receivers.map((r) => r.close()));
  await t.dispose();
});

async function receiver(): Promise<Receiver> {
  const r = await startReceiver();
  receivers.push(r);
  return r;
}

function watcher(db = t.store.db) {
  const env = h.env({ CACHE_TTL_LIST_MS: "0", CACHE_TTL_STATUS_MS: "0" });
  return new Watcher({
    upstream: createCpp(env, createTokenProvider(env)),
    db,
    events: new EventBus(),
    publishers: ["contoso"],
    listMs: MINUTE,
    pace: { minMs: 10_000, maxMs: 10 * MINUTE },
    concurrency: 4,
    retentionDays: 180,
    now: () => now,
    logger,
  });
}

function notifier(vars: Record<string, string>, options: Partial<NotifierOptions> = {}) {
  const env = h.env({ NOTIFY_EVENTS: "awaitingSignoff,failed,live,overdue,newError", ...vars });
  return notifierFromEnv(env, {
    db: t.store.db,
    timeoutMs: 5_000,
    maxAttempts: 5,
    retryMs: 10_000,
    retryMaxMs: 5 * MINUTE,
    concurrency: 2,
    now: () => now,
    logger,
    random: () => 0.5,
    ...options,
  });
}

/** Moves every clock, then lets the watcher and the notifier do their round. */
async function advance(ms: number, w: Watcher, n: Notifier) {
  now += ms;
  await h.control("POST", "/_emulator/clock", { advanceMs: ms });
  await w.tick();
  await n.tick();
  await n.idle();
}

/** Until the certifying offer reaches sign-off (about 16 minutes of the emulator's time). */
async function untilSignoff(w: Watcher, n: Notifier) {
  for (let i = 0; i < 16; i++) await advance(90_000, w, n);
}

const about = (offerId: string, event: string) => (r: Received) => {
  const text = r.body;
  return text.includes(offerId) && (r.headers["x-event"] === undefined || r.headers["x-event"] === event);
};

/** How a receiver checks X-Signature-256 (the README's snippet, in TypeScript). */
function verifies(secret: string, body: string, header: string | undefined): boolean {
  const expected = Buffer.from(`sha256=${createHmac("sha256", secret).update(body, "utf8").digest("hex")}`);
  const given = Buffer.from(header ?? "");
  return given.length === expected.length && timingSafeEqual(given, expected);
}

// Adaptive Card as Teams Workflows take it: a message with one adaptive-card attachment,
// schema version 1.0–1.5 (Teams renders up to 1.5), known element and action types.
const textBlock = z.object({ type: z.literal("TextBlock"), text: z.string().min(1), wrap: z.boolean().optional() });
const factSet = z.object({
  type: z.literal("FactSet"),
  facts: z.array(z.object({ title: z.string().min(1), value: z.string().min(1) })).min(1),
});
const teamsSchema = z.object({
  type: z.literal("message"),
  attachments: z
    .array(
      z.object({
        contentType: z.literal("application/vnd.microsoft.card.adaptive"),
        contentUrl: z.null(),
        content: z.object({
          $schema: z.literal("http://adaptivecards.io/schemas/adaptive-card.json"),
          type: z.literal("AdaptiveCard"),
          version: z.string().regex(/^1\.[0-5]$/),
          body: z.array(z.union([textBlock.passthrough(), factSet])).min(1),
          actions: z
            .array(z.object({ type: z.literal("Action.OpenUrl"), title: z.string().min(1), url: z.string().url() }))
            .max(6),
        }),
      }),
    )
    .length(1),
});

// Block Kit as Slack's incoming webhooks take it: fallback text, at most 50 blocks of known
// types, header plain_text ≤ 150, section text ≤ 3000 and ≤ 10 fields of ≤ 2000, buttons ≤ 75.
const plain = (max: number) => z.object({ type: z.literal("plain_text"), text: z.string().min(1).max(max) });
const mrkdwn = (max: number) => z.object({ type: z.literal("mrkdwn"), text: z.string().min(1).max(max) });
const slackSchema = z.object({
  text: z.string().min(1),
  blocks: z
    .array(
      z.discriminatedUnion("type", [
        z.object({ type: z.literal("header"), text: plain(150).extend({ emoji: z.boolean().optional() }) }),
        z.object({
          type: z.literal("section"),
          text: mrkdwn(3000).optional(),
          fields: z.array(mrkdwn(2000)).max(10).optional(),
        }),
        z.object({
          type: z.literal("actions"),
          elements: z
            .array(
              z.object({
                type: z.literal("button"),
                text: plain(75),
                url: z.string().url().max(3000),
                action_id: z.string().max(255),
              }),
            )
            .max(25),
        }),
        z.object({ type: z.literal("context"), elements: z.array(mrkdwn(3000)).max(10) }),
      ]),
    )
    .max(50),
});

describe("notifications", { timeout: 240_000 }, () => {
  it("an offer reaching sign-off on the emulator's clock reaches each channel exactly once, signed and in the documented shapes", async () => {
    const [hook, teams, slack] = [await receiver(), await receiver(), await receiver()];
    const w = watcher();
    const n = notifier({
      NOTIFY_WEBHOOK_URL: hook.url,
      NOTIFY_WEBHOOK_SECRET: SECRET,
      NOTIFY_TEAMS_WEBHOOK_URL: teams.url,
      NOTIFY_SLACK_WEBHOOK_URL: slack.url,
    });
    await w.tick();
    await n.tick();
    await n.idle();
    // The first sighting tells nothing new: the offers already awaiting sign-off, failed or live
    // are not announced. A step already far past its estimate is: it needs someone now.
    const first = await t.store.db.select().from(notificationEvents);
    expect(first.map((e) => `${e.offerId}:${e.event}`)).toEqual(["contoso-vm-overdue:overdue"]);
    expect(first[0]!.detail).toMatchObject({ estimate: "< 15 min" });
    for (const r of [hook, teams, slack]) {
      expect(r.received).toHaveLength(1);
      expect(r.received[0]!.body).toContain("contoso-vm-overdue");
    }
    expect(teams.received[0]!.body).toContain("is taking longer than estimated");

    await untilSignoff(w, n);
    const hooked = hook.received.filter(about(OFFER, "awaitingSignoff"));
    expect(hooked).toHaveLength(1);
    const body = hooked[0]!;
    expect(verifies(SECRET, body.body, body.headers["x-signature-256"] as string)).toBe(true);
    expect(verifies("another-secret-entirely", body.body, body.headers["x-signature-256"] as string)).toBe(false);
    const payload = body.json as WebhookPayload;
    expect(payload).toMatchObject({
      event: "awaitingSignoff",
      publisherId: "contoso",
      offerId: OFFER,
      offerName: "Contoso Ubuntu Hardened Server",
      indicator: "awaitingSignoff",
      previousIndicator: "publishing",
      url: `http://127.0.0.1:3000/publishers/contoso/offers/${OFFER}/status`,
    });
    expect(payload.step?.id).toBe("publisher-signoff");
    expect(Object.keys(payload).sort()).toEqual(
      [
        "id",
        "event",
        "occurredAt",
        "publisherId",
        "offerId",
        "offerName",
        "indicator",
        "previousIndicator",
        "step",
        "url",
      ].sort(),
    );

    // The same event, with the same id, in Teams and Slack, in the shapes they document.
    for (const [r, schema] of [
      [teams, teamsSchema],
      [slack, slackSchema],
    ] as const) {
      const mine = r.received.filter((x) => x.headers["x-event-id"] === payload.id);
      expect(mine).toHaveLength(1);
      expect(schema.safeParse(mine[0]!.json).error).toBeUndefined();
      expect(mine[0]!.body).toContain("Contoso Ubuntu Hardened Server is awaiting your sign-off");
      expect(mine[0]!.body).toContain("Awaiting publisher sign-off");
      expect(mine[0]!.body).toContain(payload.url);
    }
    // Nothing is sent twice however long the offer waits.
    await advance(10 * MINUTE, w, n);
    await advance(10 * MINUTE, w, n);
    expect(hook.received.filter(about(OFFER, "awaitingSignoff"))).toHaveLength(1);
    const ids = hook.received.map((r) => (r.json as WebhookPayload).id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("speaks Traditional Chinese in Teams and Slack when NOTIFY_LOCALE=zh-TW", async () => {
    const [teams, slack] = [await receiver(), await receiver()];
    const w = watcher();
    const n = notifier({
      NOTIFY_TEAMS_WEBHOOK_URL: teams.url,
      NOTIFY_SLACK_WEBHOOK_URL: slack.url,
      NOTIFY_LOCALE: "zh-TW",
    });
    await w.tick();
    await untilSignoff(w, n);
    for (const r of [teams, slack]) {
      const mine = r.received.filter(
        (x) => x.body.includes(OFFER) || x.body.includes("Contoso Ubuntu Hardened Server"),
      );
      expect(mine.length).toBeGreaterThan(0);
      expect(mine[0]!.body).toContain("正在等待您的簽核");
      expect(mine[0]!.body).toContain("開啟「狀態」索引標籤");
    }
    expect(teamsSchema.safeParse(teams.received[0]!.json).error).toBeUndefined();
    expect(slackSchema.safeParse(slack.received[0]!.json).error).toBeUndefined();
  });

  it("a receiver that is down for a while gets the event once it returns, with the same id", async () => {
    const hook = await receiver();
    const w = watcher();
    const n = notifier({ NOTIFY_WEBHOOK_URL: hook.url, NOTIFY_WEBHOOK_SECRET: SECRET });
    await w.tick();
    await hook.down();
    await untilSignoff(w, n);
    const [event] = await t.store.db.select().from(notificationEvents).where(eq(notificationEvents.offerId, OFFER));
    expect(event?.event).toBe("awaitingSignoff");
    const [pending] = await t.store.db.select().from(deliveries).where(eq(deliveries.eventSeq, event!.seq));
    expect(pending).toMatchObject({ state: "pending" });
    expect(pending!.attempts).toBeGreaterThan(0);
    expect(pending!.lastResult).toMatch(/could not connect/);

    await hook.up();
    await advance(5 * MINUTE, w, n);
    await advance(5 * MINUTE, w, n);
    const mine = hook.received.filter((r) => (r.json as WebhookPayload).offerId === OFFER);
    expect(mine).toHaveLength(1);
    expect((mine[0]!.json as WebhookPayload).id).toBe(event!.id);
    const [done] = await t.store.db.select().from(deliveries).where(eq(deliveries.eventSeq, event!.seq));
    expect(done).toMatchObject({ state: "delivered", lastStatus: 200 });
    expect(done!.attempts).toBe(pending!.attempts + 1);
  });

  it("a receiver that hangs delays neither the watcher nor the other channels, and its attempt times out", async () => {
    const [teams, slack] = [await receiver(), await receiver()];
    teams.answer("hang");
    const w = watcher();
    const n = notifier(
      { NOTIFY_TEAMS_WEBHOOK_URL: teams.url, NOTIFY_SLACK_WEBHOOK_URL: slack.url },
      { timeoutMs: 3_000 },
    );
    await w.tick();
    // The clocks move without waiting for the notifier: the watcher's rounds go on.
    for (let i = 0; i < 16; i++) {
      now += 90_000;
      await h.control("POST", "/_emulator/clock", { advanceMs: 90_000 });
      await w.tick();
      await n.tick();
    }
    await slack.waitFor(1);
    await teams.waitFor(1);
    // Slack has its event while the Teams request still hangs.
    expect(teams.hanging()).toBeGreaterThan(0);
    expect(slack.received.some((r) => r.body.includes("Contoso Ubuntu Hardened Server"))).toBe(true);
    // And the watcher still reads and records while Teams hangs.
    await w.tick();
    await n.idle();
    const teamsRows = await t.store.db.select().from(deliveries).where(eq(deliveries.channel, "teams"));
    expect(teamsRows.length).toBeGreaterThan(0);
    // Those tried timed out and wait for their retry; none was lost.
    const tried = teamsRows.filter((r) => r.attempts > 0);
    expect(tried.length).toBeGreaterThan(0);
    expect(tried.every((r) => r.state === "pending" && r.lastResult === "timed out after 3 s")).toBe(true);
    expect(teamsRows.every((r) => r.state === "pending")).toBe(true);
  });

  it("a receiver answering 410 stops its channel, with one clear log line, until its address changes", async () => {
    const [slack, hook] = [await receiver(), await receiver()];
    slack.answer({ status: 410 });
    const w = watcher();
    const n = notifier({ NOTIFY_SLACK_WEBHOOK_URL: slack.url, NOTIFY_WEBHOOK_URL: hook.url });
    await w.tick();
    await untilSignoff(w, n);
    const stoppedAfter = slack.received.length;
    expect(stoppedAfter).toBeGreaterThan(0);
    const line = logged.find((e) => String(e.msg).includes("slack receiver answered 410"));
    expect(line?.msg).toBe(
      "notifications: the slack receiver answered 410; the channel is stopped until NOTIFY_SLACK_WEBHOOK_URL changes",
    );
    expect(JSON.stringify(logged)).not.toContain(slack.url);
    // The webhook goes on.
    expect(hook.received.length).toBeGreaterThan(0);

    // Another event: nothing more goes to the stopped channel.
    const env = h.env();
    await createCpp(env, createTokenProvider(env)).goLive("contoso", OFFER);
    w.wake("contoso", OFFER);
    const hooked = hook.received.length;
    for (let i = 0; i < 12; i++) await advance(90_000, w, n);
    expect(hook.received.length).toBeGreaterThan(hooked);
    expect(slack.received).toHaveLength(stoppedAfter);
    const slackRows = await t.store.db.select().from(deliveries).where(eq(deliveries.channel, "slack"));
    expect(slackRows.every((d) => d.state === "failed" || d.state === "skipped")).toBe(true);

    // A new address: the channel takes events again.
    const next = await receiver();
    const again = notifier({ NOTIFY_SLACK_WEBHOOK_URL: next.url });
    await again.tick();
    const [channel] = await t.store.db.select().from(notifyChannels).where(eq(notifyChannels.channel, "slack"));
    expect(channel?.stoppedAt).toBeNull();
  });

  it("two instances on one PostgreSQL deliver each event once", async () => {
    const pgStore = await openTestStore("postgres");
    try {
      const hook = await receiver();
      const w = watcher(pgStore.store.db);
      const one = notifier({ NOTIFY_WEBHOOK_URL: hook.url }, { db: pgStore.store.db, concurrency: 4 });
      const two = notifier({ NOTIFY_WEBHOOK_URL: hook.url }, { db: pgStore.store.db, concurrency: 4 });
      await w.tick();
      for (let i = 0; i < 16; i++) {
        now += 90_000;
        await h.control("POST", "/_emulator/clock", { advanceMs: 90_000 });
        await w.tick();
        await Promise.all([one.tick(), two.tick()]);
      }
      await Promise.all([one.idle(), two.idle()]);
      const ids = hook.received.map((r) => (r.json as WebhookPayload).id);
      expect(ids.length).toBeGreaterThan(0);
      expect(new Set(ids).size).toBe(ids.length);
      const rows = await pgStore.store.db.select().from(deliveries);
      expect(rows.every((r) => r.state === "delivered" && r.attempts === 1)).toBe(true);
      expect(rows).toHaveLength(ids.length);
    } finally {
      await pgStore.dispose();
    }
  });
});
