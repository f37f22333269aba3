/**
 * Two dashboard instances on one real PostgreSQL (started by the test), the emulator over real
 * HTTPS with real MSAL, a webhook receiver on loopback: what each instance runs of the
 * recorder (store, watcher with its lease, live-change relay, notifier), side by side in this
 * process, on one simulated clock.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";

import type { WebhookPayload } from "@/lib/schemas/notifications";
import { createCpp } from "@/lib/server/cpp";
import { notifierFromEnv, type Notifier } from "@/lib/server/notify/notifier";
import { createStoreActionGuard } from "@/lib/server/store/action-slots";
import { readHistory } from "@/lib/server/store/history";
import { recordStatus } from "@/lib/server/store/offers";
import { openStore, type Store } from "@/lib/server/store/open";
import { startHarness, type Harness } from "@/lib/server/testing/emulator-harness";
import { startReceiver, type Receiver } from "@/lib/server/testing/receiver";
import { openTestStore, stopPostgres, type TestStore } from "@/lib/server/testing/test-stores";
import { createTokenProvider } from "@/lib/server/token";

import { EventBus, type OfferEvent } from "./events";
import { startRelay, type Relay } from "./relay";
import { readAcrossInstances } from "./shared-read";
import { Watcher } from "./watcher";

const MINUTE = 60_000;
const LEASE_MS = 30_000;
const quiet = { info: () => undefined, error: () => undefined };

interface Instance {
  name: string;
  store: Store;
  bus: EventBus;
  watcher: Watcher;
  relay: Relay;
  notifier: Notifier;
}

let h: Harness;
let t: TestStore;
let now: number;
let receiver: Receiver;
let instances: Instance[];

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
  stopPostgres();
});
beforeEach(async () => {
  await h.control("POST", "/_emulator/reset");
  t = await openTestStore("postgres");
  now = Date.parse((await h.control<{ now: string }>("GET", "/_emulator/clock")).now);
  receiver = await startReceiver();
  instances = [];
});
afterEach(async () => {
  for (const i of instances) {
    await i.relay.stop();
    await i.notifier.stop();
    await i.store.close();
  }
  await receiver.close();
  await t.dispose();
});

async function instance(name: string): Promise<Instance> {
  const databaseUrl = t.vars.DATABASE_URL!;
  const store = await openStore({ databaseUrl, dataDir: "" });
  const env = h.env({ CACHE_TTL_LIST_MS: "0", CACHE_TTL_STATUS_MS: "0", NOTIFY_WEBHOOK_URL: receiver.url });
  const bus = new EventBus();
  const watcher = new Watcher({
    upstream: createCpp(env, createTokenProvider(env)),
    db: store.db,
    events: bus,
    publishers: ["contoso"],
    listMs: MINUTE,
    pace: { minMs: 10_000, maxMs: 10 * MINUTE },
    concurrency: 4,
    retentionDays: 180,
    now: () => now,
    logger: quiet,
    lease: { holder: name, ms: LEASE_MS },
  });
  const relay = startRelay({ databaseUrl, bus, origin: name, logger: quiet, retryMs: 200 });
  await relay.ready;
  const notifier = notifierFromEnv(env, {
    db: store.db,
    timeoutMs: 5_000,
    maxAttempts: 5,
    retryMs: 10_000,
    retryMaxMs: 5 * MINUTE,
    concurrency: 4,
    now: () => now,
    logger: quiet,
  });
  const made = { name, store, bus, watcher, relay, notifier };
  instances.push(made);
  return made;
}

async function advance(ms: number) {
  now += ms;
  await h.control("POST", "/_emulator/clock", { advanceMs: ms });
}

async function round(...alive: Instance[]) {
  for (const i of alive) await i.watcher.tick();
  for (const i of alive) {
    await i.notifier.tick();
    await i.notifier.idle();
  }
}

const apiRequests = async () => (await h.stats()).apiRequests;

describe("several instances on one PostgreSQL", { timeout: 240_000 }, () => {
  it("one instance watches; the other stands by and costs the upstream nothing", async () => {
    const [a, b] = [await instance("a"), await instance("b")];
    await round(a, b);
    expect(a.watcher.health().watching).toBe(true);
    expect(b.watcher.health().watching).toBe(false);
    for (let i = 0; i < 5; i++) {
      await advance(90_000);
      await a.watcher.tick();
      const before = await apiRequests();
      await b.watcher.tick();
      expect(await apiRequests()).toBe(before);
    }
    expect(b.watcher.health().watching).toBe(false);
  });

  it("when the watching instance dies, the other takes over within the lease, records each change once and sends each event once", async () => {
    const [a, b] = [await instance("a"), await instance("b")];
    await round(a, b);
    await advance(90_000);
    await round(a, b);
    expect(a.watcher.health().watching).toBe(true);

    // A dies (no more rounds, no clean stop); meanwhile an offer goes live and another reaches sign-off.
    const env = h.env();
    await createCpp(env, createTokenProvider(env)).goLive("contoso", "contoso-saas-golive");
    await advance(LEASE_MS - 5_000);
    await round(b);
    expect(b.watcher.health().watching).toBe(false);
    await advance(10_000);
    await round(b);
    expect(b.watcher.health().watching).toBe(true);
    for (let i = 0; i < 14; i++) {
      await advance(90_000);
      await round(b);
    }

    const golive = await readHistory(b.store.db, "contoso", "contoso-saas-golive");
    expect(
      golive.transitions.filter((x) => x.kind === "indicator" && x.from === "awaitingSignoff" && x.to === "publishing"),
    ).toHaveLength(1);
    const certifying = await readHistory(b.store.db, "contoso", "contoso-vm-certifying");
    expect(certifying.transitions.filter((x) => x.kind === "indicator" && x.to === "awaitingSignoff")).toHaveLength(1);
    const ids = receiver.received.map((r) => (r.json as WebhookPayload).id);
    expect(ids.length).toBeGreaterThan(0);
    expect(new Set(ids).size).toBe(ids.length);
    expect(
      receiver.received.filter((r) => {
        const p = r.json as WebhookPayload;
        return p.offerId === "contoso-vm-certifying" && p.event === "awaitingSignoff";
      }),
    ).toHaveLength(1);
  });

  it("a clean stop hands the watcher over at the other instance's next round", async () => {
    const [a, b] = [await instance("a"), await instance("b")];
    await round(a, b);
    await a.watcher.stop();
    await round(b);
    expect(b.watcher.health().watching).toBe(true);
  });

  it("two simultaneous Go lives of one offer on two instances: one goes upstream, the other is told who holds it", async () => {
    const [a, b] = [await instance("a"), await instance("b")];
    let clock = now;
    const guards = [createStoreActionGuard(a.store.db, () => clock), createStoreActionGuard(b.store.db, () => clock)];
    const key = "contoso/contoso-saas-golive";
    for (let round = 0; round < 5; round++) {
      const results = await Promise.all([
        guards[0]!.tryAcquire(key, { action: "golive", by: "aaron@contoso.example" }),
        guards[1]!.tryAcquire(key, { action: "cancel", by: "bea@contoso.example" }),
      ]);
      const won = results.filter((r) => r.acquired);
      expect(won).toHaveLength(1);
      const lost = results.find((r) => !r.acquired);
      expect(lost).toMatchObject({ acquired: false });
      // Released with a settling time: still refused on either instance until it has passed.
      const winner = results.indexOf(won[0]!);
      await guards[winner]!.release(key, (won[0] as { lease: string }).lease, 10_000);
      expect((await guards[1 - winner]!.tryAcquire(key, { action: "golive", by: "x" })).acquired).toBe(false);
      expect(await guards[1 - winner]!.lastHolder(key)).toMatchObject({
        by: winner === 0 ? "aaron@contoso.example" : "bea@contoso.example",
      });
      clock += 10_001;
    }
  });

  it("a forced refresh of one offer on two instances at once goes upstream once; both answer what it fetched", async () => {
    const [a, b] = [await instance("a"), await instance("b")];
    const offerId = "contoso-vm-certifying";
    const read = (i: Instance) => {
      const env = h.env({ CACHE_TTL_STATUS_MS: "5000" });
      const cpp = createCpp(env, createTokenProvider(env));
      return readAcrossInstances({
        db: i.store.db,
        instance: i.name,
        publisherId: "contoso",
        offerId,
        freshMs: 5_000,
        waitMs: 5_000,
        live: () => cpp.getOfferStatus("contoso", offerId),
        record: async (live) => void (await recordStatus(i.store.db, live.value, live.fetchedAt)),
        pollMs: 20,
      });
    };
    const statusReads = async () => (await h.stats()).byOffer[`contoso/${offerId}`]?.status ?? 0;
    const before = await statusReads();
    const [fromA, fromB] = await Promise.all([read(a), read(b)]);
    expect((await statusReads()) - before).toBe(1);
    expect(fromA.fetchedAt).toBe(fromB.fetchedAt);
    expect(fromB.value.steps).toEqual(fromA.value.steps);
    // Within the freshness window a third refresh is answered from the record.
    await read(b);
    expect((await statusReads()) - before).toBe(1);
  });

  it("a change recorded by one instance reaches the live streams of the other, once, and is not sent back", async () => {
    const [a, b] = [await instance("a"), await instance("b")];
    const heard: { on: string; event: OfferEvent }[] = [];
    a.bus.subscribe((event) => heard.push({ on: "a", event }));
    b.bus.subscribe((event) => heard.push({ on: "b", event }));
    a.bus.publish({
      publisherId: "contoso",
      offerId: "contoso-vm-signoff",
      indicator: "publishing",
      previousIndicator: "awaitingSignoff",
      kinds: ["indicator"],
      notifications: [],
      at: new Date(now).toISOString(),
    });
    const deadline = Date.now() + 10_000;
    while (!heard.some((h) => h.on === "b") && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    await new Promise((r) => setTimeout(r, 300));
    expect(heard.map((h) => h.on)).toEqual(["a", "b"]);
    expect(heard[1]!.event).toMatchObject({
      offerId: "contoso-vm-signoff",
      indicator: "publishing",
      previousIndicator: "awaitingSignoff",
      relayed: true,
    });
  });
});
