import { describe, expect, it } from "vitest";

import { Coalescer, mapWithConcurrency } from "./coalescer";

describe("coalescer", () => {
  it("shares one in-flight load among concurrent callers and keeps it for the TTL", async () => {
    let now = 0;
    const cache = new Coalescer({ enabled: true, now: () => now });
    let loads = 0;
    const load = async () => ++loads;
    const results = await Promise.all(Array.from({ length: 100 }, () => cache.get("k", 1000, load)));
    expect(loads).toBe(1);
    expect(new Set(results.map((r) => r.value))).toEqual(new Set([1]));
    now = 999;
    expect((await cache.get("k", 1000, load)).value).toBe(1);
    now = 1001;
    expect((await cache.get("k", 1000, load)).value).toBe(2);
  });

  it("never keeps a failure", async () => {
    const cache = new Coalescer({ enabled: true });
    await expect(cache.get("k", 10_000, () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    expect((await cache.get("k", 10_000, async () => "ok")).value).toBe("ok");
  });

  it("drops a value its keep test refuses, like a failure", async () => {
    const cache = new Coalescer({ enabled: true });
    let loads = 0;
    const load = async () => ++loads;
    const keep = (value: number) => value > 1;
    expect((await cache.get("k", 60_000, load, keep)).value).toBe(1);
    expect((await cache.get("k", 60_000, load, keep)).value).toBe(2);
    expect((await cache.get("k", 60_000, load, keep)).value).toBe(2);
  });

  it("invalidates by prefix and can be switched off", async () => {
    const cache = new Coalescer({ enabled: true });
    let loads = 0;
    await cache.get("status:a/1", 60_000, async () => ++loads);
    cache.invalidate("status:a/");
    await cache.get("status:a/1", 60_000, async () => ++loads);
    expect(loads).toBe(2);

    const off = new Coalescer({ enabled: false });
    let offLoads = 0;
    await Promise.all(Array.from({ length: 5 }, () => off.get("k", 60_000, async () => ++offLoads)));
    expect(offLoads).toBe(5);
  });

  it("bounds its size", async () => {
    const cache = new Coalescer({ enabled: true, maxEntries: 10 });
    for (let i = 0; i < 50; i++) await cache.get(`k${i}`, 60_000, async () => i);
    expect(cache.size).toBeLessThanOrEqual(10);
  });

  it("clears out expired entries as new ones arrive, at most once per sweep interval", async () => {
    let now = 0;
    const cache = new Coalescer({ enabled: true, sweepEveryMs: 30_000, now: () => now });
    for (let i = 0; i < 100; i++) await cache.get(`status:${i}`, 5_000, async () => i);
    expect(cache.size).toBe(100);

    now = 10_000; // all expired, but the sweep is not due: nothing is walked yet
    await cache.get("status:new-1", 5_000, async () => 0);
    expect(cache.size).toBe(101);

    now = 30_000; // due: the expired hundred go, the fresh entry stays
    await cache.get("status:new-2", 5_000, async () => 0);
    expect(cache.size).toBe(1);
    expect((await cache.get("status:new-2", 5_000, async () => 99)).value).toBe(0);
  });

  it("runs tasks with bounded concurrency, keeping order", async () => {
    let running = 0;
    let peak = 0;
    const out = await mapWithConcurrency([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 3, async (n) => {
      running++;
      peak = Math.max(peak, running);
      await new Promise((r) => setTimeout(r, 5));
      running--;
      return n * 2;
    });
    expect(out).toEqual([2, 4, 6, 8, 10, 12, 14, 16, 18, 20]);
    expect(peak).toBe(3);
  });
});
