/**
 * Child runner: MSAL Node alone, without the dashboard's single-flight, against the emulator
 * (started with NODE_EXTRA_CA_CERTS so MSAL trusts it). It drives the emulator's control API
 * itself so each scenario's count covers exactly its burst.
 *
 * - `cold`: a fresh ConfidentialClientApplication, `total` acquisitions `concurrency` at a
 *   time, then the same again warm.
 * - `expiry`: one token of `shortLifetimeSeconds` (MSAL renews 5 min before expiry, so it
 *   is stale seconds later), then `concurrency` acquisitions at once.
 * - `skipCache`: `concurrency` acquisitions at once with skipCache (what a naive "refresh
 *   on 401" does after a revocation).
 */
import { ConfidentialClientApplication } from "@azure/msal-node";

import { readChildInput, sleep, writeChildResult } from "./child";

export interface MsalAloneInput {
  mode: "cold" | "expiry" | "skipCache";
  emulatorUrl: string;
  tenantId: string;
  clientId: string;
  clientSecret: string;
  scope: string;
  concurrency: number;
  total: number;
  shortLifetimeSeconds: number;
}

export interface MsalAloneResult {
  /** Token endpoint requests counted by the emulator, per phase. */
  phases: { name: string; acquisitions: number; tokenRequests: number; failed: number }[];
}

const input = readChildInput<MsalAloneInput>();

async function control<T>(method: string, route: string, body?: unknown): Promise<T> {
  const res = await fetch(`${input.emulatorUrl}/_emulator/${route}`, {
    method,
    headers: body === undefined ? {} : { "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`control ${method} ${route} → ${res.status}`);
  return (await res.json()) as T;
}

const tokenRequests = async () => (await control<{ tokenRequests: number }>("GET", "stats")).tokenRequests;

const app = new ConfidentialClientApplication({
  auth: {
    clientId: input.clientId,
    clientSecret: input.clientSecret,
    authority: `${input.emulatorUrl}/${input.tenantId}`,
    knownAuthorities: [new URL(input.emulatorUrl).host],
  },
});

let failed = 0;
const acquire = (skipCache = false) =>
  app.acquireTokenByClientCredential({ scopes: [input.scope], skipCache }).catch(() => {
    failed++;
    return null;
  });

/** `total` acquisitions, at most `concurrency` in flight. */
async function drive(total: number, concurrency: number, skipCache = false): Promise<void> {
  let started = 0;
  const worker = async () => {
    while (started < total) {
      started++;
      await acquire(skipCache);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, total) }, worker));
}

async function phase(name: string, run: () => Promise<void>, acquisitions: number) {
  failed = 0;
  await control("POST", "stats/reset");
  await run();
  return { name, acquisitions, tokenRequests: await tokenRequests(), failed };
}

const phases: MsalAloneResult["phases"] = [];
if (input.mode === "cold") {
  phases.push(await phase("cold", () => drive(input.total, input.concurrency), input.total));
  phases.push(await phase("warm", () => drive(input.total, input.concurrency), input.total));
} else if (input.mode === "expiry") {
  await control("PUT", "config", { tokenLifetimeSeconds: input.shortLifetimeSeconds });
  await acquire();
  const issuedAt = Date.now();
  await control("PUT", "config", { tokenLifetimeSeconds: 3600 });
  // MSAL treats a token as expired 300 s before its end: wait until that moment has passed.
  await sleep(Math.max(0, (input.shortLifetimeSeconds - 300) * 1000 - (Date.now() - issuedAt)) + 500);
  phases.push(await phase("expiry", () => drive(input.concurrency, input.concurrency), input.concurrency));
} else {
  await acquire();
  phases.push(await phase("skipCache", () => drive(input.concurrency, input.concurrency, true), input.concurrency));
}
writeChildResult({ phases } satisfies MsalAloneResult);
