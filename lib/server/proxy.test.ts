/**
 * The gate (proxy.ts) as Next calls it: sessions, the 401 envelope, the sign-in redirect with
 * the way back, same-origin state changes, and the security headers.
 */
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";

import { parseEnv } from "@/lib/env";
import { newSession, sealSession } from "@/lib/server/auth/session";
import { pageContentSecurityPolicy, securityHeaders } from "@/lib/server/security-headers";
import { proxy } from "@/proxy";

const APP = "http://127.0.0.1:3000";
const vars = {
  AZURE_TENANT_ID: "6f1c2d3e-4b5a-4c7d-9e8f-0a1b2c3d4e5f",
  AZURE_CLIENT_ID: "0d9e7c1a-3b2f-4e5d-8a6b-7c8d9e0f1a2b",
  AZURE_CLIENT_SECRET: "not-used-here",
  APP_BASE_URL: APP,
  SESSION_SECRET: "test-only-session-secret-of-at-least-32-chars",
};
let cookie = "";

beforeAll(async () => {
  Object.assign(process.env, vars);
  const env = parseEnv(vars);
  const session = newSession({ oid: "o", name: "Vera Viewer", username: "vera@contoso.example", roles: [] }, env);
  cookie = `osd_session=${await sealSession(session, env)}`;
});

function request(path: string, init: { method?: string; headers?: Record<string, string> } = {}) {
  return new NextRequest(`${APP}${path}`, init);
}

describe("the gate", () => {
  it("answers the API's 401 envelope without a session, and lets /api/health through", async () => {
    const res = await proxy(request("/api/publishers/contoso/offers"));
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ error: { code: "unauthenticated", message: "Sign in to use the dashboard." } });
    expect((await proxy(request("/api/health"))).headers.get("x-middleware-next")).toBe("1");
    expect((await proxy(request("/api/nope"))).status).toBe(401);
  });

  it("sends a page to sign-in with the way back, and lets the sign-in pages through", async () => {
    const res = await proxy(request("/publishers/contoso/approvals?q=x&_rsc=abc"));
    expect(res.status).toBe(307);
    const target = new URL(res.headers.get("location") ?? "", APP);
    expect(target.pathname).toBe("/auth/signin");
    expect(target.searchParams.get("returnTo")).toBe("/publishers/contoso/approvals?q=x");
    for (const path of ["/auth/signin", "/auth/callback?code=x", "/auth/signed-out", "/auth/error"]) {
      expect((await proxy(request(path))).headers.get("x-middleware-next"), path).toBe("1");
    }
  });

  it("lets a signed-in request through, with the page's nonce in the CSP Next.js reads", async () => {
    const res = await proxy(request("/publishers/contoso/offers", { headers: { cookie } }));
    expect(res.headers.get("x-middleware-next")).toBe("1");
    const csp = res.headers.get("content-security-policy") ?? "";
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    expect(res.headers.get("x-middleware-request-x-nonce")).toBe(nonce);
    expect(res.headers.get("x-middleware-request-content-security-policy")).toBe(csp);
    const again = await proxy(request("/publishers/contoso/offers", { headers: { cookie } }));
    expect(again.headers.get("content-security-policy")).not.toBe(csp);
  });

  it("refuses cross-origin state changes before anything else", async () => {
    const refused: Record<string, string>[] = [
      { cookie },
      { cookie, origin: "https://evil.example" },
      { origin: "https://evil.example" },
    ];
    for (const headers of refused) {
      const res = await proxy(request("/api/publishers/contoso/offers/x/golive", { method: "POST", headers }));
      expect(res.status).toBe(403);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe("cross_origin");
    }
    const signout = await proxy(
      request("/auth/signout", { method: "POST", headers: { origin: "https://evil.example" } }),
    );
    expect(signout.status).toBe(403);
    const same = await proxy(
      request("/api/publishers/contoso/offers/x/golive", { method: "POST", headers: { cookie, origin: APP } }),
    );
    expect(same.headers.get("x-middleware-next")).toBe("1");
  });
});

describe("edges of the HTTP surface", () => {
  it("answers broken percent-encoding with the 400 envelope and the usual headers, not a bare 500", async () => {
    for (const path of ["/api/publishers/contoso/offers/a%zz/status", "/publishers/contoso/offers/a%zz/status"]) {
      const res = await proxy(request(path, { headers: { cookie } }));
      expect(res.status, path).toBe(400);
      expect(await res.json()).toMatchObject({ error: { code: "invalid_request" } });
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
      expect(res.headers.get("content-security-policy")).toBeTruthy();
    }
  });

  it("answers a method a path does not take with the 405 envelope and Allow", async () => {
    const cases: [string, string, string][] = [
      ["/api/publishers", "PUT", "GET, HEAD"],
      ["/api/publishers/contoso/offers/x/status", "DELETE", "GET, HEAD"],
      ["/api/publishers/contoso/offers/x/golive", "GET", "POST"],
      ["/api/health", "PATCH", "GET, HEAD"],
      ["/publishers/contoso/offers", "PUT", "GET, HEAD"],
      ["/api/publishers/contoso/offers/x/history", "POST", "GET, HEAD"],
      ["/api/inbox", "DELETE", "GET, HEAD"],
      ["/api/inbox/read", "GET", "POST"],
      ["/api/publishers/contoso/visit", "PUT", "POST"],
      ["/api/publishers/contoso/watch", "POST", "PUT, DELETE"],
      ["/api/publishers/contoso/offers/x/watch", "GET", "PUT, DELETE"],
      ["/api/watches/signoff", "POST", "PUT"],
      ["/api/events", "POST", "GET, HEAD"],
    ];
    for (const [path, method, allow] of cases) {
      const res = await proxy(request(path, { method, headers: { cookie, origin: APP } }));
      expect(res.status, `${method} ${path}`).toBe(405);
      expect(res.headers.get("allow")).toBe(allow);
      expect(await res.json()).toMatchObject({ error: { code: "method_not_allowed" } });
      expect(res.headers.get("x-frame-options")).toBe("DENY");
    }
    // The catch-all's 404 envelope stays in charge of paths that are not ours.
    expect((await proxy(request("/api/nope", { method: "PUT", headers: { cookie, origin: APP } }))).status).not.toBe(
      405,
    );
  });
});

describe("security headers", () => {
  it("are on every answer of the gate: pages, redirects, the API and its errors", async () => {
    const answers = [
      await proxy(request("/publishers/contoso/offers", { headers: { cookie } })),
      await proxy(request("/publishers/contoso/offers")),
      await proxy(request("/api/publishers")),
      await proxy(request("/api/health")),
    ];
    for (const res of answers) {
      expect(res.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
      expect(res.headers.get("x-frame-options")).toBe("DENY");
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
      expect(res.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
      expect(res.headers.get("strict-transport-security")).toBeNull();
    }
    expect(answers[2]?.headers.get("content-security-policy")).toMatch(/^default-src 'none'/);
  });

  it("keep scripts to nonces and add HSTS when the dashboard is served over https", () => {
    const https = parseEnv({ ...vars, APP_BASE_URL: "https://dashboard.contoso.com" });
    const csp = pageContentSecurityPolicy(https, "abc", false);
    expect(csp).toContain("script-src 'self' 'nonce-abc' 'strict-dynamic'");
    expect(csp).not.toContain("unsafe-eval");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain("upgrade-insecure-requests");
    expect(securityHeaders(https, csp)["Strict-Transport-Security"]).toMatch(/^max-age=\d{8,}/);
  });
});
