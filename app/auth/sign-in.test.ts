/**
 * Sign-in and sign-out through our route handlers against the emulator's Entra ID, over real
 * HTTPS with the real MSAL library (authorization code + PKCE), and our own ID token checks.
 */
import { generateKeyPairSync } from "node:crypto";

import { SignJWT } from "jose";
import { NextRequest } from "next/server";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";

import { SignInError, startSignIn, verifyIdToken } from "@/lib/server/auth/oidc";
import { readSession } from "@/lib/server/auth/session";
import { TEST_APP_URL, startHarness, type Harness } from "@/lib/server/testing/emulator-harness";

import { GET as callback } from "./callback/route";
import { GET as signin } from "./signin/route";
import { POST as signout } from "./signout/route";

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
  Object.assign(process.env, h.vars);
});
afterAll(async () => {
  await h.close();
});
afterEach(() => {
  vi.useRealTimers();
});

/** A request to the dashboard as a browser sends it (NextRequest spells 127.0.0.1 "localhost" in its URL; the Host header keeps it). */
function appRequest(url: string, init: { method?: string; headers?: Record<string, string> } = {}) {
  return new NextRequest(url, { ...init, headers: { host: new URL(url).host, ...init.headers } });
}

/** name → value of the cookies a response sets. */
function setCookies(res: Response): Record<string, string> {
  return Object.fromEntries(
    res.headers.getSetCookie().map((line) => {
      const [pair = ""] = line.split(";");
      const eq = pair.indexOf("=");
      return [pair.slice(0, eq), pair.slice(eq + 1)];
    }),
  );
}

/** The person on the emulator's sign-in page: picks a user (or cancels); returns the callback URL. */
async function pickOnSignInPage(authorizeUrl: string, user: string): Promise<string> {
  const page = await fetch(authorizeUrl, { redirect: "manual" });
  expect(page.status).toBe(200);
  const requestId = /name="request_id" value="([^"]+)"/.exec(await page.text())?.[1] ?? "";
  const form = await fetch(authorizeUrl.split("?")[0] ?? "", {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ request_id: requestId, user }),
  });
  expect(form.status).toBe(302);
  return form.headers.get("location") ?? "";
}

/** /auth/signin up to the emulator's page and back: the callback request as the browser would make it. */
async function throughSignIn(user: string, returnTo = "/") {
  const start = await signin(appRequest(`${TEST_APP_URL}/auth/signin?returnTo=${encodeURIComponent(returnTo)}`));
  expect(start.status).toBe(302);
  const tx = setCookies(start).osd_signin ?? "";
  const authorizeUrl = start.headers.get("location") ?? "";
  const callbackUrl = await pickOnSignInPage(authorizeUrl, user);
  return { authorizeUrl: new URL(authorizeUrl), callbackUrl, tx };
}

function callbackRequest(url: string, tx: string | null) {
  return appRequest(url, { headers: tx === null ? {} : { cookie: `osd_signin=${tx}` } });
}

describe("sign-in", () => {
  it("asks Entra ID for a code with PKCE S256, state and nonce, and remembers them in a sealed cookie", async () => {
    const res = await signin(appRequest(`${TEST_APP_URL}/auth/signin`));
    const url = new URL(res.headers.get("location") ?? "");
    expect(`${url.origin}${url.pathname}`).toBe(`${h.emulator.url}/${h.vars.AZURE_TENANT_ID}/oauth2/v2.0/authorize`);
    expect(url.searchParams.get("client_id")).toBe(h.vars.AZURE_CLIENT_ID);
    expect(url.searchParams.get("redirect_uri")).toBe(`${TEST_APP_URL}/auth/callback`);
    expect(url.searchParams.get("response_type")).toBe("code");
    expect(url.searchParams.get("code_challenge_method")).toBe("S256");
    expect(url.searchParams.get("code_challenge")).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(url.searchParams.get("state")?.length).toBeGreaterThanOrEqual(32);
    expect(url.searchParams.get("nonce")?.length).toBeGreaterThanOrEqual(32);
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith("osd_signin="));
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=lax/i);
    // The verifier and nonce never travel in the clear.
    expect(cookie).not.toContain(url.searchParams.get("nonce") ?? "-");
  });

  it("signs the approver in and comes back to the page asked for", async () => {
    const { callbackUrl, tx } = await throughSignIn("aaron", "/publishers/contoso/approvals?q=x");
    const res = await callback(callbackRequest(callbackUrl, tx));
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(`${TEST_APP_URL}/publishers/contoso/approvals?q=x`);
    const cookies = setCookies(res);
    expect(cookies.osd_signin).toBe("");
    const line = res.headers.getSetCookie().find((c) => c.startsWith("osd_session=")) ?? "";
    expect(line).toMatch(/HttpOnly/i);
    expect(line).toMatch(/SameSite=lax/i);
    expect(line).toMatch(/Max-Age=28800/);
    expect(line).not.toMatch(/Secure/i); // http APP_BASE_URL
    const session = await readSession(cookies.osd_session, h.env());
    expect(session).toMatchObject({
      name: "Aaron Approver",
      username: "aaron@contoso.onmicrosoft.com",
      roles: ["Approver"],
    });
  });

  it("signs a viewer in without roles", async () => {
    const { callbackUrl, tx } = await throughSignIn("vera");
    const res = await callback(callbackRequest(callbackUrl, tx));
    const session = await readSession(setCookies(res).osd_session, h.env());
    expect(session).toMatchObject({ name: "Vera Viewer", roles: [] });
  });

  it("sends an open redirect in returnTo to / instead", async () => {
    for (const returnTo of ["//evil.example/x", "https://evil.example", "/\\evil.example", "javascript:alert(1)"]) {
      const { callbackUrl, tx } = await throughSignIn("aaron", returnTo);
      const res = await callback(callbackRequest(callbackUrl, tx));
      expect(res.headers.get("location"), returnTo).toBe(`${TEST_APP_URL}/`);
    }
  });

  it("refuses a callback whose state is not this browser's sign-in", async () => {
    const { callbackUrl, tx } = await throughSignIn("aaron");
    const forged = new URL(callbackUrl);
    forged.searchParams.set("state", "someone-elses-state-value-0123456789");
    const res = await callback(callbackRequest(forged.toString(), tx));
    expect(res.headers.get("location")).toContain("/auth/error?reason=state");
    expect(setCookies(res).osd_session).toBeUndefined();
  });

  it("refuses a callback without this browser's sign-in cookie, or with a tampered one", async () => {
    const { callbackUrl, tx } = await throughSignIn("aaron");
    const none = await callback(callbackRequest(callbackUrl, null));
    expect(none.headers.get("location")).toContain("/auth/error?reason=expired");
    const tampered = await callback(callbackRequest(callbackUrl, tx.replace(/.(~2)$/, "x$1")));
    expect(tampered.headers.get("location")).toContain("/auth/error?reason=expired");
    expect(setCookies(none).osd_session).toBeUndefined();
  });

  it("does not accept a code twice", async () => {
    const { callbackUrl, tx } = await throughSignIn("aaron");
    expect((await callback(callbackRequest(callbackUrl, tx))).status).toBe(303);
    const replay = await callback(callbackRequest(callbackUrl, tx));
    expect(replay.headers.get("location")).toContain("/auth/error?reason=token");
    expect(setCookies(replay).osd_session).toBeUndefined();
  });

  it("says so when the user cancels on the sign-in page", async () => {
    const { callbackUrl, tx } = await throughSignIn("");
    const res = await callback(callbackRequest(callbackUrl, tx));
    expect(res.headers.get("location")).toContain("/auth/error?reason=denied");
  });

  it("moves a sign-in started at another address of the dashboard to APP_BASE_URL first", async () => {
    const res = await signin(appRequest("http://localhost:3000/auth/signin?returnTo=%2Fx"));
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(`${TEST_APP_URL}/auth/signin?returnTo=%2Fx&hop=1`);
  });
});

describe("sign-out", () => {
  it("ends the session and goes to Entra ID's end-session endpoint, which comes back to /auth/signed-out", async () => {
    const res = await signout(
      appRequest(`${TEST_APP_URL}/auth/signout`, {
        method: "POST",
        headers: { cookie: await h.sessionCookie("approver"), origin: TEST_APP_URL },
      }),
    );
    expect(res.status).toBe(303);
    const target = new URL(res.headers.get("location") ?? "");
    expect(`${target.origin}${target.pathname}`).toBe(`${h.emulator.url}/${h.vars.AZURE_TENANT_ID}/oauth2/v2.0/logout`);
    expect(target.searchParams.get("post_logout_redirect_uri")).toBe(`${TEST_APP_URL}/auth/signed-out`);
    const cleared = res.headers.getSetCookie().find((c) => c.startsWith("osd_session="));
    expect(cleared).toMatch(/^osd_session=;/);
    expect(cleared).toMatch(/Max-Age=0/);
    // And the emulator sends the browser back.
    const back = await fetch(target, { redirect: "manual" });
    expect(back.headers.get("location")).toBe(`${TEST_APP_URL}/auth/signed-out`);
  });

  it("refuses a cross-origin sign-out", async () => {
    const res = await signout(
      appRequest(`${TEST_APP_URL}/auth/signout`, {
        method: "POST",
        headers: { cookie: await h.sessionCookie("approver"), origin: "https://evil.example" },
      }),
    );
    expect(res.status).toBe(403);
    expect(res.headers.getSetCookie()).toHaveLength(0);
  });
});

describe("ID token verification", () => {
  /** A genuine ID token from the emulator, for the nonce of a sign-in started here. */
  async function genuineIdToken(): Promise<{ token: string; nonce: string }> {
    const start = await startSignIn(h.env());
    const back = new URL(await pickOnSignInPage(start.url, "aaron"));
    const res = await fetch(`${h.emulator.url}/${h.vars.AZURE_TENANT_ID}/oauth2/v2.0/token`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        grant_type: "authorization_code",
        client_id: h.vars.AZURE_CLIENT_ID ?? "",
        client_secret: h.vars.AZURE_CLIENT_SECRET ?? "",
        code: back.searchParams.get("code") ?? "",
        redirect_uri: `${TEST_APP_URL}/auth/callback`,
        code_verifier: start.codeVerifier,
      }),
    });
    return { token: ((await res.json()) as { id_token: string }).id_token, nonce: start.nonce };
  }

  async function reason(work: Promise<unknown>): Promise<string> {
    try {
      await work;
    } catch (error) {
      expect(error).toBeInstanceOf(SignInError);
      return (error as SignInError).reason;
    }
    return "accepted";
  }

  it("accepts a genuine token and reads the user from it", async () => {
    const { token, nonce } = await genuineIdToken();
    expect(await verifyIdToken(h.env(), token, nonce)).toEqual({
      oid: "3f1e2d4c-5b6a-4798-8a9b-0c1d2e3f4a5b",
      name: "Aaron Approver",
      username: "aaron@contoso.onmicrosoft.com",
      roles: ["Approver"],
    });
  });

  it("refuses another nonce, another audience, and an expired token", async () => {
    const { token, nonce } = await genuineIdToken();
    expect(await reason(verifyIdToken(h.env(), token, `${nonce}x`))).toBe("id_token");
    const otherApp = h.env({ AZURE_CLIENT_ID: "11111111-2222-4333-8444-555555555555" });
    expect(await reason(verifyIdToken(otherApp, token, nonce))).toBe("id_token");
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() + 2 * 3600_000);
    expect(await reason(verifyIdToken(h.env(), token, nonce))).toBe("id_token");
  });

  it("refuses a token signed by anyone but the authority, or not signed at all", async () => {
    const { token, nonce } = await genuineIdToken();
    const [header = "", payload = ""] = token.split(".");
    const { kid } = JSON.parse(Buffer.from(header, "base64url").toString()) as { kid: string };
    const claims = JSON.parse(Buffer.from(payload, "base64url").toString()) as Record<string, unknown>;
    const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
    const forged = await new SignJWT({ ...claims, roles: ["Approver"] })
      .setProtectedHeader({ alg: "RS256", kid })
      .sign(privateKey);
    expect(await reason(verifyIdToken(h.env(), forged, nonce))).toBe("id_token");
    const unsigned = `${Buffer.from(JSON.stringify({ alg: "none", kid })).toString("base64url")}.${payload}.`;
    expect(await reason(verifyIdToken(h.env(), unsigned, nonce))).toBe("id_token");
    const edited = `${header}.${Buffer.from(JSON.stringify({ ...claims, roles: ["Approver", "Admin"] })).toString("base64url")}.${token.split(".")[2]}`;
    expect(await reason(verifyIdToken(h.env(), edited, nonce))).toBe("id_token");
  });
});
