import { request } from "node:http";

import { sleep } from "./support/child";
import type { BenchContext, FigureResult } from "./support/context";
import { percentile } from "./support/load";
import { startScratchEmulator, waitForFirstRound, watchingApp } from "./support/recorder";
import { withRoles } from "./support/session";
import { StreamSet, type Receipt } from "./support/sse-streams";
import { fmt, type Row } from "./support/table";

/**
 * Figure 7, the live stream (/api/events): how many open streams one instance holds, what
 * each costs in server memory, and how long a recorded change takes to reach every client.
 *
 * One instance with the watcher on (the demo's publishers contoso and fabrikam) against an
 * emulator of its own (Go live changes its data). N plain HTTP clients read the stream with
 * a viewer's session cookie, as EventSource does; RSS of next-server before and after they
 * are open. Then an approver takes offers awaiting sign-off live through our API: the
 * watcher is woken, reads the offer, records the change and publishes it; each client notes
 * the event's arrival against its `at` (when the server recorded it; one machine, one clock).
 *
 * Baseline: what a browser waited before the stream: the All offers page polls every 30 s
 * (POLL_LIST_MS) while offers are in flight, so a change showed up after half the interval on
 * average and 95% of it at the 95th percentile (the Status tab, polling every 10 s, a third).
 */
const STREAMS = 1_000;
const QUICK_STREAMS = 200;
const LIST_POLL_MS = 30_000;
const EVENT_TIMEOUT_MS = 30_000;
const SIGNOFF_OFFERS = [
  { publisherId: "contoso", offerId: "contoso-vm-signoff" },
  { publisherId: "contoso", offerId: "contoso-app-signoff" },
  { publisherId: "fabrikam", offerId: "fabrikam-vm-signoff" },
] as const;

export interface SseData {
  streams: number;
  opened: number;
  failed: number;
  rssBeforeMiB: number;
  rssOpenMiB: number;
  stillOpen: number;
  events: { offerId: string; goLiveStatus: number; received: number }[];
  latency: { count: number; p50Ms: number; p95Ms: number; maxMs: number };
}

/** POST Go live as an approver, from the dashboard's own origin (state changes must be). */
function goLive(appUrl: string, cookie: string, publisherId: string, offerId: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${appUrl}/api/publishers/${publisherId}/offers/${offerId}/golive`,
      { method: "POST", headers: { Cookie: cookie, Origin: appUrl, "Content-Type": "application/json" } },
      (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 0));
      },
    );
    req.on("error", reject);
    req.end("{}");
  });
}

function latencySummary(receipts: readonly Receipt[]): SseData["latency"] {
  const sorted = receipts.map((r) => r.latencyMs).sort((a, b) => a - b);
  return {
    count: sorted.length,
    p50Ms: percentile(sorted, 50),
    p95Ms: percentile(sorted, 95),
    maxMs: sorted.at(-1) ?? Number.NaN,
  };
}

export async function runSse(ctx: BenchContext): Promise<FigureResult> {
  const count = ctx.quick ? QUICK_STREAMS : STREAMS;
  const emulator = await startScratchEmulator(ctx);
  const watching = watchingApp(ctx, emulator, "dashboard (watcher on, live stream)", {
    WATCH_PUBLISHERS: SIGNOFF_OFFERS.map((o) => o.publisherId)
      .filter((p, i, all) => all.indexOf(p) === i)
      .join(","),
  });
  const streams = new StreamSet();
  try {
    await watching.app.start();
    await waitForFirstRound(emulator, 1);
    const app = watching.app;
    const rssBeforeMiB = app.rssMiB();
    ctx.log(`sse: opening ${count} streams`);
    await streams.open(`${app.url}/api/events`, count, ctx.auth);
    await sleep(2_000);
    const opened = streams.openCount;
    const rssOpenMiB = app.rssMiB();
    const approver = await withRoles(ctx.session, ["Approver"]);
    // Past the status TTL of the watcher's first reads: Go live's own read is then fresh.
    await sleep(ctx.statusTtlMs + 1_000);
    const events: SseData["events"] = [];
    for (const { publisherId, offerId } of SIGNOFF_OFFERS) {
      const goLiveStatus = await goLive(app.url, approver.header, publisherId, offerId);
      const received = await streams.waitForEvent(offerId, EVENT_TIMEOUT_MS);
      ctx.log(`sse: Go live ${offerId} → ${goLiveStatus}; event received by ${received} of ${streams.openCount}`);
      events.push({ offerId, goLiveStatus, received });
    }
    const data: SseData = {
      streams: count,
      opened,
      failed: streams.failed,
      rssBeforeMiB,
      rssOpenMiB,
      stillOpen: streams.openCount,
      events,
      latency: latencySummary(streams.receipts()),
    };
    return { rows: rows(data), data };
  } finally {
    streams.close();
    await watching.dispose();
    await emulator.close();
  }
}

function rows(d: SseData): Row[] {
  const perStreamKiB = d.opened > 0 ? ((d.rssOpenMiB - d.rssBeforeMiB) * 1024) / d.opened : Number.NaN;
  const received = d.events.reduce((n, e) => n + e.received, 0);
  const expected = d.events.length * d.opened;
  const baselineP50 = LIST_POLL_MS / 2;
  const baselineP95 = LIST_POLL_MS * 0.95;
  return [
    {
      figure: "7 Live stream",
      measure: `open /api/events streams one instance holds (${fmt.int(d.streams)} clients, one viewer's cookie each)`,
      ours: `${fmt.int(d.opened)} open, ${fmt.int(d.stillOpen)} still open after ${d.events.length} events`,
      baseline: `${fmt.mib(d.rssBeforeMiB)} RSS before`,
      note:
        `+${fmt.dec(perStreamKiB)} KiB RSS per stream (${fmt.mib(d.rssOpenMiB)} with them open)` +
        (d.failed > 0 ? `; ${d.failed} did not open` : ""),
    },
    {
      figure: "7 Live stream",
      measure: "a recorded change (Go live → the watcher's read) → the event at each client, median / p95",
      ours: `${fmt.ms(d.latency.p50Ms)} / ${fmt.ms(d.latency.p95Ms)} (max ${fmt.ms(d.latency.maxMs)})`,
      baseline: `${fmt.ms(baselineP50)} / ${fmt.ms(baselineP95)} (polling every ${LIST_POLL_MS / 1000} s)`,
      note:
        `${fmt.ratio(baselineP50, d.latency.p50Ms)} sooner at the median; ${fmt.int(received)} of ${fmt.int(expected)} ` +
        `events arrived (${d.events.length} changes × ${fmt.int(d.opened)} streams)`,
    },
  ];
}
