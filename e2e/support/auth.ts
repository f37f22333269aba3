import path from "node:path";

/**
 * Who the browser tests are: the emulator's demo users, signed in once per run by the setup
 * project (e2e/auth.setup.ts) through the emulator's sign-in page, their cookies kept as
 * Playwright storage state. Sessions live in the dashboard's sealed cookie, so an emulator
 * reset between tests does not end them.
 */
export const AUTH_DIR = path.resolve(import.meta.dirname, "..", ".auth");

export const users = {
  approver: {
    name: "Aaron Approver",
    label: "approver",
    role: "Approver",
    state: path.join(AUTH_DIR, "approver.json"),
  },
  viewer: { name: "Vera Viewer", label: "viewer", role: "Viewer", state: path.join(AUTH_DIR, "viewer.json") },
} as const;

/** The e2e run's fixed SESSION_SECRET, so a spec can seal (expired) cookies of its own. */
export const E2E_SESSION_SECRET = "e2e-only-session-secret-never-used-elsewhere-0123456789";

export const SESSION_COOKIE = "osd_session";

export const EMPTY_STATE = { cookies: [], origins: [] };

/**
 * A valid session cookie of a user nobody else's test has been: a fresh oid, so what the store
 * keeps per user (visits, watches, the inbox) starts empty whatever ran before.
 */
export async function freshSessionCookie(url: string, roles: string[] = []) {
  const { sealData } = await import("iron-session");
  const now = Math.floor(Date.now() / 1000);
  const oid = crypto.randomUUID();
  const value = await sealData(
    {
      v: 1,
      sid: oid.slice(0, 16),
      oid,
      name: "Fresh Viewer",
      username: `fresh-${oid.slice(0, 8)}@contoso.onmicrosoft.com`,
      roles,
      iat: now,
      exp: now + 3600,
    },
    { password: E2E_SESSION_SECRET, ttl: 30 * 86_400 },
  );
  return { name: SESSION_COOKIE, value, url, httpOnly: true, sameSite: "Lax" as const };
}
