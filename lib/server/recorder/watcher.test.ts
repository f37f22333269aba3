/**
 * The watcher end to end: the emulator over real HTTPS with the real MSAL library, a real
 * PGlite store, and the two clocks (the emulator's and the watcher's) moved together by the
 * test, so every tick's work is deterministic.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";

import { createCpp } from "@/lib/server/cpp";
import { readHistory } from "@/lib/server/store/history";
import { readList, readOffer } from "@/lib/server/store/offers";
import { startHarness, type Harness } from "@/lib/server/testing/emulator-harness";
import { openTestStore, postgresServer, stopPostgres, type TestStore } from "@/lib/server/testing/test-stores";
import { createTokenProvider } from "@/lib/server/token";

import { EventBus } from "./events";
import { Watcher, type WatcherLogger } from "./watcher";

let h: Harness;
let t: TestStore;
let now: number;
let logged: Record<string, unknown>[];

const logger: WatcherLogger = { info: (e) => logged.push(e), error: (e) => logged.push({ ...e, level: "error" }) };
const MINUTE = 60_000;

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});
beforeEach(async () => {
  await h.control("POST", "/_emulator/reset");
  await h.control("DELETE", "/_emulator/faults");
  t = await openTestStore("pglite");
  now = Date.parse((await h.control<{ now: string }>("GET", "/_emulator/clock")).now);
  logged = [];
});
afterEach(async () => {
  await t.dispose();
});

function watcher(events = new EventBus(), publishers: "*" | string[] = "*") {
  const env = h.env({ CACHE_TTL_LIST_MS: "0", CACHE_TTL_STATUS_MS: "0" });
  const cpp = createCpp(env, createTokenProvider(env));
  return new Watcher({
    upstream: cpp,
    db: t.store.db,
    events,
    publishers,
    listMs: MINUTE,
    pace: { minMs: 10_000, maxMs: 10 * MINUTE },
    concurrency: 4,
    retentionDays: 180,
    now: () => now,
    logger,
  });
}

/** Moves both clocks. */
async function advance(ms: number) {
  now += ms;
  await h.control("POST", "/_emulator/clock", { advanceMs: ms });
}

const apiRequests = async () => (await h.stats()).apiRequests;

// Real HTTPS, real MSAL, real databases: generous limits for a busy 2-core machine.
describe("the watcher", { timeout: 180_000 }, () => {
  it("records every watched publisher's offers and the state of those in flight", async () => {
    const w = watcher();
    await w.tick();
    const contoso = await readList(t.store.db, "contoso");
    expect(contoso.rows.length).toBeGreaterThan(10);
    expect((await readOffer(t.store.db, "contoso", "contoso-vm-signoff"))?.indicator).toBe("awaitingSignoff");
    expect((await readOffer(t.store.db, "contoso", "contoso-vm-certifying"))?.indicator).toBe("publishing");
    expect((await readOffer(t.store.db, "contoso", "contoso-container-live"))?.indicator).toBe("live");
    expect((await readOffer(t.store.db, "contoso", "contoso-vm-delisted"))?.indicator).toBe("delisted");
    expect((await readList(t.store.db, "fabrikam")).rows.length).toBeGreaterThan(0);
    // Live offers' status documents are not read: their list entry says all there is.
    expect((await readOffer(t.store.db, "contoso", "contoso-container-live"))?.status).toBeNull();
  });

  it("costs the upstream nothing between its scheduled reads", async () => {
    const w = watcher();
    await w.tick();
    const after = await apiRequests();
    await advance(5_000);
    await w.tick();
    await w.tick();
    expect(await apiRequests()).toBe(after);
  });

  it("reads offers in flight at the pace of their step, and sign-off slowly", async () => {
    const w = watcher();
    await w.tick();
    await h.control("POST", "/_emulator/stats/reset");
    // 90 s: a "< 15 min" step is due (a tenth of its estimate); sign-off (10 min) is not.
    await advance(90_000);
    await w.tick();
    const stats = await h.stats();
    const statusReads = stats.byRoute["GET /api/publishers/{p}/offers/{o}/status"] ?? 0;
    expect(statusReads).toBeGreaterThan(0);
    const inFlight = (await readList(t.store.db, "contoso")).rows.filter(
      (r) => r.indicator === "publishing" || r.indicator === "awaitingSignoff",
    );
    expect(statusReads).toBeLessThan(inFlight.length + 2);
  });

  it("records a step's observed start, end and duration as an offer advances on the emulator's clock", async () => {
    const events = new EventBus();
    const seen: string[] = [];
    events.subscribe((e) => seen.push(`${e.offerId}:${e.kinds.join("+")}`));
    const w = watcher(events, ["contoso"]);
    await w.tick();
    for (let i = 0; i < 40; i++) {
      await advance(90_000);
      await w.tick();
    }
    const history = await readHistory(t.store.db, "contoso", "contoso-vm-certifying");
    const stepChanges = history.transitions.filter((x) => x.kind === "step");
    expect(stepChanges.length).toBeGreaterThan(0);
    const timed = history.steps.filter((s) => s.durationMs !== null);
    expect(timed.length).toBeGreaterThan(0);
    for (const s of timed) expect(s.durationMs).toBeGreaterThan(0);
    expect(seen.some((s) => s.startsWith("contoso-vm-certifying:"))).toBe(true);
  });

  it("sees a Go live at once and records the offer leaving sign-off", async () => {
    const w = watcher(new EventBus(), ["contoso"]);
    await w.tick();
    const env = h.env();
    await createCpp(env, createTokenProvider(env)).goLive("contoso", "contoso-saas-golive");
    w.wake("contoso", "contoso-saas-golive");
    await advance(1_000);
    await w.tick();
    const history = await readHistory(t.store.db, "contoso", "contoso-saas-golive");
    expect(history.transitions[0]).toMatchObject({ kind: "indicator", from: "awaitingSignoff", to: "publishing" });
  });

  it("survives upstream faults and backs off, then catches up", async () => {
    const w = watcher(new EventBus(), ["contoso"]);
    await h.control("POST", "/_emulator/faults", { target: "api", kind: "status", status: 503, retryAfter: 120 });
    await w.tick();
    expect(logged.some((e) => e.level === "error")).toBe(true);
    expect((await readList(t.store.db, "contoso")).rows).toHaveLength(0);
    await h.control("DELETE", "/_emulator/faults");
    // Retry-After is honoured: nothing before 120 s …
    await advance(60_000);
    await w.tick();
    expect((await readList(t.store.db, "contoso")).rows).toHaveLength(0);
    await advance(61_000);
    await w.tick();
    expect((await readList(t.store.db, "contoso")).rows.length).toBeGreaterThan(10);
  });

  it("keeps going while PostgreSQL is down and records each change once when it is back", async () => {
    const pgStore = await openTestStore("postgres");
    const server = await postgresServer();
    const w = new Watcher({ ...optionsOf(watcher(new EventBus(), ["contoso"])), db: pgStore.store.db });
    try {
      await w.tick();
      const before = await readHistory(pgStore.store.db, "contoso", "contoso-saas-golive");
      server.stop();
      const env = h.env();
      await createCpp(env, createTokenProvider(env)).goLive("contoso", "contoso-saas-golive");
      w.wake("contoso", "contoso-saas-golive");
      await advance(1_000);
      await w.tick();
      expect(w.health().storeOk).toBe(false);
      expect(logged.some((e) => String(e.msg).includes("store is unavailable"))).toBe(true);

      server.start();
      await advance(10_000);
      await w.tick();
      await advance(10_000);
      await w.tick();
      expect(w.health().storeOk).toBe(true);
      const after = await readHistory(pgStore.store.db, "contoso", "contoso-saas-golive");
      expect(after.transitions.filter((x) => x.kind === "indicator" && x.from === "awaitingSignoff")).toHaveLength(1);
      expect(after.transitions.length).toBeGreaterThan(before.transitions.length);
    } finally {
      await w.stop();
      await pgStore.dispose();
      stopPostgres();
    }
  });
});

function optionsOf(w: Watcher): ConstructorParameters<typeof Watcher>[0] {
  return (w as unknown as { options: ConstructorParameters<typeof Watcher>[0] }).options;
}
