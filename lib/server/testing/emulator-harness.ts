/**
 * Test-only: starts the emulator in test mode and builds the dashboard's configuration for
 * it, as the launcher does. Requests go over real HTTPS, trusted through NODE_EXTRA_CA_CERTS
 * (set by vitest.global-setup.ts), with the real MSAL library.
 */
import path from "node:path";

import { parseEnv, type ServerEnv } from "@/lib/env";
import { startEmulator, type RunningEmulator } from "@/emulator/server";
import { newSession, sealSession, sessionCookieName } from "@/lib/server/auth/session";

/** The origin the tests' requests pretend to come from (APP_BASE_URL). */
export const TEST_APP_URL = "http://127.0.0.1:3000";

export const testUsers = {
  approver: {
    oid: "test-oid-approver",
    name: "Aaron Approver",
    username: "aaron@contoso.example",
    roles: ["Approver"],
  },
  viewer: { oid: "test-oid-viewer", name: "Vera Viewer", username: "vera@contoso.example", roles: [] },
} as const;

export interface Harness {
  emulator: RunningEmulator;
  vars: Record<string, string>;
  env(overrides?: Record<string, string>): ServerEnv;
  /** A Cookie header with a real sealed session of that user. */
  sessionCookie(user: keyof typeof testUsers): Promise<string>;
  control<T = unknown>(method: string, route: string, body?: unknown): Promise<T>;
  stats(): Promise<{
    tokenRequests: number;
    apiRequests: number;
    byRoute: Record<string, number>;
    byOffer: Record<string, Record<string, number>>;
  }>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  /** Which of the emulator's APIs the dashboard's configuration points at (UPSTREAM); default cpp. */
  upstream?: "cpp" | "partner-center";
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const emulator = await startEmulator({
    testMode: true,
    port: 0,
    certDir: path.resolve(import.meta.dirname, "../../../.emulator"),
  });
  const vars: Record<string, string> = {
    AZURE_TENANT_ID: emulator.credentials.tenantId,
    AZURE_CLIENT_ID: emulator.credentials.clientId,
    AZURE_CLIENT_SECRET: emulator.credentials.clientSecret,
    AZURE_AUTHORITY_HOST: emulator.url,
    CPP_API_BASE_URL: emulator.url,
    ...(options.upstream === "partner-center"
      ? { UPSTREAM: "partner-center", PARTNER_CENTER_API_BASE_URL: `${emulator.url}/rp/product-ingestion` }
      : {}),
    CPP_MAX_RETRIES: "2",
    CPP_MAX_RETRY_DELAY_MS: "1500",
    CPP_TIMEOUT_MS: "2000",
    TOKEN_TIMEOUT_MS: "2000",
    APP_BASE_URL: TEST_APP_URL,
    SESSION_SECRET: "test-only-session-secret-of-at-least-32-chars",
  };
  async function control<T>(method: string, route: string, body?: unknown): Promise<T> {
    const res = await fetch(`${emulator.url}${route}`, {
      method,
      headers: body === undefined ? {} : { "Content-Type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`control ${method} ${route}: ${res.status} ${await res.text()}`);
    const text = await res.text();
    return (text ? JSON.parse(text) : undefined) as T;
  }
  return {
    emulator,
    vars,
    env: (overrides = {}) => parseEnv({ ...vars, ...overrides }),
    async sessionCookie(user) {
      const env = parseEnv(vars);
      const sealed = await sealSession(newSession(testUsers[user], env), env);
      return `${sessionCookieName(env)}=${sealed}`;
    },
    control,
    stats: () => control("GET", "/_emulator/stats"),
    close: () => emulator.close(),
  };
}
