/**
 * Child runner: MSAL Node alone, without the dashboard's single-flight, against the emulator
 * (started with NODE_EXTRA_CA_CERTS so MSAL trusts it). It drives the emulator's control API
 * itself so each scenario's count covers exactly its burst.
 *
 * Phases, `cache` or `burst` per process (MSAL Node shares its token cache between the
 * applications of one process, so the expiry burst needs a process of its own):
 * - `cold`: a fresh ConfidentialClientApplication, `total` acquisitions `concurrency` at a
 *   time; `warm`: the same again.
 * - `expiry`: another application holding one token of `shortLifetimeSeconds` (MSAL renews
 *   5 min before expiry, so it is stale seconds later), then `burst` acquisitions at once.
 * - `skipCache`: `burst` acquisitions at once with skipCache (what a naive "refresh on 401"
 *   does after a revocation).
 */
import { ConfidentialClientApplication } from "@azure/msal-node";

import { readChildInput, sleep, writeChildResult } from "./child";

export interface MsalAloneInput {
  phases: "cache" | "burst";
  emulatorUrl: string;
  tenantId: string;
  clientId: string;
  clientSecret: string;
  scope: string;
  concurrency: number;
  total: number;
  burst: number;
  shortLifetimeSeconds: number;
  /** Waited beyond the renewal point (MSAL rounds to whole seconds). */
  staleMarginMs: number;
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

// Configured as lib/server/token.ts does. The `system` block matters beyond logging: in
// MSAL Node 7 without it, a cached client-credentials token is used until it has expired
// instead of being renewed 5 minutes before (measured here; the dashboard sets it).
const newApp = () =>
  new ConfidentialClientApplication({
    auth: {
      clientId: input.clientId,
      clientSecret: input.clientSecret,
      authority: `${input.emulatorUrl}/${input.tenantId}`,
      knownAuthorities: [new URL(input.emulatorUrl).host],
    },
    system: { loggerOptions: { piiLoggingEnabled: false, logLevel: 0, loggerCallback: () => undefined } },
  });

let failed = 0;
const acquire = (app: ConfidentialClientApplication, skipCache = false) =>
  app.acquireTokenByClientCredential({ scopes: [input.scope], skipCache }).catch(() => {
    failed++;
    return null;
  });

/** `total` acquisitions, at most `concurrency` in flight. */
async function drive(app: ConfidentialClientApplication, total: number, concurrency: number, skipCache = false) {
  let started = 0;
  const worker = async () => {
    while (started < total) {
      started++;
      await acquire(app, skipCache);
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
const app = newApp();
if (input.phases === "cache") {
  phases.push(await phase("cold", () => drive(app, input.total, input.concurrency), input.total));
  phases.push(await phase("warm", () => drive(app, input.total, input.concurrency), input.total));
} else {
  await control("PUT", "config", { tokenLifetimeSeconds: input.shortLifetimeSeconds });
  await acquire(app);
  const issuedAt = Date.now();
  await control("PUT", "config", { tokenLifetimeSeconds: 3600 });
  // MSAL treats a token as expired 300 s before its end: wait until that moment has passed.
  await sleep(Math.max(0, (input.shortLifetimeSeconds - 300) * 1000 - (Date.now() - issuedAt)) + input.staleMarginMs);
  phases.push(await phase("expiry", () => drive(app, input.burst, input.burst), input.burst));
  phases.push(await phase("skipCache", () => drive(app, input.burst, input.burst, true), input.burst));
}
writeChildResult({ phases } satisfies MsalAloneResult);
