import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { API_QUERY, startTestEmulator, type EmulatorClient } from "./test-client";

interface Summary {
  offerTypeId: string;
  publisherId: string;
  status: string;
  id: string;
  version: number;
  definition: { displayText: string };
  changedTime: string;
}

interface StatusDoc {
  status: string;
  messages: unknown[];
  steps: Array<
    Record<string, unknown> & {
      id: string;
      status: string;
      messages: Array<{ messageHtml: string; level: string; timestamp: string }>;
    }
  >;
  previewLinks: Array<{ displayText: string; uri: string }>;
  liveLinks: Array<{ displayText: string; uri: string }>;
  notificationEmails?: string;
}

let client: EmulatorClient;
const offerPath = (p: string, o: string, rest = "") => `/api/publishers/${p}/offers/${o}${rest}`;
const status = async (o: string, p = "contoso") =>
  (await client.api("GET", offerPath(p, o, "/status"))).json<StatusDoc>();

beforeAll(async () => {
  client = await startTestEmulator();
});
afterAll(async () => {
  await client.close();
});
beforeEach(async () => {
  await client.reset();
});

describe("reads", () => {
  it("lists the accessible publishers only", async () => {
    const res = await client.api("GET", "/api/publishers");
    expect(res.status).toBe(200);
    const body = res.json<Array<{ id: string; version: number; definition: Record<string, unknown> }>>();
    expect(body.map((p) => p.id)).toEqual(["contoso", "fabrikam"]);
    expect(body[0]).toEqual({
      version: 0,
      id: "contoso",
      definition: { displayText: "Contoso Ltd.", offerTypeCategories: expect.any(Array), sellerId: 1234 },
    });
  });

  it("lists offer summaries with the documented fields", async () => {
    const contoso = (await client.api("GET", "/api/publishers/contoso/offers")).json<Summary[]>();
    const fabrikam = (await client.api("GET", "/api/publishers/fabrikam/offers")).json<Summary[]>();
    expect(contoso.length).toBe(30);
    expect(fabrikam.length).toBe(15);
    for (const offer of [...contoso, ...fabrikam]) {
      expect(Object.keys(offer)).toEqual([
        "offerTypeId",
        "publisherId",
        "status",
        "id",
        "version",
        "definition",
        "changedTime",
      ]);
      expect(offer.changedTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3,7}Z$/);
    }
    const byId = new Map(contoso.map((o) => [o.id, o]));
    expect(byId.get("contoso-vm-published")?.status).toBe("published");
    expect(byId.get("contoso-vm-delisted")?.status).toBe("delisted");
    expect(byId.get("contoso-app-signoff")?.status).toBe("waitingForPublisherReview");
    expect(byId.get("contoso-app-pascal")?.status).toBe("Running");
    expect(fabrikam.some((o) => o.id === "fabrikam-vm-signoff")).toBe(true);
  });

  it("returns a full offer with an Etag, by id, version and slot", async () => {
    const res = await client.api("GET", offerPath("contoso", "contoso-vm-published"));
    expect(res.status).toBe(200);
    expect(res.headers.etag).toMatch(/^W\/"datetime'\d{4}-\d\d-\d\dT\d\d%3A\d\d%3A/);
    const offer = res.json<
      Summary & { definition: { offer: Record<string, unknown>; plans: Array<Record<string, unknown>> } }
    >();
    expect(Object.keys(offer)).toEqual([
      "offerTypeId",
      "publisherId",
      "status",
      "id",
      "version",
      "definition",
      "changedTime",
    ]);
    expect(offer.version).toBe(5);
    expect(offer.definition.offer["microsoft-azure-marketplace.title"]).toBe(offer.definition.displayText);
    expect(offer.definition.offer).toHaveProperty(["microsoft-azure-marketplace.summary"]);
    expect(offer.definition.offer).toHaveProperty(["microsoft-azure-marketplace.longSummary"]);
    const plan = offer.definition.plans[0];
    expect(plan).toMatchObject({ planId: expect.any(String), regions: expect.any(Array) });
    expect(plan).toHaveProperty(["microsoft-azure-virtualmachines.skuTitle"]);

    const v1 = await client.api("GET", offerPath("contoso", "contoso-vm-published", "/versions/1"));
    expect(v1.json<Summary>().version).toBe(1);
    for (const bad of ["/versions/6", "/versions/0", "/versions/abc", "/slot/Staging"]) {
      const res404 = await client.api("GET", offerPath("contoso", "contoso-vm-published", bad));
      expect(res404.status, bad).toBe(404);
      expect(res404.json<{ error: { code: string } }>().error.code).toBe("NotFound");
    }
    expect((await client.api("GET", offerPath("contoso", "contoso-vm-published", "/slot/production"))).status).toBe(
      200,
    );
    expect((await client.api("GET", offerPath("contoso", "contoso-app-draft", "/slot/Draft"))).status).toBe(200);
    expect((await client.api("GET", offerPath("contoso", "contoso-app-draft", "/slot/Preview"))).status).toBe(404);
    expect((await client.api("GET", offerPath("contoso", "contoso-vm-signoff", "/slot/PREVIEW"))).status).toBe(200);
    expect((await client.api("GET", offerPath("contoso", "contoso-vm-signoff", "/slot/Production"))).status).toBe(404);
  });

  it("returns status documents in the documented shape for every offer", async () => {
    for (const p of ["contoso", "fabrikam"]) {
      const offers = (await client.api("GET", `/api/publishers/${p}/offers`)).json<Summary[]>();
      for (const offer of offers) {
        const doc = await status(offer.id, p);
        expect(Object.keys(doc).slice(0, 5)).toEqual(["status", "messages", "steps", "previewLinks", "liveLinks"]);
        expect(doc.steps.at(-1)?.id).toBe("live");
        expect(doc.steps.some((s) => s.id === "publisher-signoff")).toBe(true);
        for (const step of doc.steps) {
          expect(step).toMatchObject({
            id: expect.any(String),
            stepName: expect.any(String),
            description: expect.any(String),
          });
          const progress = step.progressPercentage ?? step.processPercentage;
          expect(typeof progress).toBe("number");
          for (const m of step.messages) expect(Object.keys(m)).toEqual(["messageHtml", "level", "timestamp"]);
        }
        for (const link of [...doc.previewLinks, ...doc.liveLinks]) expect(link.uri).toMatch(/^https:\/\//);
      }
    }
  });

  it("shows sign-off, failure and link details of the named offers", async () => {
    const signoff = await status("contoso-vm-signoff");
    expect(signoff.status).toBe("running");
    expect(signoff.steps.find((s) => s.id === "publisher-signoff")?.status).toBe("waitingForPublisherReview");
    expect(signoff.previewLinks.length).toBeGreaterThan(0);
    expect(signoff.steps.flatMap((s) => s.messages).some((m) => m.level === "warning")).toBe(true);

    const failed = await status("contoso-vm-failed");
    expect(failed.status).toBe("failed");
    const cert = failed.steps.find((s) => s.id === "displaycertify");
    expect(cert?.status).toBe("rejected");
    expect(
      cert?.messages.filter((m) => m.level === "error" && m.messageHtml.includes('<a href="https://')),
    ).toHaveLength(2);
    expect(failed.steps.slice(2).every((s) => s.status === "notStarted")).toBe(true);

    const live = await status("contoso-container-live");
    expect(live.status).toBe("succeeded");
    expect(live.steps.every((s) => s.status === "complete")).toBe(true);
    expect(live.liveLinks.length).toBeGreaterThan(0);
    expect(live.notificationEmails).toBeUndefined();
    expect((await status("contoso-vm-published")).status).toBe("succeeded");
    expect((await status("contoso-app-draft")).steps.every((s) => s.status === "notStarted")).toBe(true);
  });
});

describe("request checks", () => {
  it("answers 401 without, with an unknown and with a revoked token", async () => {
    const none = await client.request("GET", `/api/publishers?${API_QUERY}`);
    expect(none.status).toBe(401);
    expect(none.headers["www-authenticate"]).toMatch(/^Bearer/);
    expect(none.json<{ error: { code: string } }>().error.code).toBe("Unauthorized");
    const bogus = await client.request("GET", `/api/publishers?${API_QUERY}`, {
      headers: { Authorization: "Bearer nope" },
    });
    expect(bogus.status).toBe(401);
    expect((await client.api("GET", "/api/publishers")).status).toBe(200);
    await client.control("POST", "tokens/revoke");
    expect((await client.api("GET", "/api/publishers")).status).toBe(401);
  });

  it("checks the api-version after the token", async () => {
    const token = await client.token();
    const headers = { Authorization: `Bearer ${token}` };
    for (const query of ["", "?api-version=2016-08-01-preview"]) {
      const res = await client.request("GET", `/api/publishers${query}`, { headers });
      expect(res.status).toBe(400);
      expect(res.json()).toEqual({
        error: { code: "InvalidAPIVersion", message: "Invalid api version. Allowed values are [2017-10-31]" },
      });
    }
    expect((await client.request("GET", "/api/publishers?api-version=1")).status).toBe(401);
  });

  it("answers 403 for a publisher without access and an unknown one, 404 for unknown offers and routes", async () => {
    for (const p of ["northwind", "nobody"]) {
      const res = await client.api("GET", `/api/publishers/${p}/offers`);
      expect(res.status).toBe(403);
      expect(res.json()).toEqual({
        error: { code: "Forbidden", message: "The client doesn't have access to the specified namespace." },
      });
    }
    const missing = await client.api("GET", offerPath("contoso", "no-such-offer", "/status"));
    expect(missing.status).toBe(404);
    expect(missing.json()).toEqual({
      error: { code: "NotFound", message: "Offer 'no-such-offer' was not found in publisher 'contoso'." },
    });
    const route = await client.api("GET", "/api/offerTypes/whatever");
    expect(route.status).toBe(404);
    expect(route.json<{ error: { code: string } }>().error.code).toBe("NotFound");
  });
});

describe("publish, go live, cancel", () => {
  it("publishes a draft: 202 + non-migrated Location, then 409 while running", async () => {
    const res = await client.api("POST", offerPath("contoso", "contoso-app-draft", "/publish"), {
      body: JSON.stringify({ metadata: { "notification-emails": "a@contoso.com,b@contoso.com" } }),
      headers: { "Content-Type": "application/json" },
    });
    expect(res.status).toBe(202);
    expect(res.text).toBe("");
    expect(res.headers.location).toBe(`/api/operations/contoso$contoso-app-draft$2$preview?${API_QUERY}`);
    const doc = await status("contoso-app-draft");
    expect(doc.status).toBe("running");
    expect(doc.steps[0]?.status).toBe("inProgress");
    expect(doc.notificationEmails).toBe("a@contoso.com,b@contoso.com");

    const token = await client.token();
    const encoded = `/api/operations/contoso%24contoso-app-draft%242%24preview?${API_QUERY}`;
    for (const location of [res.headers.location ?? "", encoded]) {
      const op = await client.request("GET", location, { headers: { Authorization: `Bearer ${token}` } });
      expect(op.status).toBe(200);
      expect(op.json()).toMatchObject({
        status: "running",
        publishingVersion: 2,
        offerVersion: 1,
        cancellationRequestState: "canCancel",
        steps: expect.any(Array),
        notificationEmails: "a@contoso.com,b@contoso.com",
      });
    }
    const again = await client.api("POST", offerPath("contoso", "contoso-app-draft", "/publish"));
    expect(again.status).toBe(409);
    expect(again.json()).toEqual({
      error: { code: "Conflict", message: "An operation is already running for this offer." },
    });

    const subs = (
      await client.api("GET", offerPath("contoso", "contoso-app-draft", "/submissions?status=running"))
    ).json<Array<Record<string, unknown>>>();
    expect(subs).toHaveLength(1);
    expect(subs[0]).toMatchObject({
      offerId: "contoso-app-draft",
      submissionType: "publish",
      submissionState: "running",
      publishingVersion: 2,
      offerVersion: 1,
      slot: "staging",
      definition: { metadata: { emails: "a@contoso.com,b@contoso.com" } },
    });
    expect(Object.keys(subs[0] ?? {})).toEqual([
      "id",
      "offerId",
      "offerVersion",
      "offerTypeId",
      "publisherId",
      "submissionType",
      "submissionState",
      "publishingVersion",
      "slot",
      "version",
      "definition",
      "changedTime",
    ]);
  });

  it("publishes migrated and delisted offers with a GUID operation Location", async () => {
    const res = await client.api("POST", offerPath("contoso", "contoso-container-live", "/publish"));
    expect(res.status).toBe(202);
    const location = res.headers.location ?? "";
    expect(location).toMatch(
      /^\/api\/publishers\/contoso\/offers\/contoso-container-live\/operations\/[0-9a-f-]{36}\?api-version=2017-10-31$/,
    );
    const op = await client.request("GET", location, { headers: { Authorization: `Bearer ${await client.token()}` } });
    expect(op.status).toBe(200);
    expect(op.json<Record<string, unknown>>().notificationEmails).toBeUndefined();
    expect((await client.api("POST", offerPath("contoso", "contoso-vm-delisted", "/publish"))).status).toBe(202);
    const list = (await client.api("GET", "/api/publishers/contoso/offers")).json<Summary[]>();
    expect(list.find((o) => o.id === "contoso-vm-delisted")?.status).toBe("running");
    expect((await client.api("GET", offerPath("contoso", "contoso-container-live", "/operations/nope"))).status).toBe(
      404,
    );
  });

  it("rejects a malformed publish body with the error envelope", async () => {
    const res = await client.api("POST", offerPath("contoso", "contoso-app-draft", "/publish"), { body: "{not json" });
    expect(res.status).toBe(400);
    expect(res.json<{ error: { code: string } }>().error.code).toBe("BadRequest");
  });

  it("goes live only when awaiting sign-off", async () => {
    const notWaiting = await client.api("POST", offerPath("contoso", "contoso-vm-certifying", "/golive"));
    expect(notWaiting.status).toBe(400);
    expect(notWaiting.json()).toEqual({
      error: {
        code: "InvalidOperation",
        message: "Offer 'contoso-vm-certifying' is not waiting for publisher sign-off.",
      },
    });
    const res = await client.api("POST", offerPath("contoso", "contoso-saas-golive", "/golive"));
    expect(res.status).toBe(202);
    expect(res.headers.location).toMatch(
      /^\/api\/publishers\/contoso\/offers\/contoso-saas-golive\/operations\/[0-9a-f-]{36}\?/,
    );
    const doc = await status("contoso-saas-golive");
    expect(doc.steps.find((s) => s.id === "publisher-signoff")?.status).toBe("complete");
    expect(doc.steps.find((s) => s.id === "live")?.status).toBe("inProgress");
    const subs = (await client.api("GET", offerPath("contoso", "contoso-saas-golive", "/submissions"))).json<
      Array<{ submissionType: string; submissionState: string }>
    >();
    expect(subs[0]).toMatchObject({ submissionType: "goLive", submissionState: "running" });
  });

  it("answers go live on Operation-Location offers with an absolute URL", async () => {
    for (const [p, o] of [
      ["contoso", "contoso-app-signoff"],
      ["fabrikam", "fabrikam-vm-signoff"],
    ] as const) {
      const res = await client.api("POST", offerPath(p, o, "/golive"));
      expect(res.status).toBe(202);
      expect(res.headers.location).toBeUndefined();
      const target = String(res.headers["operation-location"] ?? "");
      expect(target.startsWith(`${client.emulator.url}/api/publishers/${p}/offers/${o}/operations/`)).toBe(true);
      const op = await client.request("GET", new URL(target).pathname + new URL(target).search, {
        headers: { Authorization: `Bearer ${await client.token()}` },
      });
      expect(op.status).toBe(200);
    }
  });

  it("cancels a running publish and refuses to cancel twice", async () => {
    const res = await client.api("POST", offerPath("contoso", "contoso-container-cancel", "/cancel"));
    expect(res.status).toBe(202);
    expect(res.headers.location).toMatch(/\/operations\/[0-9a-f-]{36}\?api-version=2017-10-31$/);
    const doc = await status("contoso-container-cancel");
    expect(doc.status).toBe("canceled");
    const cert = doc.steps.find((s) => s.id === "certification");
    expect(cert?.status).toBe("canceled");
    expect(cert?.messages.at(-1)).toMatchObject({
      level: "information",
      messageHtml: "Publish canceled by the publisher.",
    });
    expect(doc.steps.slice(3).every((s) => s.status === "notStarted")).toBe(true);
    const twice = await client.api("POST", offerPath("contoso", "contoso-container-cancel", "/cancel"));
    expect(twice.status).toBe(400);
    expect(twice.json()).toEqual({
      error: { code: "InvalidOperation", message: "No operation in progress to cancel." },
    });
    const subs = (await client.api("GET", offerPath("contoso", "contoso-container-cancel", "/submissions"))).json<
      Array<{ submissionType: string; submissionState: string }>
    >();
    expect(subs.map((s) => `${s.submissionType}:${s.submissionState}`)).toEqual([
      "cancel:completed",
      "publish:canceled",
    ]);
    // Awaiting sign-off can be canceled too.
    expect((await client.api("POST", offerPath("contoso", "contoso-vm-signoff", "/cancel"))).status).toBe(202);
    expect((await status("contoso-vm-signoff")).steps.find((s) => s.id === "publisher-signoff")?.status).toBe(
      "canceled",
    );
  });
});
