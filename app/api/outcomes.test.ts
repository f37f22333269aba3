/**
 * Go live and Cancel never misreport their outcome, and nothing of the upstream reaches the
 * browser: our route handlers as Next calls them, against the emulator over real HTTPS with
 * the real MSAL library, with the emulator's faults.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

import { TEST_APP_URL, startHarness, type Harness } from "@/lib/server/testing/emulator-harness";
import { getServices } from "@/lib/server/services";

import { GET as publishers } from "./publishers/route";
import { GET as offers } from "./publishers/[publisherId]/offers/route";
import { GET as offer } from "./publishers/[publisherId]/offers/[offerId]/route";
import { GET as status } from "./publishers/[publisherId]/offers/[offerId]/status/route";
import { POST as golive } from "./publishers/[publisherId]/offers/[offerId]/golive/route";
import { POST as cancel } from "./publishers/[publisherId]/offers/[offerId]/cancel/route";

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
  Object.assign(process.env, h.vars, { CACHE_TTL_STATUS_MS: "0", CACHE_TTL_LIST_MS: "0" });
});
afterAll(async () => {
  await h.close();
});
beforeEach(async () => {
  await h.control("POST", "/_emulator/reset");
});

type Params = Record<string, string>;
type Handler = (req: Request, ctx: { params: Promise<Params> }) => Promise<Response>;

async function call(handler: Handler, params: Params, method = "GET", user: "approver" | "viewer" = "approver") {
  const path = `/api/${Object.values(params).map(encodeURIComponent).join("/")}`;
  const headers = { cookie: await h.sessionCookie(user), origin: TEST_APP_URL };
  const res = await handler(new Request(`${TEST_APP_URL}${path}`, { method, headers }), {
    params: Promise.resolve(params),
  });
  const text = await res.text();
  return { status: res.status, text, body: JSON.parse(text) as Record<string, any> };
}

const fault = (spec: Record<string, unknown>) => h.control("POST", "/_emulator/faults", spec);

/** The audit lines written while `run` runs. */
async function audited(run: () => Promise<unknown>): Promise<Record<string, any>[]> {
  const spy = vi.spyOn(console, "log").mockImplementation(() => undefined);
  try {
    await run();
    return spy.mock.calls
      .map((args) => JSON.parse(String(args[0])) as Record<string, any>)
      .filter((line) => line.type === "audit");
  } finally {
    spy.mockRestore();
  }
}

const SIGNOFF = { publisherId: "contoso", offerId: "contoso-saas-golive" };

/**
 * An offer awaiting sign-off that no earlier test has acted on: the guard keeps an offer's
 * slot for its settling time after a Go live, which outlasts one test.
 */
const used = new Set<string>([SIGNOFF.offerId]);
async function freshSignoff(): Promise<Params> {
  for (const publisherId of ["contoso", "fabrikam"]) {
    const list = await call(offers as Handler, { publisherId });
    const found = (list.body.data as { id: string; indicator: string }[]).find(
      (o) => o.indicator === "awaitingSignoff" && !used.has(o.id),
    );
    if (found) {
      used.add(found.id);
      return { publisherId, offerId: found.id };
    }
  }
  throw new Error("no offer awaiting sign-off left");
}

describe("Go live: an answer that does not say what happened is an unknown outcome", () => {
  it("a 5xx after the Go live was applied is 'unknown', audited so, and a second Go live meanwhile is 409", async () => {
    await fault({ target: "golive", kind: "status", status: 500, afterAction: true, times: 1 });
    const lines = await audited(async () => {
      const first = await call(golive as Handler, SIGNOFF, "POST");
      expect(first.status).toBe(502);
      expect(first.body.error).toMatchObject({ code: "action_outcome_unknown", args: { action: "golive" } });
      // Another tab or approver: refused here, never sent upstream.
      const before = (await h.stats()).byRoute["POST /api/publishers/{p}/offers/{o}/golive"];
      const second = await call(golive as Handler, SIGNOFF, "POST");
      expect(second.status).toBe(409);
      expect(second.body.error).toMatchObject({
        code: "action_in_flight",
        args: { action: "golive", by: "aaron@contoso.example" },
      });
      expect((await h.stats()).byRoute["POST /api/publishers/{p}/offers/{o}/golive"]).toBe(before);
      const cancelled = await call(cancel as Handler, SIGNOFF, "POST");
      expect(cancelled.body.error.code).toBe("action_in_flight");
    });
    expect(lines.map((l) => [l.outcome, l.code])).toEqual([
      ["unknown", "action_outcome_unknown"],
      ["refused", "action_in_flight"],
      ["refused", "action_in_flight"],
    ]);
    // It did go through: the offer's status says so.
    const after = await call(status as Handler, SIGNOFF);
    expect(after.body.data.indicator).toBe("publishing");
  });

  it("a Go live applied but answered after the timeout is 'unknown' (504)", async () => {
    await fault({ target: "golive", kind: "latency", latencyMs: 2600, afterAction: true, times: 1 });
    const res = await call(golive as Handler, await freshSignoff(), "POST");
    expect(res.status).toBe(504);
    expect(res.body.error.code).toBe("action_outcome_unknown");
  });

  it("a dropped connection after the Go live is 'unknown'", async () => {
    await fault({ target: "golive", kind: "reset", afterAction: true, times: 1 });
    const res = await call(golive as Handler, await freshSignoff(), "POST");
    expect(res.body.error.code).toBe("action_outcome_unknown");
  });

  it("a 2xx with an unreadable body and no operation location is 'sent; outcome unknown', audited so", async () => {
    await fault({ target: "golive", kind: "malformed", afterAction: true, times: 1 });
    const target = await freshSignoff();
    const lines = await audited(async () => {
      const res = await call(golive as Handler, target, "POST");
      expect(res.status).toBe(202);
      expect(res.body.data).toMatchObject({ action: "golive", outcome: "unknown", operationPath: null });
    });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ outcome: "unknown", status: 202 });
  });

  it("a refusal the upstream clearly gave frees the offer at once", async () => {
    const target = await freshSignoff();
    await fault({ target: "golive", kind: "status", status: 429, retryAfter: 600, times: 1 });
    expect((await call(golive as Handler, target, "POST")).body.error.code).toBe("upstream_throttled");
    const again = await call(golive as Handler, target, "POST");
    expect(again.status).toBe(202);
    expect(again.body.data.outcome).toBe("accepted");
  });
});

describe("Go live on an offer someone else already took live", () => {
  it("is information, not a failure: already going live, or already live", async () => {
    // Taken live outside this dashboard (the portal, another instance).
    const target = await freshSignoff();
    const token = await getServices().tokens.getToken();
    const direct = await fetch(
      `${h.emulator.url}/api/publishers/${target.publisherId}/offers/${target.offerId}/golive?api-version=2017-10-31`,
      { method: "POST", headers: { Authorization: `Bearer ${token}` } },
    );
    expect(direct.status).toBe(202);
    const going = await call(golive as Handler, target, "POST");
    expect(going.status).toBe(409);
    expect(going.body.error.code).toBe("already_going_live");
    const live = await call(golive as Handler, { publisherId: "contoso", offerId: "contoso-container-live" }, "POST");
    expect(live.status).toBe(409);
    expect(live.body.error.code).toBe("already_live");
  });
});

describe("nothing of the upstream reaches the browser", () => {
  const API_FAULTS: Record<string, unknown>[] = [
    { kind: "status", status: 500 },
    { kind: "status", status: 502 },
    { kind: "status", status: 503, retryAfter: 1 },
    { kind: "status", status: 504 },
    { kind: "status", status: 429, retryAfter: 120 },
    { kind: "status", status: 401 },
    { kind: "status", status: 403 },
    { kind: "status", status: 404 },
    { kind: "status", status: 400 },
    { kind: "malformed" },
    { kind: "reset" },
    { kind: "latency", latencyMs: 2500 },
  ];
  const TOKEN_FAULTS: Record<string, unknown>[] = [
    { kind: "status", status: 500 },
    { kind: "status", status: 503, retryAfter: 3600 },
    { kind: "status", status: 400 },
    { kind: "invalid_client" },
    { kind: "malformed" },
    { kind: "reset" },
  ];
  const ROUTES: [Handler, Params, string][] = [
    [publishers as unknown as Handler, {}, "GET"],
    [offers as Handler, { publisherId: "contoso" }, "GET"],
    [offer as Handler, { publisherId: "contoso", offerId: "contoso-vm-certifying" }, "GET"],
    [status as Handler, { publisherId: "contoso", offerId: "contoso-vm-certifying" }, "GET"],
    [golive as Handler, SIGNOFF, "POST"],
    [cancel as Handler, { publisherId: "contoso", offerId: "contoso-container-cancel" }, "POST"],
  ];

  function secrets(): string[] {
    const url = new URL(h.emulator.url);
    return [
      h.emulator.url,
      url.host,
      url.hostname,
      `:${url.port}`,
      h.vars.CPP_SCOPE ?? "https://cloudpartner.azure.com/.default",
      "cloudpartner.azure.com",
      h.emulator.credentials.tenantId,
    ];
  }

  it("no error body of the fault matrix names the upstream's host, port, scope or tenant", async () => {
    const bodies: string[] = [];
    // A 200 list with an offer whose status could not be read carries our code, not words.
    await h.control("POST", "/_emulator/reset");
    await fault({ target: "status", kind: "reset" });
    const list = await call(offers as Handler, { publisherId: "contoso" });
    expect(list.status).toBe(200);
    const unreadable = (list.body.data as { statusError: string | null }[]).filter((o) => o.statusError !== null);
    expect(unreadable.length).toBeGreaterThan(0);
    for (const o of unreadable) expect(o.statusError).toBe("upstream_unreachable");
    bodies.push(list.text);
    for (const [target, faults] of [
      ["api", API_FAULTS],
      ["token", TOKEN_FAULTS],
    ] as const) {
      for (const spec of faults) {
        for (const [handler, params, method] of ROUTES) {
          await h.control("POST", "/_emulator/reset");
          // A token fault needs a token request: the held token is revoked, the next call asks again.
          await h.control("POST", "/_emulator/tokens/revoke");
          await fault({ target, ...spec });
          const res = await call(handler, params, method);
          if (res.status >= 400 || res.text.includes('"statusError":"')) bodies.push(res.text);
        }
      }
    }

    expect(bodies.length).toBeGreaterThan(60);
    for (const body of bodies) {
      for (const secret of secrets()) expect(body, body).not.toContain(secret);
      const parsed = JSON.parse(body) as { error?: { code: string; message: string } };
      if (parsed.error) expect(parsed.error.code).toMatch(/^[a-z_]+$/);
    }
  }, 120_000);
});
