import "server-only";

import { getEnv, type ServerEnv } from "@/lib/env";

import { createMemoryActionGuard, type ActionGuard } from "./action-guard";
import { createCpp } from "./cpp";
import { createPartnerCenter } from "./partner-center";
import { createTokenProvider, type TokenProvider } from "./token";
import type { Upstream } from "./upstream/provider";

/**
 * The process-wide services: one token provider (one MSAL application and its cache) and
 * one adapter (one coalescer) and the guard of Go live / Cancel, created on first use. Kept on
 * globalThis: Next compiles instrumentation (which starts the watcher) and the route handlers
 * as separate entries, and both must share one coalescer and one token cache.
 */
interface Services {
  env: ServerEnv;
  tokens: TokenProvider;
  /** The upstream adapter (named `cpp` from when it was the only one). */
  cpp: Upstream;
  /** One Go live / Cancel per offer at a time (in memory; one instance). */
  guard: ActionGuard;
}

const KEY = Symbol.for("offer-status-dashboard.services");
const registry = globalThis as { [KEY]?: Services };

export function getServices(): Services {
  let services = registry[KEY];
  if (!services) {
    const env = getEnv();
    const tokens = createTokenProvider(env);
    const upstream =
      env.UPSTREAM === "partner-center"
        ? createPartnerCenter(env, tokens, undefined, { recordedJob: (offerId) => recordedGoLiveJob(env, offerId) })
        : createCpp(env, tokens);
    services = { env, tokens, cpp: upstream, guard: createMemoryActionGuard() };
    registry[KEY] = services;
  }
  return services;
}

/**
 * The configure job of an offer's last accepted Go live, from the audit in the store: Partner
 * Center lists no jobs, and another instance (or this one before a restart) may have started it.
 */
async function recordedGoLiveJob(env: ServerEnv, offerId: string): Promise<string | null> {
  // Loaded on use: the recorder itself builds on these services.
  const [{ getRecorder }, { readActivity }] = await Promise.all([import("./recorder"), import("./store/history")]);
  const recorder = getRecorder();
  if (!recorder) return null;
  const [last] = await readActivity(recorder.store.db, {
    publisherId: env.PARTNER_CENTER_SELLER_ID,
    offerId,
    action: "golive",
    outcome: "accepted",
    limit: 1,
  });
  return last?.operationId ?? null;
}
