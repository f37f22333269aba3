/**
 * The recorder on the second upstream: the same watcher and store, reading Partner Center's
 * Product Ingestion API in the emulator over real HTTPS with the real MSAL library, the two
 * clocks moved together by the test.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";

import { EventBus } from "@/lib/server/recorder/events";
import { Watcher, type WatcherLogger } from "@/lib/server/recorder/watcher";
import { readHistory } from "@/lib/server/store/history";
import { readList, readOffer } from "@/lib/server/store/offers";
import { startHarness, type Harness } from "@/lib/server/testing/emulator-harness";
import { openTestStore, type TestStore } from "@/lib/server/testing/test-stores";
import { createTokenProvider } from "@/lib/server/token";

import { createPartnerCenter } from "./index";

let h: Harness;
let t: TestStore;
let now: number;
const logged: Record<string, unknown>[] = [];
const logger: WatcherLogger = { info: (e) => logged.push(e), error: (e) => logged.push({ ...e, level: "error" }) };
const MINUTE = 60_000;

beforeAll(async () => {
  h = await startHarness({ upstream: "partner-center" });
});
afterAll(async () => {
  await h.close();
});
beforeEach(async () => {
  await h.control("POST", "/_emulator/reset");
  t = await openTestStore("pglite");
  now = Date.parse((await h.control<{ now: string }>("GET", "/_emulator/clock")).now);
});
afterEach(async () => {
  await t.dispose();
});

async function advance(ms: number) {
  now += ms;
  await h.control("POST", "/_emulator/clock", { advanceMs: ms });
}

describe("the watcher on Partner Center", { timeout: 180_000 }, () => {
  it("records the seller's offers and a preview reaching sign-off on the emulator's clock", async () => {
    const env = h.env({ CACHE_TTL_LIST_MS: "0", CACHE_TTL_STATUS_MS: "0" });
    const w = new Watcher({
      upstream: createPartnerCenter(env, createTokenProvider(env)),
      db: t.store.db,
      events: new EventBus(),
      publishers: "*",
      listMs: MINUTE,
      pace: { minMs: 10_000, maxMs: 10 * MINUTE },
      concurrency: 4,
      retentionDays: 180,
      now: () => now,
      logger,
    });
    await w.tick();
    expect((await readList(t.store.db, "seller")).rows.length).toBe(16);
    expect((await readOffer(t.store.db, "seller", "pc-saas-signoff"))?.indicator).toBe("awaitingSignoff");
    expect((await readOffer(t.store.db, "seller", "pc-vm-preview"))?.indicator).toBe("publishing");
    expect((await readOffer(t.store.db, "seller", "pc-vm-delisted"))?.indicator).toBe("delisted");
    for (let i = 0; i < 8; i++) {
      await advance(5 * MINUTE);
      await w.tick();
    }
    expect((await readOffer(t.store.db, "seller", "pc-vm-preview"))?.indicator).toBe("awaitingSignoff");
    const history = await readHistory(t.store.db, "seller", "pc-vm-preview");
    expect(history.transitions.find((x) => x.kind === "indicator")).toMatchObject({
      from: "publishing",
      to: "awaitingSignoff",
    });
    expect((await readOffer(t.store.db, "seller", "pc-vm-failing"))?.indicator).toBe("failed");
    expect(logged.filter((e) => e.level === "error")).toEqual([]);
  });
});
