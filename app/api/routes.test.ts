/**
 * Our route handlers, called as Next calls them, against the emulator over real HTTPS with
 * the real MSAL library.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import { TEST_APP_URL, startHarness, type Harness } from "@/lib/server/testing/emulator-harness";
import { getServices } from "@/lib/server/services";

import { GET as health } from "./health/route";
import { GET as publishers } from "./publishers/route";
import { GET as offers } from "./publishers/[publisherId]/offers/route";
import { GET as offer } from "./publishers/[publisherId]/offers/[offerId]/route";
import { GET as status } from "./publishers/[publisherId]/offers/[offerId]/status/route";
import { POST as golive } from "./publishers/[publisherId]/offers/[offerId]/golive/route";
import { POST as cancel } from "./publishers/[publisherId]/offers/[offerId]/cancel/route";

let h: Harness;
/** Every response of these tests, to prove none carries a token or a secret. */
const seen: string[] = [];

beforeAll(async () => {
  h = await startHarness();
  Object.assign(process.env, h.vars, { CACHE_TTL_STATUS_MS: "0", CACHE_TTL_LIST_MS: "0" });
});
afterAll(async () => {
  const token = await getServices().tokens.getToken();
  for (const text of seen) {
    expect(text).not.toContain(token);
    expect(text).not.toContain(h.emulator.credentials.clientSecret);
    expect(text).not.toContain(h.emulator.url);
    expect(text).not.toMatch(/\bat .+\.(ts|js):\d+/); // no stack traces
  }
  expect(seen.length).toBeGreaterThan(20);
  await h.close();
});
beforeEach(async () => {
  await h.control("DELETE", "/_emulator/faults");
});

type Params = Record<string, string>;
async function call(
  handler: (req: Request, ctx: { params: Promise<Params> }) => Promise<Response>,
  params: Params,
  method = "GET",
) {
  const path = `/api/${Object.values(params).map(encodeURIComponent).join("/")}`;
  // Signed in as an approver, from the dashboard's own pages.
  const headers = { cookie: await h.sessionCookie("approver"), origin: TEST_APP_URL };
  const res = await handler(new Request(`${TEST_APP_URL}${path}`, { method, headers }), {
    params: Promise.resolve(params),
  });
  const text = await res.text();
  seen.push(text, JSON.stringify([...res.headers]));
  return { status: res.status, headers: res.headers, body: JSON.parse(text) as Record<string, any> };
}

describe("reads", () => {
  it("GET /api/health answers ok", async () => {
    const res = await health(new Request("http://127.0.0.1/api/health"));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: "ok" });
  });

  it("GET /api/publishers lists the accessible publishers with freshness", async () => {
    // As Next calls a route without dynamic segments: no params at all.
    const raw = await (publishers as unknown as (req: Request) => Promise<Response>)(
      new Request(`${TEST_APP_URL}/api/publishers`, { headers: { cookie: await h.sessionCookie("approver") } }),
    );
    expect(raw.status).toBe(200);
    const res = await call(publishers as never, {});
    expect(res.status).toBe(200);
    expect(res.body.data.map((p: { id: string }) => p.id)).toEqual(expect.arrayContaining(["contoso", "fabrikam"]));
    expect(Date.parse(res.body.fetchedAt)).not.toBeNaN();
    expect(res.headers.get("Cache-Control")).toContain("no-store");
  });

  it("GET offers, offer and status return the normalised model", async () => {
    const list = await call(offers as never, { publisherId: "contoso" });
    expect(list.status).toBe(200);
    expect(list.body.data.length).toBeGreaterThanOrEqual(18);
    const one = await call(offer as never, { publisherId: "contoso", offerId: "contoso-vm-failed" });
    expect(one.body.data).toMatchObject({ id: "contoso-vm-failed", status: { value: "failed" } });
    const st = await call(status as never, { publisherId: "contoso", offerId: "contoso-vm-failed" });
    expect(st.body.data).toMatchObject({ indicator: "failed", offerId: "contoso-vm-failed" });
    const html = st.body.data.steps
      .flatMap((s: { messages: { html: string }[] }) => s.messages.map((m) => m.html))
      .join("");
    expect(html).toContain('rel="noopener noreferrer"');
  });
});

describe("hostile ids", () => {
  const hostile = [
    "..",
    ".",
    "../contoso",
    "contoso/../northwind",
    "a/b",
    "a%2Fb",
    "%2e%2e",
    "a\\b",
    "con\r\ntoso",
    "con toso",
    "contoso?api-version=1",
    "contoso#x",
    "x".repeat(101),
    "ｃｏｎｔｏｓｏ",
    "contoso\u0000",
    "<script>",
    "",
    "-leading",
  ];

  it("answers 400 invalid_id and never reaches the upstream", async () => {
    await h.control("POST", "/_emulator/stats/reset");
    for (const id of hostile) {
      for (const [handler, params] of [
        [offers, { publisherId: id }],
        [status, { publisherId: "contoso", offerId: id }],
        [offer, { publisherId: id, offerId: "contoso-vm-failed" }],
        [golive, { publisherId: "contoso", offerId: id }],
        [cancel, { publisherId: "contoso", offerId: id }],
      ] as const) {
        const res = await call(
          handler as never,
          params as Params,
          handler === golive || handler === cancel ? "POST" : "GET",
        );
        expect(res.status, `${JSON.stringify(id)}`).toBe(400);
        expect(res.body.error.code).toBe("invalid_id");
      }
    }
    const stats = await h.stats();
    expect(stats.apiRequests).toBe(0);
    expect(stats.tokenRequests).toBe(0);
  });
});

describe("error envelope", () => {
  it("maps upstream faults to fitting statuses with one envelope", async () => {
    const cases: [Record<string, unknown>, number, string][] = [
      [{ target: "status", kind: "status", status: 503, retryAfter: 45 }, 503, "upstream_unavailable"],
      [{ target: "status", kind: "status", status: 500 }, 502, "upstream_error"],
      [{ target: "status", kind: "malformed" }, 502, "upstream_contract"],
      [{ target: "token", kind: "invalid_client" }, 502, "token_rejected"],
    ];
    for (const [spec, code, errorCode] of cases) {
      await h.control("DELETE", "/_emulator/faults");
      await h.control("POST", "/_emulator/tokens/revoke");
      await h.control("POST", "/_emulator/faults", spec);
      const res = await call(status as never, { publisherId: "contoso", offerId: "contoso-vm-certifying" });
      expect(res.status, JSON.stringify(spec)).toBe(code);
      expect(Object.keys(res.body)).toEqual(["error"]);
      expect(res.body.error.code).toBe(errorCode);
      expect(typeof res.body.error.message).toBe("string");
    }
    await h.control("DELETE", "/_emulator/faults");
  });

  it("sends Retry-After with a 503", async () => {
    await h.control("POST", "/_emulator/faults", { target: "offers", kind: "status", status: 503, retryAfter: 45 });
    const res = await call(offers as never, { publisherId: "contoso" });
    expect(res.status).toBe(503);
    expect(res.headers.get("Retry-After")).toBe("45");
  });

  it("answers 403 and 404 with words a publisher can act on", async () => {
    const forbidden = await call(offers as never, { publisherId: "northwind" });
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.error.message).toMatch(/service principal/);
    const missing = await call(status as never, { publisherId: "contoso", offerId: "nope" });
    expect(missing.status).toBe(404);
  });
});

describe("actions", () => {
  it("POST golive answers 202 with the operation, and tells an offer already live as information", async () => {
    const ok = await call(golive as never, { publisherId: "fabrikam", offerId: "fabrikam-vm-signoff" }, "POST");
    expect(ok.status).toBe(202);
    expect(ok.body.data).toMatchObject({ action: "golive", upstreamStatus: 202, outcome: "accepted" });
    const refused = await call(golive as never, { publisherId: "contoso", offerId: "contoso-container-live" }, "POST");
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe("already_live");
  });

  it("POST golive on a draft passes the upstream's refusal through as a 400", async () => {
    const refused = await call(golive as never, { publisherId: "contoso", offerId: "contoso-app-draft" }, "POST");
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toMatch(/sign-off/);
  });

  it("POST cancel answers 202 for a publish in progress", async () => {
    const res = await call(cancel as never, { publisherId: "contoso", offerId: "contoso-container-cancel" }, "POST");
    expect(res.status).toBe(202);
    expect(res.body.data.action).toBe("cancel");
  });
});
