import { Agent } from "node:https";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { TEST_CLOCK_START_MS } from "./clock";
import { generateDataset } from "./data";
import { deriveOffer } from "./simulation";
import { API_QUERY, startTestEmulator, type EmulatorClient } from "./test-client";

let client: EmulatorClient;
const STATUS = "/api/publishers/contoso/offers/contoso-vm-signoff/status";
const OVERRIDE = "publishers/contoso/offers/contoso-vm-signoff/status-override";

beforeAll(async () => {
  client = await startTestEmulator();
});
afterAll(async () => {
  await client.close();
});
beforeEach(async () => {
  await client.reset();
});

describe("control API", () => {
  it("does not exist outside test mode", async () => {
    const demo = await startTestEmulator({ testMode: false, certDir: path.dirname(client.emulator.caFile) });
    try {
      for (const [method, route] of [
        ["GET", "stats"],
        ["GET", "clock"],
        ["POST", "reset"],
        ["POST", "faults"],
      ] as const) {
        const res = await demo.control(method, route, method === "POST" ? {} : undefined);
        expect(res.status).toBe(404);
        expect(res.json<{ error: { code: string } }>().error.code).toBe("NotFound");
      }
      expect((await demo.api("GET", "/api/publishers")).status).toBe(200);
    } finally {
      await demo.close();
    }
  });

  it("overrides the status body verbatim and removes the override", async () => {
    const weird = { status: "Running", steps: null, extra: ["x"] };
    expect((await client.control("PUT", OVERRIDE, { body: weird })).status).toBe(200);
    expect((await client.api("GET", STATUS)).json()).toEqual(weird);
    await client.control("PUT", OVERRIDE, { raw: '{"status": "running", "steps": [' });
    expect((await client.api("GET", STATUS)).text).toBe('{"status": "running", "steps": [');
    const unauthenticated = await client.request("GET", `${STATUS}?${API_QUERY}`);
    expect(unauthenticated.status).toBe(401);
    await client.control("DELETE", OVERRIDE);
    expect((await client.api("GET", STATUS)).json<{ status: string }>().status).toBe("running");
    expect((await client.control("PUT", "publishers/contoso/offers/nope/status-override", { body: 1 })).status).toBe(
      404,
    );
    expect((await client.control("PUT", OVERRIDE, { nothing: true })).status).toBe(400);
  });

  it("appends messages to a step of the normal status document", async () => {
    const html = `<img src=x onerror="alert(1)"><script>alert(2)</script><a href="javascript:alert(3)">click</a>`;
    const res = await client.control("POST", "publishers/contoso/offers/contoso-vm-signoff/messages", {
      stepId: "displayprovision",
      level: "error",
      messageHtml: html,
    });
    expect(res.status).toBe(201);
    const doc = (await client.api("GET", STATUS)).json<{
      steps: Array<{ id: string; messages: Array<Record<string, string>> }>;
    }>();
    const messages = doc.steps.find((s) => s.id === "displayprovision")?.messages ?? [];
    expect(messages.at(-1)).toEqual({
      messageHtml: html,
      level: "error",
      timestamp: expect.stringMatching(/^2026-01-15T09:00:00/),
    });
    const unknownStep = await client.control("POST", "publishers/contoso/offers/contoso-vm-signoff/messages", {
      stepId: "nope",
      level: "error",
      messageHtml: "x",
    });
    expect(unknownStep.status).toBe(400);
  });

  it("counts API requests by templated route and by offer, and resets them", async () => {
    await client.api("GET", STATUS);
    await client.api("GET", STATUS);
    await client.api("GET", "/api/publishers/contoso/offers");
    const stats = (await client.control("GET", "stats")).json<{
      tokenRequests: number;
      apiRequests: number;
      byRoute: Record<string, number>;
      byOffer: Record<string, Record<string, number>>;
    }>();
    expect(stats.apiRequests).toBe(3);
    expect(stats.tokenRequests).toBe(1);
    expect(stats.byRoute).toEqual({
      "GET /api/publishers/{p}/offers/{o}/status": 2,
      "GET /api/publishers/{p}/offers": 1,
    });
    expect(stats.byOffer).toEqual({ "contoso/contoso-vm-signoff": { status: 2 } });
    await client.control("POST", "stats/reset");
    expect((await client.control("GET", "stats")).json()).toMatchObject({
      apiRequests: 0,
      tokenRequests: 0,
      byRoute: {},
    });
  });

  it("resets data, clock, faults and tokens, optionally with another seed", async () => {
    const token = await client.token();
    await client.control("POST", "clock", { advanceMs: 3_600_000 });
    await client.control("POST", "faults", { target: "api", kind: "status", status: 500 });
    await client.request("POST", `/api/publishers/contoso/offers/contoso-app-draft/publish?${API_QUERY}`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    const before = (
      await client.request("GET", `/api/publishers/contoso/offers?${API_QUERY}`, {
        headers: { Authorization: `Bearer ${token}` },
      })
    ).text;
    await client.reset({ seed: 99 });
    expect((await client.control("GET", "clock")).json()).toEqual({ now: new Date(TEST_CLOCK_START_MS).toISOString() });
    expect((await client.control("GET", "faults")).json()).toEqual([]);
    const stale = await client.request("GET", `/api/publishers?${API_QUERY}`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(stale.status).toBe(401);
    const after = await client.api("GET", "/api/publishers/contoso/offers");
    expect(after.text).not.toBe(before);
    const draft = after.json<Array<{ id: string; status: string }>>().find((o) => o.id === "contoso-app-draft");
    expect(draft?.status).toBe("neverPublished");
    expect((await client.control("POST", "reset", { seed: "x" })).status).toBe(400);
  });

  it("changes the token lifetime", async () => {
    expect((await client.control("PUT", "config", { tokenLifetimeSeconds: 120 })).json()).toEqual({
      tokenLifetimeSeconds: 120,
    });
    const { clientId, clientSecret, scope } = client.emulator.credentials;
    const res = await client.tokenRequest({
      grant_type: "client_credentials",
      client_id: clientId,
      client_secret: clientSecret,
      scope,
    });
    expect(res.json<{ expires_in: number }>().expires_in).toBe(120);
  });
});

describe("bulk publisher", () => {
  it("generates N offers of which M await sign-off", async () => {
    await client.reset({ bulk: { publisherId: "bulk", offers: 400, awaitingSignoff: 90 } });
    const publishers = (await client.api("GET", "/api/publishers")).json<Array<{ id: string }>>();
    expect(publishers.map((p) => p.id)).toEqual(["contoso", "fabrikam", "bulk"]);
    const offers = (await client.api("GET", "/api/publishers/bulk/offers")).json<
      Array<{ id: string; status: string }>
    >();
    expect(offers).toHaveLength(400);
    const docs = await Promise.all(
      offers.map(async (o) =>
        (await client.api("GET", `/api/publishers/bulk/offers/${o.id}/status`)).json<{
          status: string;
          steps: Array<{ id: string; status: string }>;
        }>(),
      ),
    );
    const awaiting = docs.filter(
      (d) =>
        d.status === "waitingForPublisherReview" ||
        (d.status === "running" &&
          d.steps.find((s) => s.id === "publisher-signoff")?.status === "waitingForPublisherReview"),
    );
    expect(awaiting).toHaveLength(90);
  });

  it("generates 5,000 offers directly, with status derived lazily", () => {
    const data = generateDataset(42, TEST_CLOCK_START_MS, { publisherId: "bulk", offers: 5000, awaitingSignoff: 1000 });
    const bulk = data.publishers.get("bulk");
    expect(bulk?.offers).toHaveLength(5000);
    expect(bulk?.offers.every((o) => o.cache === null)).toBe(true);
    const awaiting = (bulk?.offers ?? []).filter((o) => deriveOffer(o, TEST_CLOCK_START_MS).phase === "signoff");
    expect(awaiting).toHaveLength(1000);
  });
});

describe("robustness", () => {
  it("answers malformed URLs, huge paths and bad bodies with the error envelope", async () => {
    const token = await client.token();
    const auth = { Authorization: `Bearer ${token}` };
    const badEncoding = await client.request("GET", `/api/publishers/%E0%A4%A/offers?${API_QUERY}`, { headers: auth });
    expect(badEncoding.status).toBe(400);
    expect(badEncoding.json<{ error: { code: string } }>().error.code).toBe("BadRequest");
    const huge = await client.request("GET", `/api/${"a".repeat(20_000)}?${API_QUERY}`, { headers: auth });
    expect(huge.status).toBe(400);
    const badJson = await client.request("POST", "/_emulator/clock", {
      body: "{",
      headers: { "Content-Type": "application/json" },
    });
    expect(badJson.status).toBe(400);
    const tooBig = await client.request(
      "POST",
      `/api/publishers/contoso/offers/contoso-app-draft/publish?${API_QUERY}`,
      {
        headers: auth,
        body: JSON.stringify({ metadata: { "notification-emails": "x".repeat(300_000) } }),
      },
    );
    expect(tooBig.status).toBe(413);
    const wrongMethod = await client.api("DELETE", "/api/publishers/contoso/offers");
    expect(wrongMethod.status).toBe(405);
    const form = await client.tokenRequest({ grant_type: "%%%" });
    expect(form.status).toBe(400);
    expect((await client.api("GET", "/api/publishers")).status).toBe(200);
  });

  it("serves 500 concurrent keep-alive clients", async () => {
    const token = await client.token();
    const agent = new Agent({ ca: client.ca, keepAlive: true, maxSockets: 500 });
    try {
      const results = await Promise.all(
        Array.from({ length: 500 }, (_, i) =>
          client.request("GET", `/api/publishers/contoso/offers/contoso-vm-certifying/status?${API_QUERY}&i=${i}`, {
            agent,
            headers: { Authorization: `Bearer ${token}` },
          }),
        ),
      );
      expect(results.filter((r) => r.status === 200)).toHaveLength(500);
      expect((await client.api("GET", "/api/publishers")).status).toBe(200);
    } finally {
      agent.destroy();
    }
  });
});
