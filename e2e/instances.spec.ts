import { expect, test } from "@playwright/test";

import { startEmulator, type RunningEmulator } from "../emulator/server";
import type { WebhookPayload } from "../lib/schemas/notifications";
import { DashboardProcess } from "../lib/server/testing/dashboard-process";
import { startPostgres, type PostgresServer } from "../lib/server/testing/postgres-server";
import { startReceiver, type Receiver } from "../lib/server/testing/receiver";
import { E2E_SESSION_SECRET, freshSessionCookie } from "./support/auth";
import { EmulatorControl } from "./support/emulator";
import { APP_PORT } from "./support/ports";

/**
 * Several instances as they are deployed: two dashboard processes (the standalone server the
 * container image runs) on one real PostgreSQL, against the emulator over HTTPS with real MSAL,
 * notifying a webhook receiver on loopback. Instance A signs in to the upstream as the
 * emulator's secret client and B as its certificate client, so the emulator counts each
 * instance's upstream requests apart. Both answer to one address, as behind a load balancer.
 */
const LEASE_MS = 3_000;
const BALANCER_URL = `http://127.0.0.1:${APP_PORT + 5}`;

let emulator: RunningEmulator;
let control: EmulatorControl;
let postgres: PostgresServer;
let receiver: Receiver;
let a: DashboardProcess;
let b: DashboardProcess;
let clients: { a: string; b: string };

test.describe.configure({ mode: "serial", timeout: 120_000 });

test.beforeAll(async () => {
  test.setTimeout(240_000);
  emulator = await startEmulator({ host: "127.0.0.1", port: 0, testMode: true });
  control = await EmulatorControl.connect(emulator.url);
  postgres = await startPostgres();
  receiver = await startReceiver();
  const { credentials } = emulator;
  clients = { a: credentials.clientId.toLowerCase(), b: credentials.certificateClientId.toLowerCase() };
  const shared: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    AZURE_TENANT_ID: credentials.tenantId,
    AZURE_AUTHORITY_HOST: emulator.url,
    CPP_API_BASE_URL: emulator.url,
    NODE_EXTRA_CA_CERTS: emulator.caFile,
    SESSION_SECRET: E2E_SESSION_SECRET,
    APP_BASE_URL: BALANCER_URL,
    DATABASE_URL: postgres.url,
    DEMO_MODE: "true",
    WATCH: "true",
    WATCH_PUBLISHERS: "contoso",
    WATCH_LIST_MS: "1000",
    WATCH_MIN_MS: "500",
    WATCH_MAX_MS: "2000",
    WATCH_LEASE_MS: String(LEASE_MS),
    NOTIFY_WEBHOOK_URL: receiver.url,
  };
  a = new DashboardProcess("instance A", APP_PORT + 3, {
    ...shared,
    AZURE_CLIENT_ID: credentials.clientId,
    AZURE_CLIENT_SECRET: credentials.clientSecret,
  });
  b = new DashboardProcess("instance B", APP_PORT + 4, {
    ...shared,
    AZURE_CLIENT_ID: credentials.certificateClientId,
    AZURE_CLIENT_CERTIFICATE_PATH: credentials.clientCertificatePath,
    AZURE_CLIENT_SECRET: "",
  });
  // A first, so that A is the one that watches.
  await a.start();
  await expect.poll(() => readiness(a), { timeout: 30_000 }).toMatchObject({ watcher: "watching" });
  await b.start();
});

test.afterAll(async () => {
  await Promise.allSettled([a?.stop(), b?.stop()]);
  await control?.dispose();
  await receiver?.close();
  await emulator?.close();
  postgres?.destroy();
});

async function readiness(instance: DashboardProcess): Promise<{ ready?: boolean; store?: string; watcher?: string }> {
  try {
    const res = await fetch(`${instance.url}/api/health?ready=1`);
    return (await res.json()) as { ready?: boolean; store?: string; watcher?: string };
  } catch {
    return {};
  }
}

async function requestsBy(client: string): Promise<number> {
  return (await control.stats()).byClient[client] ?? 0;
}

async function approverCookie(): Promise<string> {
  const cookie = await freshSessionCookie(BALANCER_URL, ["Approver"]);
  return `${cookie.name}=${cookie.value}`;
}

/** Go live as a page of the dashboard would send it (same origin: the balancer's address). */
async function goLive(instance: DashboardProcess, offerId: string, cookie: string): Promise<Response> {
  return fetch(`${instance.url}/api/publishers/contoso/offers/${offerId}/golive`, {
    method: "POST",
    headers: { cookie, origin: BALANCER_URL, "content-type": "application/json" },
    body: "{}",
  });
}

/** Reads one instance's live stream until `match` is seen, bounded in time. */
async function waitForStreamEvent(
  instance: DashboardProcess,
  cookie: string,
  match: (event: { offerId: string; indicator: string | null }) => boolean,
  trigger: () => Promise<unknown>,
  timeoutMs = 30_000,
): Promise<{ offerId: string; indicator: string | null }> {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), timeoutMs);
  try {
    const res = await fetch(`${instance.url}/api/events`, { headers: { cookie }, signal: abort.signal });
    expect(res.status).toBe(200);
    const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
    await trigger();
    let buffer = "";
    for (;;) {
      const { value, done } = await reader.read();
      if (done) throw new Error("the stream ended before the change arrived");
      buffer += value;
      let end: number;
      while ((end = buffer.indexOf("\n\n")) !== -1) {
        const chunk = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const data = /^data: (.*)$/m.exec(chunk)?.[1];
        if (!/^event: offer$/m.test(chunk) || data === undefined) continue;
        const event = JSON.parse(data) as { offerId: string; indicator: string | null };
        if (match(event)) return event;
      }
    }
  } finally {
    clearTimeout(timer);
    abort.abort();
  }
}

test("one instance watches the upstream; the other stands by, serves its viewers from the store and reads nothing upstream", async () => {
  expect(await readiness(a)).toMatchObject({ ready: true, store: "ok", watcher: "watching" });
  expect(await readiness(b)).toMatchObject({ ready: true, store: "ok", watcher: "standby" });
  const startA = await requestsBy(clients.a);
  // Several of A's rounds (a list read every second, offers in flight every 0.5–2 s)…
  await expect.poll(async () => (await requestsBy(clients.a)) - startA, { timeout: 30_000 }).toBeGreaterThan(20);
  // …and B, standing by, has not asked the upstream anything: together they cost what one costs.
  expect(await requestsBy(clients.b)).toBe(0);
  expect(await readiness(b)).toMatchObject({ watcher: "standby" });

  // Viewers on B get the list and an offer's status from the store A keeps: still nothing
  // upstream from B (12 polls over 6 s, longer than a list round and than the list cache).
  const cookie = await approverCookie();
  for (let i = 0; i < 12; i++) {
    for (const path of ["/api/publishers/contoso/offers", "/api/publishers/contoso/offers/contoso-vm-signoff/status"]) {
      const res = await fetch(`${b.url}${path}`, { headers: { cookie } });
      expect(res.status).toBe(200);
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  expect(await requestsBy(clients.b)).toBe(0);
});

test("a change the watching instance records reaches a live stream on the other instance", async () => {
  const cookie = await approverCookie();
  const offerId = "contoso-vm-signoff";
  const event = await waitForStreamEvent(
    b,
    cookie,
    (e) => e.offerId === offerId && e.indicator === "publishing",
    // Go live through A: A's watcher reads the offer again at once and records the change.
    async () => expect((await goLive(a, offerId, cookie)).status).toBe(202),
  );
  expect(event).toMatchObject({ offerId, indicator: "publishing" });
});

test("two Go lives of one offer at once, on A and on B, send one request upstream", async () => {
  const cookie = await approverCookie();
  const offerId = "contoso-app-signoff";
  const sent = async () => (await control.stats()).byOffer[`contoso/${offerId}`]?.golive ?? 0;
  const before = await sent();
  const answers = await Promise.all([goLive(a, offerId, cookie), goLive(b, offerId, cookie)]);
  const statuses = answers.map((r) => r.status).sort();
  expect(statuses).toEqual([202, 409]);
  const refused = answers.find((r) => r.status === 409)!;
  expect(((await refused.json()) as { error: { code: string } }).error.code).toBe("action_in_flight");
  expect((await sent()) - before).toBe(1);
});

test("when the watching instance dies, the other takes over within the lease and sends each event once", async () => {
  // An offer in certification reaches sign-off on the emulator's clock; the webhook says so once.
  const offerId = "contoso-vm-certifying";
  const signoffs = () =>
    receiver.received.filter((r) => {
      const payload = r.json as WebhookPayload;
      return payload.offerId === offerId && payload.event === "awaitingSignoff";
    });

  await a.kill();
  // The takeover is bounded by the lease (plus one of B's rounds to notice it has expired).
  await expect
    .poll(async () => (await readiness(b)).watcher, { timeout: LEASE_MS + 5_000, intervals: [250] })
    .toBe("watching");
  const startB = await requestsBy(clients.b);
  await expect.poll(async () => (await requestsBy(clients.b)) - startB, { timeout: 15_000 }).toBeGreaterThan(0);

  for (let i = 0; i < 15; i++) await control.advanceClock(90_000);
  await expect.poll(() => signoffs().length, { timeout: 30_000 }).toBe(1);

  // A comes back (a restart after the crash): it stands by, and nothing is sent again.
  await a.start();
  await expect.poll(async () => (await readiness(a)).watcher, { timeout: 15_000 }).toBe("standby");
  const startA = await requestsBy(clients.a);
  const watched = await requestsBy(clients.b);
  await expect.poll(async () => (await requestsBy(clients.b)) - watched, { timeout: 15_000 }).toBeGreaterThan(5);
  expect(await requestsBy(clients.a)).toBe(startA);
  expect(signoffs()).toHaveLength(1);
  const ids = receiver.received.map((r) => (r.json as WebhookPayload).id);
  expect(ids.length).toBeGreaterThan(0);
  expect(new Set(ids).size).toBe(ids.length);
});
