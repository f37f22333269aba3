/**
 * Who may call our API: a session for every route, the approver role for Go live and Cancel,
 * same origin for anything that changes state, and one audit line per action attempt. Route
 * handlers called as Next calls them, against the emulator over real HTTPS with real MSAL and
 * real iron-session seals.
 */
import { sealData } from "iron-session";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";

import { TEST_APP_URL, startHarness, testUsers, type Harness } from "@/lib/server/testing/emulator-harness";

import { GET as offers } from "./publishers/[publisherId]/offers/route";
import { GET as publishers } from "./publishers/route";
import { GET as status } from "./publishers/[publisherId]/offers/[offerId]/status/route";
import { POST as cancel } from "./publishers/[publisherId]/offers/[offerId]/cancel/route";
import { POST as golive } from "./publishers/[publisherId]/offers/[offerId]/golive/route";

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
  Object.assign(process.env, h.vars, { CACHE_TTL_STATUS_MS: "0", CACHE_TTL_LIST_MS: "0" });
});
afterAll(async () => {
  await h.close();
});
afterEach(() => {
  vi.restoreAllMocks();
});

type Params = Record<string, string>;
type Handler = (req: Request, ctx: { params: Promise<Params> }) => Promise<Response>;

async function call(
  handler: unknown,
  params: Params,
  init: { method?: string; headers?: Record<string, string>; body?: string } = {},
) {
  const path = `/api/${Object.values(params).map(encodeURIComponent).join("/")}`;
  const res = await (handler as Handler)(new Request(`${TEST_APP_URL}${path}`, init), {
    params: Promise.resolve(params),
  });
  return { status: res.status, body: (await res.json()) as Record<string, any> };
}

const signoff = { publisherId: "contoso", offerId: "contoso-saas-golive" };

/** Audit lines written to stdout while `work` runs. */
async function auditLines(work: () => Promise<unknown>): Promise<Record<string, any>[]> {
  const lines: string[] = [];
  const spy = vi.spyOn(console, "log").mockImplementation((line: unknown) => {
    lines.push(String(line));
  });
  try {
    await work();
  } finally {
    spy.mockRestore();
  }
  return lines.map((line) => JSON.parse(line) as Record<string, any>).filter((entry) => entry.type === "audit");
}

describe("sign-in required", () => {
  it("answers 401 with the envelope without a session, for every route", async () => {
    const cases: [unknown, Params, string][] = [
      [publishers, {}, "GET"],
      [offers, { publisherId: "contoso" }, "GET"],
      [status, { publisherId: "contoso", offerId: "contoso-vm-certifying" }, "GET"],
      [golive, signoff, "POST"],
      [cancel, signoff, "POST"],
    ];
    await h.control("POST", "/_emulator/stats/reset");
    for (const [handler, params, method] of cases) {
      const res = await call(handler, params, { method, headers: { origin: TEST_APP_URL } });
      expect(res.status).toBe(401);
      expect(res.body).toEqual({ error: { code: "unauthenticated", message: "Sign in to use the dashboard." } });
    }
    const stats = await h.stats();
    expect(stats.apiRequests).toBe(0);
  });

  it("treats a tampered, foreign or expired cookie as no session", async () => {
    const cookie = await h.sessionCookie("approver");
    const [name, value = ""] = cookie.split(/=(.*)/s);
    const middle = Math.floor(value.length / 2);
    const tampered = `${name}=${value.slice(0, middle)}${value[middle] === "A" ? "B" : "A"}${value.slice(middle + 1)}`;
    const foreign = `${name}=${await sealData(
      { v: 1, sid: "s", ...testUsers.approver, roles: ["Approver"], iat: 0, exp: 4_102_444_800 },
      { password: "another-secret-of-at-least-32-characters!!", ttl: 3600 },
    )}`;
    const now = Math.floor(Date.now() / 1000);
    const expired = `${name}=${await sealData(
      { v: 1, sid: "s", ...testUsers.approver, roles: ["Approver"], iat: now - 9 * 3600, exp: now - 3600 },
      { password: h.vars.SESSION_SECRET ?? "", ttl: 30 * 86_400 },
    )}`;
    for (const bad of [tampered, foreign, expired, `${name}=`, "other=1"]) {
      const res = await call(publishers, {}, { headers: { cookie: bad } });
      expect(res.status, bad.slice(0, 40)).toBe(401);
    }
    expect((await call(publishers, {}, { headers: { cookie } })).status).toBe(200);
  });
});

describe("roles", () => {
  it("lets a viewer read but not take an offer live or cancel it (403), without calling the upstream", async () => {
    const cookie = await h.sessionCookie("viewer");
    expect((await call(offers, { publisherId: "contoso" }, { headers: { cookie } })).status).toBe(200);
    await h.control("POST", "/_emulator/stats/reset");
    for (const handler of [golive, cancel]) {
      const res = await call(handler, signoff, { method: "POST", headers: { cookie, origin: TEST_APP_URL } });
      expect(res.status).toBe(403);
      expect(res.body).toEqual({
        error: {
          code: "forbidden",
          message: "Only approvers (role 'Approver') can take offers live or cancel publishing.",
        },
      });
    }
    const stats = await h.stats();
    expect(stats.byRoute["POST /api/publishers/{p}/offers/{o}/golive"] ?? 0).toBe(0);
    expect(stats.byRoute["POST /api/publishers/{p}/offers/{o}/cancel"] ?? 0).toBe(0);
  });

  it("lets an approver take an offer live (202)", async () => {
    const res = await call(golive, signoff, {
      method: "POST",
      headers: { cookie: await h.sessionCookie("approver"), origin: TEST_APP_URL },
    });
    expect(res.status).toBe(202);
    expect(res.body.data).toMatchObject({ action: "golive", upstreamStatus: 202 });
  });
});

describe("same origin", () => {
  it("refuses state changes from another origin, another port, or with no origin at all", async () => {
    const cookie = await h.sessionCookie("approver");
    await h.control("POST", "/_emulator/stats/reset");
    const refused: Record<string, string>[] = [
      {},
      { origin: "https://evil.example" },
      { origin: "http://127.0.0.1:3001" },
      { origin: "null" },
      { "sec-fetch-site": "cross-site" },
      { "sec-fetch-site": "same-site" },
      { origin: "https://evil.example", "sec-fetch-site": "same-origin" },
    ];
    for (const headers of refused) {
      const res = await call(
        cancel,
        { publisherId: "contoso", offerId: "contoso-container-cancel" },
        {
          method: "POST",
          headers: { cookie, ...headers },
        },
      );
      expect(res.status, JSON.stringify(headers)).toBe(403);
      expect(res.body.error.code).toBe("cross_origin");
    }
    expect((await h.stats()).apiRequests).toBe(0);
    const ok = await call(
      cancel,
      { publisherId: "contoso", offerId: "contoso-container-cancel" },
      {
        method: "POST",
        headers: { cookie, "sec-fetch-site": "same-origin" },
      },
    );
    expect(ok.status).toBe(202);
  });
});

describe("audit", () => {
  it("writes one line per Go live / Cancel attempt: who, what, when and the answer", async () => {
    const approver = await h.sessionCookie("approver");
    const viewer = await h.sessionCookie("viewer");
    const post = (handler: unknown, params: Params, headers: Record<string, string>) =>
      call(handler, params, { method: "POST", headers });
    const lines = await auditLines(async () => {
      await post(
        golive,
        { publisherId: "fabrikam", offerId: "fabrikam-vm-signoff" },
        { cookie: approver, origin: TEST_APP_URL },
      );
      await post(
        golive,
        { publisherId: "contoso", offerId: "contoso-vm-signoff" },
        { cookie: viewer, origin: TEST_APP_URL },
      );
      await post(
        golive,
        { publisherId: "contoso", offerId: "contoso-container-live" },
        { cookie: approver, origin: TEST_APP_URL },
      );
      await post(
        cancel,
        { publisherId: "contoso", offerId: "contoso-vm-failed" },
        { cookie: approver, origin: "https://evil.example" },
      );
      await post(cancel, { publisherId: "contoso", offerId: "contoso-vm-failed" }, { origin: TEST_APP_URL });
    });
    expect(lines).toHaveLength(5);
    for (const line of lines) expect(Date.parse(line.time)).not.toBeNaN();
    expect(lines[0]).toMatchObject({
      action: "golive",
      publisherId: "fabrikam",
      offerId: "fabrikam-vm-signoff",
      user: { oid: testUsers.approver.oid, username: testUsers.approver.username },
      outcome: "accepted",
      status: 202,
      code: null,
      upstreamStatus: 202,
    });
    expect(lines[1]).toMatchObject({
      action: "golive",
      user: { oid: testUsers.viewer.oid },
      outcome: "refused",
      status: 403,
      code: "forbidden",
    });
    expect(lines[2]).toMatchObject({ outcome: "failed", status: 409, code: "already_live" });
    expect(lines[3]).toMatchObject({
      action: "cancel",
      user: { oid: testUsers.approver.oid },
      outcome: "refused",
      code: "cross_origin",
    });
    expect(lines[4]).toMatchObject({ action: "cancel", user: null, outcome: "refused", status: 401 });
    expect(JSON.stringify(lines)).not.toContain(h.emulator.credentials.clientSecret);
  });

  it("records how many open errors the approver acknowledged, and refuses a body it cannot read", async () => {
    const approver = await h.sessionCookie("approver");
    const headers = { cookie: approver, origin: TEST_APP_URL, "content-type": "application/json" };
    const offer = { publisherId: "contoso", offerId: "contoso-app-signoff" };
    const lines = await auditLines(async () => {
      const bad = await call(golive, offer, { method: "POST", headers, body: '{"acknowledgedErrors":"all"}' });
      expect(bad.status).toBe(400);
      expect(bad.body.error.code).toBe("invalid_request");
      const notJson = await call(golive, offer, { method: "POST", headers, body: "yes" });
      expect(notJson.body.error.code).toBe("invalid_request");
      const ok = await call(golive, offer, {
        method: "POST",
        headers,
        body: JSON.stringify({ acknowledgedErrors: 1 }),
      });
      expect(ok.status).toBe(202);
    });
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatchObject({ outcome: "refused", status: 400, code: "invalid_request" });
    expect(lines[0]).not.toHaveProperty("acknowledgedErrors");
    expect(lines[2]).toMatchObject({
      action: "golive",
      offerId: "contoso-app-signoff",
      outcome: "accepted",
      acknowledgedErrors: 1,
    });
  });
});
