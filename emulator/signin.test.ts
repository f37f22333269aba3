import { createHash, randomBytes } from "node:crypto";
import { createLocalJWKSet, jwtVerify, type JSONWebKeySet } from "jose";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { startTestEmulator, type EmulatorClient, type TestResponse } from "./test-client";

/**
 * The sign-in part of the Entra ID emulator: discovery of the browser-facing endpoints, the
 * sign-in page, the authorization code with PKCE at the token endpoint, signed ID tokens and
 * the end-session endpoint.
 */

let client: EmulatorClient;
const REDIRECT = "http://localhost:3000/auth/callback";

beforeAll(async () => {
  client = await startTestEmulator({ browserPort: 0 });
});
afterAll(async () => {
  await client.close();
});
beforeEach(async () => {
  await client.reset();
});
afterEach(() => {
  vi.useRealTimers();
});

const tenant = () => client.emulator.credentials.tenantId;
const browserUrl = () => client.emulator.browserUrl ?? "";

function pkce() {
  const verifier = randomBytes(32).toString("base64url");
  return { verifier, challenge: createHash("sha256").update(verifier).digest("base64url") };
}

interface AuthorizeParams {
  verifier: string;
  state: string;
  nonce: string;
  query: URLSearchParams;
}

function authorizeParams(overrides: Record<string, string | null> = {}): AuthorizeParams {
  const { verifier, challenge } = pkce();
  const state = randomBytes(8).toString("hex");
  const nonce = randomBytes(8).toString("hex");
  const query = new URLSearchParams({
    client_id: client.emulator.credentials.clientId,
    response_type: "code",
    redirect_uri: REDIRECT,
    scope: "openid profile offline_access",
    state,
    nonce,
    code_challenge: challenge,
    code_challenge_method: "S256",
    response_mode: "query",
  });
  for (const [key, value] of Object.entries(overrides)) {
    if (value === null) query.delete(key);
    else query.set(key, value);
  }
  return { verifier, state, nonce, query };
}

/** GET the sign-in page over the plain-HTTP listener, as a browser does. */
async function openSignInPage(params: AuthorizeParams) {
  const res = await fetch(`${browserUrl()}/${tenant()}/oauth2/v2.0/authorize?${params.query}`, { redirect: "manual" });
  return { res, html: await res.text() };
}

/** Picks a demo user on the page and returns the redirect back to the app. */
async function pickUser(html: string, user: string): Promise<URL> {
  const requestId = /name="request_id" value="([^"]+)"/.exec(html)?.[1];
  expect(requestId).toBeTruthy();
  const res = await fetch(`${browserUrl()}/${tenant()}/oauth2/v2.0/authorize`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ request_id: requestId ?? "", user }).toString(),
  });
  expect(res.status).toBe(302);
  return new URL(res.headers.get("location") ?? "");
}

async function signIn(user: string, overrides: Record<string, string | null> = {}) {
  const params = authorizeParams(overrides);
  const { html } = await openSignInPage(params);
  const back = await pickUser(html, user);
  return { params, back, code: back.searchParams.get("code") ?? "" };
}

function redeem(code: string, verifier: string, overrides: Record<string, string> = {}): Promise<TestResponse> {
  const { clientId, clientSecret } = client.emulator.credentials;
  return client.tokenRequest({
    grant_type: "authorization_code",
    client_id: clientId,
    client_secret: clientSecret,
    code,
    redirect_uri: REDIRECT,
    code_verifier: verifier,
    scope: "openid profile offline_access",
    ...overrides,
  });
}

async function keySet(): Promise<JSONWebKeySet> {
  return (await client.request("GET", `/${tenant()}/discovery/v2.0/keys`)).json<JSONWebKeySet>();
}

describe("discovery", () => {
  it("advertises the browser-facing endpoints on plain HTTP and the token endpoint on HTTPS", async () => {
    const doc = (await client.request("GET", `/${tenant()}/v2.0/.well-known/openid-configuration`)).json<
      Record<string, string>
    >();
    expect(browserUrl()).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(doc.authorization_endpoint).toBe(`${browserUrl()}/${tenant()}/oauth2/v2.0/authorize`);
    expect(doc.end_session_endpoint).toBe(`${browserUrl()}/${tenant()}/oauth2/v2.0/logout`);
    expect(doc.token_endpoint).toBe(`${client.emulator.url}/${tenant()}/oauth2/v2.0/token`);
    expect(doc.jwks_uri).toBe(`${client.emulator.url}/${tenant()}/discovery/v2.0/keys`);
  });

  it("publishes one RS256 signing key, kept across resets", async () => {
    const before = await keySet();
    expect(before.keys).toHaveLength(1);
    expect(before.keys[0]).toMatchObject({ kty: "RSA", use: "sig", alg: "RS256", kid: expect.any(String) });
    expect(before.keys[0]).not.toHaveProperty("d");
    await client.reset();
    expect((await keySet()).keys[0]?.kid).toBe(before.keys[0]?.kid);
  });

  it("serves nothing but the sign-in pages over plain HTTP", async () => {
    for (const path of [
      `/${tenant()}/oauth2/v2.0/token`,
      `/${tenant()}/v2.0/.well-known/openid-configuration`,
      "/api/publishers?api-version=2017-10-31",
      "/_emulator/stats",
    ]) {
      const res = await fetch(`${browserUrl()}${path}`, { method: path.endsWith("token") ? "POST" : "GET" });
      expect(res.status, path).toBe(404);
    }
  });
});

describe("sign-in page", () => {
  it("offers the demo users as buttons with accessible names", async () => {
    const { res, html } = await openSignInPage(authorizeParams());
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/html");
    expect(res.headers.get("x-frame-options")).toBe("DENY");
    expect(html).toContain(">Sign in as Aaron Approver (approver)</button>");
    expect(html).toContain(">Sign in as Vera Viewer (viewer)</button>");
  });

  it("shows errors about the client or the redirect URI on the page, never redirecting", async () => {
    const unknownClient = await openSignInPage(authorizeParams({ client_id: "11111111-2222-3333-4444-555555555555" }));
    expect(unknownClient.res.status).toBe(400);
    expect(unknownClient.html).toContain("AADSTS700016");
    for (const uri of ["https://evil.example/auth/callback", "http://localhost:3000/cb#x", "javascript:alert(1)"]) {
      const bad = await openSignInPage(authorizeParams({ redirect_uri: uri }));
      expect(bad.res.status, uri).toBe(400);
      expect(bad.res.headers.get("location")).toBeNull();
      expect(bad.html).toContain("AADSTS50011");
    }
  });

  it("sends other request errors back to the app with the state", async () => {
    const cases: Record<string, string | null>[] = [
      { code_challenge: null },
      { code_challenge_method: "plain" },
      { response_type: "token" },
      { scope: "profile" },
    ];
    for (const overrides of cases) {
      const params = authorizeParams(overrides);
      const { res } = await openSignInPage(params);
      expect(res.status, JSON.stringify(overrides)).toBe(302);
      const back = new URL(res.headers.get("location") ?? "");
      expect(`${back.origin}${back.pathname}`).toBe(REDIRECT);
      expect(back.searchParams.get("error")).toBeTruthy();
      expect(back.searchParams.get("state")).toBe(params.state);
      expect(back.searchParams.get("code")).toBeNull();
    }
  });

  it("answers Cancel with access_denied, and a replayed form with an error page", async () => {
    const params = authorizeParams();
    const { html } = await openSignInPage(params);
    const back = await pickUser(html, "");
    expect(back.searchParams.get("error")).toBe("access_denied");
    expect(back.searchParams.get("state")).toBe(params.state);
    const replay = await fetch(`${browserUrl()}/${tenant()}/oauth2/v2.0/authorize`, {
      method: "POST",
      redirect: "manual",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        request_id: /name="request_id" value="([^"]+)"/.exec(html)?.[1] ?? "",
        user: "aaron",
      }),
    });
    expect(replay.status).toBe(400);
  });
});

describe("authorization code with PKCE", () => {
  it("exchanges the code for a signed ID token carrying the user's claims, roles and nonce", async () => {
    const { params, back, code } = await signIn("aaron");
    expect(`${back.origin}${back.pathname}`).toBe(REDIRECT);
    expect(back.searchParams.get("state")).toBe(params.state);
    const res = await redeem(code, params.verifier);
    expect(res.status, res.text).toBe(200);
    const body = res.json<Record<string, string>>();
    expect(body).toMatchObject({ token_type: "Bearer", id_token: expect.any(String), client_info: expect.any(String) });
    const { payload, protectedHeader } = await jwtVerify(body.id_token ?? "", createLocalJWKSet(await keySet()), {
      issuer: `${client.emulator.url}/${tenant()}/v2.0`,
      audience: client.emulator.credentials.clientId,
      algorithms: ["RS256"],
    });
    expect(protectedHeader.kid).toBe((await keySet()).keys[0]?.kid);
    expect(payload).toMatchObject({
      nonce: params.nonce,
      name: "Aaron Approver",
      preferred_username: "aaron@contoso.onmicrosoft.com",
      roles: ["Approver"],
      tid: tenant(),
      ver: "2.0",
    });
    // The user's access token is not one the CPP part accepts.
    const api = await client.request("GET", "/api/publishers?api-version=2017-10-31", {
      headers: { Authorization: `Bearer ${body.access_token}` },
    });
    expect(api.status).toBe(401);
  });

  it("leaves the roles claim out for a user without an app role", async () => {
    const { params, code } = await signIn("vera");
    const token = (await redeem(code, params.verifier)).json<{ id_token: string }>().id_token;
    const { payload } = await jwtVerify(token, createLocalJWKSet(await keySet()), {
      audience: client.emulator.credentials.clientId,
    });
    expect(payload.name).toBe("Vera Viewer");
    expect(payload).not.toHaveProperty("roles");
  });

  it("redeems a code once only", async () => {
    const { params, code } = await signIn("aaron");
    expect((await redeem(code, params.verifier)).status).toBe(200);
    const again = await redeem(code, params.verifier);
    expect(again.status).toBe(400);
    expect(again.json()).toMatchObject({ error: "invalid_grant", error_codes: [54005] });
  });

  it("rejects a wrong or missing code_verifier, and the code is spent", async () => {
    const { params, code } = await signIn("aaron");
    const wrong = await redeem(code, pkce().verifier);
    expect(wrong.json()).toMatchObject({ error: "invalid_grant", error_codes: [501481] });
    expect((await redeem(code, params.verifier)).json()).toMatchObject({ error_codes: [54005] });
    const other = await signIn("aaron");
    const missing = await redeem(other.code, "");
    expect(missing.json()).toMatchObject({ error: "invalid_grant", error_codes: [50148] });
  });

  it("rejects another redirect_uri, another client, bad client credentials and unknown codes", async () => {
    const a = await signIn("aaron");
    expect(
      (await redeem(a.code, a.params.verifier, { redirect_uri: "http://localhost:3000/other" })).json(),
    ).toMatchObject({
      error: "invalid_grant",
    });
    const b = await signIn("aaron");
    const wrongSecret = await redeem(b.code, b.params.verifier, { client_secret: "nope" });
    expect(wrongSecret.status).toBe(401);
    expect(wrongSecret.json()).toMatchObject({ error: "invalid_client" });
    expect((await redeem("not-a-code", b.params.verifier)).json()).toMatchObject({ error: "invalid_grant" });
  });

  it("expires codes after five minutes", async () => {
    const { params, code } = await signIn("aaron");
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() + 5 * 60_000 + 1_000);
    const res = await redeem(code, params.verifier);
    expect(res.json()).toMatchObject({ error: "invalid_grant", error_codes: [70008] });
  });

  it("forgets unused codes on a reset", async () => {
    const { params, code } = await signIn("aaron");
    await client.reset();
    expect((await redeem(code, params.verifier)).json()).toMatchObject({ error: "invalid_grant" });
  });
});

describe("end session", () => {
  it("redirects to a registered post_logout_redirect_uri", async () => {
    const target = "http://localhost:3000/auth/signed-out";
    const res = await fetch(
      `${browserUrl()}/${tenant()}/oauth2/v2.0/logout?post_logout_redirect_uri=${encodeURIComponent(target)}`,
      { redirect: "manual" },
    );
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe(target);
  });

  it("shows a page instead of redirecting to an unregistered address", async () => {
    const res = await fetch(
      `${browserUrl()}/${tenant()}/oauth2/v2.0/logout?post_logout_redirect_uri=${encodeURIComponent("https://evil.example/")}`,
      { redirect: "manual" },
    );
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("You signed out");
  });
});
