import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

import { startReceiver, type Receiver } from "@/lib/server/testing/receiver";

import { appEnv } from "./support/app";
import { SERVER_MODULE_ARGS, runTsJson } from "./support/child";
import { BULK_PUBLISHER, type BenchContext, type FigureResult } from "./support/context";
import type { OutboxInput, OutboxResult } from "./support/outbox-runner";
import { fmt, type Row } from "./support/table";
import { measureWatcherHour, simulateWatcherHour, type WatcherHour } from "./support/watcher-hour";

/**
 * Figure 10, notifications.
 *
 * Outbox rate: events recorded into a fresh store and delivered by the real notifier to a
 * local receiver (plain HTTP on loopback, answering 200 at once), 4 in flight
 * (NOTIFY_CONCURRENCY's default), until the store marks each delivered. Baseline: the same
 * requests sent straight to the same receiver at the same concurrency, with no store.
 *
 * Watcher's extra cost: the simulated hours of watcher-hour.ts (the real watcher following the
 * bulk publisher, 5,000 offers, its advancing offers reaching sign-off) run once more with the
 * notifier beside it and three channels on (webhook signed, Teams, Slack), each a local
 * receiver; the process's CPU against the same hours without channels (figure 8's run).
 */
const EVENTS = 2_000;
const QUICK_EVENTS = 400;
const CONCURRENCY = 4;

export interface NotifyData {
  outbox: OutboxResult;
  without: WatcherHour;
  withChannels: WatcherHour;
  received: { webhook: number; teams: number; slack: number };
}

async function outboxRate(ctx: BenchContext, receiver: Receiver): Promise<OutboxResult> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "bench-outbox-"));
  const events = ctx.quick ? QUICK_EVENTS : EVENTS;
  ctx.log(`notify: ${events} events through the outbox to a local receiver`);
  try {
    const env = appEnv(ctx.emulator, {
      SESSION_SECRET: ctx.session.secret,
      DATA_DIR: dataDir,
      NOTIFY_WEBHOOK_URL: receiver.url,
      NOTIFY_WEBHOOK_SECRET: "bench-webhook-secret-0123456789",
    });
    return await runTsJson<OutboxResult>(
      "bench/support/outbox-runner.ts",
      { events, concurrency: CONCURRENCY } satisfies OutboxInput,
      env,
      15 * 60_000,
      SERVER_MODULE_ARGS,
    );
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export async function runNotify(ctx: BenchContext): Promise<FigureResult> {
  const [webhook, teams, slack] = [await startReceiver(), await startReceiver(), await startReceiver()];
  try {
    const outbox = await outboxRate(ctx, webhook);
    webhook.received.length = 0;
    const without = await measureWatcherHour(ctx);
    ctx.log("notify: the watcher's hours again, with three channels on");
    const withChannels = await simulateWatcherHour(ctx, {
      NOTIFY_WEBHOOK_URL: webhook.url,
      NOTIFY_WEBHOOK_SECRET: "bench-webhook-secret-0123456789",
      NOTIFY_TEAMS_WEBHOOK_URL: teams.url,
      NOTIFY_SLACK_WEBHOOK_URL: slack.url,
    });
    const received = { webhook: webhook.received.length, teams: teams.received.length, slack: slack.received.length };
    const data: NotifyData = { outbox, without, withChannels, received };
    return { rows: [outboxRow(outbox), watcherRow(without, withChannels, received)], data };
  } finally {
    await Promise.all([webhook.close(), teams.close(), slack.close()]);
  }
}

function outboxRow(o: OutboxResult): Row {
  const ours = (o.delivered / o.outboxMs) * 1000;
  const direct = (o.events / o.directMs) * 1000;
  return {
    figure: "10 Notifications",
    measure: `events delivered by the outbox to a local receiver (${fmt.int(o.events)} events, ${CONCURRENCY} in flight, signed webhook, PGlite)`,
    ours: `${fmt.int(ours)} events/s (${fmt.int(o.delivered)} delivered in ${fmt.dec(o.outboxMs / 1000)} s)`,
    baseline: `${fmt.int(direct)} events/s sent straight, no store`,
    note: `${fmt.ratio(direct, ours)} the baseline's time; CPU ${fmt.dec(o.outboxCpuMs / o.events, 2)} ms an event (straight: ${fmt.dec(o.directCpuMs / o.events, 2)} ms)`,
  };
}

function watcherRow(without: WatcherHour, withChannels: WatcherHour, received: NotifyData["received"]): Row {
  const events = withChannels.first.notificationEvents + withChannels.steady.notificationEvents;
  const off = without.firstHour.cpuMs + without.perHour.cpuMs;
  const on = withChannels.firstHour.cpuMs + withChannels.perHour.cpuMs;
  return {
    figure: "10 Notifications",
    measure: `watcher CPU over its first two hours following ${BULK_PUBLISHER} (5,000 offers), with three channels on (webhook, Teams, Slack; local receivers)`,
    ours: `${fmt.dec(on / 1000)} s`,
    baseline: `${fmt.dec(off / 1000)} s without channels`,
    note: `${fmt.ratio(on, off)} the baseline; ${fmt.int(events)} events, received webhook ${received.webhook}, Teams ${received.teams}, Slack ${received.slack}`,
  };
}
