import { randomBytes } from "node:crypto";

import { sealData } from "iron-session";

/**
 * A signed-in viewer for the load: every page and API route but /api/health needs a session.
 * The benchmark starts its instances with its own SESSION_SECRET and seals the session
 * cookie the way lib/server/auth/session.ts does (an iron-session seal of the same payload),
 * as the e2e suite does for its own cookies; signing in through the emulator's page for each
 * of thousands of requests would measure sign-in, not the dashboard.
 */
export interface BenchSession {
  secret: string;
  cookieName: string;
  value: string;
  /** `Cookie` header value. */
  header: string;
}

const MAX_AGE_SECONDS = 8 * 3600;

export async function createBenchSession(): Promise<BenchSession> {
  return sealBenchSession(randomBytes(36).toString("base64url"), []);
}

/**
 * The same viewer with an app role (e.g. the default APPROVER_ROLE "Approver", which may
 * Go live), sealed with the run's secret so it is valid on the same instances.
 */
export function withRoles(session: BenchSession, roles: readonly string[]): Promise<BenchSession> {
  return sealBenchSession(session.secret, roles);
}

async function sealBenchSession(secret: string, roles: readonly string[]): Promise<BenchSession> {
  const iat = Math.floor(Date.now() / 1000);
  const session = {
    v: 1,
    sid: randomBytes(12).toString("base64url"),
    oid: "00000000-0000-4000-8000-00000000be4c",
    name: "Benchmark Viewer",
    username: "bench@contoso.onmicrosoft.com",
    roles: [...roles],
    iat,
    exp: iat + MAX_AGE_SECONDS,
  };
  const value = await sealData(session, { password: secret, ttl: MAX_AGE_SECONDS });
  // Loopback over http: the plain cookie name (the __Host- prefix is for https).
  const cookieName = "osd_session";
  return { secret, cookieName, value, header: `${cookieName}=${value}` };
}
