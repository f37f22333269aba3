import { sealData } from "iron-session";
import { afterEach, describe, expect, it, vi } from "vitest";

import {
  clearedSessionCookie,
  newSession,
  readSession,
  sealSession,
  sessionCookie,
  toCurrentUser,
  type SessionEnv,
} from "./session";

/** The session module with real iron-session seals (no mocks). */

const env: SessionEnv & { APPROVER_ROLE: string } = {
  SESSION_SECRET: "test-only-session-secret-0123456789-abcdef",
  SESSION_MAX_AGE_SECONDS: 8 * 3600,
  APP_BASE_URL: "http://localhost:3000",
  APPROVER_ROLE: "Approver",
};
const aaron = { oid: "oid-aaron", name: "Aaron Approver", username: "aaron@contoso.example", roles: ["Approver"] };

afterEach(() => {
  vi.useRealTimers();
});

describe("session seal", () => {
  it("round-trips what the UI needs and nothing else", async () => {
    const session = newSession(aaron, env);
    const value = await sealSession(session, env);
    expect(value).not.toContain("Aaron");
    expect(value).not.toContain("oid-aaron");
    const read = await readSession(value, env);
    expect(read).toEqual(session);
    expect(Object.keys(read ?? {}).sort()).toEqual(["exp", "iat", "name", "oid", "roles", "sid", "username", "v"]);
    expect(read!.exp - read!.iat).toBe(env.SESSION_MAX_AGE_SECONDS);
  });

  it("rejects a tampered cookie", async () => {
    const value = await sealSession(newSession(aaron, env), env);
    // Flip one character in each part of the seal: ciphertext, IV, HMAC and salts alike.
    const parts = value.split("*");
    for (let i = 1; i < parts.length; i++) {
      const part = parts[i] ?? "";
      if (part.length === 0) continue;
      const tampered = [...parts];
      const c = part[Math.floor(part.length / 2)];
      tampered[i] =
        `${part.slice(0, Math.floor(part.length / 2))}${c === "A" ? "B" : "A"}${part.slice(Math.floor(part.length / 2) + 1)}`;
      expect(await readSession(tampered.join("*"), env), `part ${i}`).toBeNull();
    }
    expect(await readSession(value.replace(/~2$/, "x~2"), env)).toBeNull();
    expect(await readSession(value.slice(0, -5), env)).toBeNull();
  });

  it("rejects a cookie sealed with another secret, and garbage", async () => {
    const other = await sealSession(newSession(aaron, env), {
      SESSION_SECRET: "another-secret-of-at-least-32-characters!",
    });
    expect(await readSession(other, env)).toBeNull();
    for (const garbage of ["", "x", "Fe26.2**", "a".repeat(5000), JSON.stringify(aaron)]) {
      expect(await readSession(garbage, env)).toBeNull();
    }
    expect(await readSession(undefined, env)).toBeNull();
  });

  it("does not accept under another secret a cookie it has already read", async () => {
    const value = await sealSession(newSession(aaron, env), env);
    expect(await readSession(value, env)).not.toBeNull();
    expect(
      await readSession(value, { ...env, SESSION_SECRET: "another-secret-of-at-least-32-characters!" }),
    ).toBeNull();
    expect(await readSession(value, env)).not.toBeNull();
  });

  it("rejects a well-sealed value that is not a session", async () => {
    const sealed = await sealData({ oid: "x", roles: ["Approver"] }, { password: env.SESSION_SECRET, ttl: 3600 });
    expect(await readSession(sealed, env)).toBeNull();
  });

  it("rejects a session past the expiry sealed inside it, even when the seal itself is still valid", async () => {
    const now = Math.floor(Date.now() / 1000);
    const expired = { ...newSession(aaron, env), iat: now - 7200, exp: now - 1 };
    // A long-lived seal around an expired session: the expiry inside decides.
    const value = await sealData(expired, { password: env.SESSION_SECRET, ttl: 30 * 86_400 });
    expect(await readSession(value, env)).toBeNull();
  });

  it("rejects an old cookie replayed after its max age", async () => {
    const value = await sealSession(newSession(aaron, env), env);
    expect(await readSession(value, env)).not.toBeNull();
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() + env.SESSION_MAX_AGE_SECONDS * 1000 + 1000);
    expect(await readSession(value, env)).toBeNull();
  });

  it("applies a max age that shrank since the session was issued", async () => {
    const value = await sealSession(newSession(aaron, env), env);
    const twoHoursLater = Date.now() + 2 * 3600_000;
    expect(await readSession(value, env, twoHoursLater)).not.toBeNull();
    expect(await readSession(value, { ...env, SESSION_MAX_AGE_SECONDS: 3600 }, twoHoursLater)).toBeNull();
  });
});

describe("session cookie", () => {
  it("is HttpOnly and SameSite=Lax, Secure with a __Host- name on https", () => {
    expect(sessionCookie(env, "v")).toEqual({
      name: "osd_session",
      value: "v",
      httpOnly: true,
      secure: false,
      sameSite: "lax",
      path: "/",
      maxAge: env.SESSION_MAX_AGE_SECONDS,
    });
    const https = { ...env, APP_BASE_URL: "https://dashboard.contoso.com" };
    expect(sessionCookie(https, "v")).toMatchObject({ name: "__Host-osd_session", secure: true });
    expect(clearedSessionCookie(env)).toMatchObject({ value: "", maxAge: 0 });
  });
});

describe("current user", () => {
  it("says whether the user may take offers live, and why not", () => {
    expect(toCurrentUser(newSession(aaron, env), env)).toMatchObject({
      signedIn: true,
      name: "Aaron Approver",
      isApprover: true,
      actionsDisabledReason: null,
    });
    const vera = toCurrentUser(newSession({ ...aaron, name: "Vera Viewer", roles: [] }, env), env);
    expect(vera).toMatchObject({ isApprover: false, roles: [] });
    // A code the page words in its own language, never an English sentence.
    expect(vera.actionsDisabledReason).toBe("approver_only");
  });
});
