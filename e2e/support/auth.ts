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
