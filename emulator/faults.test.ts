import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startTestEmulator, type EmulatorClient } from "./test-client";

let client: EmulatorClient;
const STATUS = "/api/publishers/contoso/offers/contoso-vm-signoff/status";

async function addFault(spec: Record<string, unknown>): Promise<string> {
  const res = await client.control("POST", "faults", spec);
  expect(res.status, res.text).toBe(201);
  return res.json<{ id: string }>().id;
}

async function faults() {
  return (await client.control("GET", "faults")).json<
    Array<{ id: string; remaining: number | null; applied: number }>
  >();
}

beforeAll(async () => {
  client = await startTestEmulator();
});
afterAll(async () => {
  await client.close();
});
beforeEach(async () => {
  await client.reset();
  await client.token();
});

describe("API faults", () => {
  it("applies latency and still answers normally; the fault is consumed", async () => {
    const id = await addFault({ target: "status", kind: "latency", latencyMs: 150, times: 1 });
    const res = await client.api("GET", STATUS);
    expect(res.status).toBe(200);
    expect(res.json<{ status: string }>().status).toBe("running");
    expect((await faults()).some((f) => f.id === id)).toBe(false);
  });

  it("answers 429 with Retry-After in the error envelope", async () => {
    await addFault({ target: "api", kind: "status", status: 429, retryAfter: 7, times: 1 });
    const res = await client.api("GET", STATUS);
    expect(res.status).toBe(429);
    expect(res.headers["retry-after"]).toBe("7");
    expect(res.json<{ error: { code: string; message: string } }>().error.code).toBe("TooManyRequests");
    expect((await client.api("GET", STATUS)).status).toBe(200);
  });

  it("answers 500 and 503 for the targeted route kind only, `times` times", async () => {
    await addFault({ target: "offers", kind: "status", status: 503, retryAfter: 2, times: 2 });
    await addFault({ target: "golive", kind: "status", status: 500 });
    expect((await client.api("GET", STATUS)).status).toBe(200);
    const first = await client.api("GET", "/api/publishers/contoso/offers");
    expect(first.status).toBe(503);
    expect(first.json<{ error: { code: string } }>().error.code).toBe("ServiceUnavailable");
    expect((await client.api("GET", "/api/publishers/contoso/offers")).status).toBe(503);
    expect((await client.api("GET", "/api/publishers/contoso/offers")).status).toBe(200);
    const golive = await client.api("POST", "/api/publishers/contoso/offers/contoso-saas-golive/golive");
    expect(golive.status).toBe(500);
    expect(golive.json<{ error: { code: string } }>().error.code).toBe("InternalServerError");
    const remaining = await faults();
    expect(remaining).toHaveLength(1);
    expect(remaining[0]).toMatchObject({ remaining: null, applied: 1 });
    await client.control("DELETE", "faults");
    expect(await faults()).toEqual([]);
    expect((await client.api("POST", "/api/publishers/contoso/offers/contoso-saas-golive/golive")).status).toBe(202);
  });

  it("applies a Go live and then spoils its answer with `afterAction`", async () => {
    const golive = "/api/publishers/contoso/offers/contoso-saas-golive/golive";
    await addFault({ target: "golive", kind: "status", status: 500, afterAction: true, times: 1 });
    expect((await client.api("POST", golive)).status).toBe(500);
    // It went through: the offer no longer waits for sign-off.
    expect((await client.api("POST", golive)).status).toBe(400);
    await client.reset();
    await client.token();
    await addFault({ target: "golive", kind: "malformed", afterAction: true, times: 1 });
    const malformed = await client.api("POST", golive);
    expect(malformed.status).toBe(202);
    expect(malformed.headers.location).toBeUndefined();
    expect(() => JSON.parse(malformed.text)).toThrow();
    expect((await client.api("POST", golive)).status).toBe(400);
    expect(
      (await client.control("POST", "faults", { target: "status", kind: "reset", afterAction: true })).status,
    ).toBe(400);
  });

  it("scopes faults to a publisher and offer", async () => {
    await addFault({ target: "status", kind: "status", status: 502, offerId: "contoso-vm-failed" });
    expect((await client.api("GET", STATUS)).status).toBe(200);
    expect((await client.api("GET", "/api/publishers/contoso/offers/contoso-vm-failed/status")).status).toBe(502);
  });

  it("sends a truncated JSON body with 200", async () => {
    await addFault({ target: "status", kind: "malformed", times: 1 });
    const res = await client.api("GET", STATUS);
    expect(res.status).toBe(200);
    expect(res.headers["content-type"]).toContain("application/json");
    expect(res.text.startsWith('{"status": "running", "steps": [')).toBe(true);
    expect(() => JSON.parse(res.text)).toThrow();
  });

  it("resets the connection", async () => {
    await addFault({ target: "api", kind: "reset", times: 1 });
    await expect(client.api("GET", STATUS)).rejects.toThrow();
    expect((await client.api("GET", STATUS)).status).toBe(200);
  });

  it("combines latency with a status fault", async () => {
    await addFault({ target: "status", kind: "latency", latencyMs: 50, times: 1 });
    await addFault({ target: "status", kind: "status", status: 503, times: 1 });
    expect((await client.api("GET", STATUS)).status).toBe(503);
    expect(await faults()).toEqual([]);
  });

  it("validates fault specs", async () => {
    expect((await client.control("POST", "faults", { target: "api", kind: "status" })).status).toBe(400);
    expect((await client.control("POST", "faults", { target: "moon", kind: "reset" })).status).toBe(400);
    expect((await client.control("POST", "faults", { target: "api", kind: "invalid_client" })).status).toBe(400);
  });
});

describe("token faults", () => {
  const tokenRequest = () => {
    const { clientId, clientSecret, scope } = client.emulator.credentials;
    return client.tokenRequest({
      grant_type: "client_credentials",
      client_id: clientId,
      client_secret: clientSecret,
      scope,
    });
  };

  it("answers Entra error JSON for status faults and invalid_client", async () => {
    await addFault({ target: "token", kind: "status", status: 503, retryAfter: 3, times: 1 });
    await addFault({ target: "token", kind: "invalid_client", times: 1 });
    const unavailable = await tokenRequest();
    expect(unavailable.status).toBe(503);
    expect(unavailable.headers["retry-after"]).toBe("3");
    expect(unavailable.json<{ error: string; error_codes: number[] }>()).toMatchObject({
      error: "temporarily_unavailable",
    });
    const invalid = await tokenRequest();
    expect(invalid.status).toBe(401);
    expect(invalid.json<{ error: string; error_codes: number[] }>()).toMatchObject({
      error: "invalid_client",
      error_codes: [7000215],
    });
    expect((await tokenRequest()).status).toBe(200);
    const stats = (await client.control("GET", "stats")).json<{ tokenRequests: number; tokenRequestsFailed: number }>();
    expect(stats).toMatchObject({ tokenRequests: 4, tokenRequestsFailed: 2 });
  });

  it("sends malformed token responses and resets token connections", async () => {
    await addFault({ target: "token", kind: "malformed", times: 1 });
    await addFault({ target: "token", kind: "reset", times: 1 });
    const malformed = await tokenRequest();
    expect(malformed.status).toBe(200);
    expect(() => JSON.parse(malformed.text)).toThrow();
    await expect(tokenRequest()).rejects.toThrow();
    expect((await tokenRequest()).status).toBe(200);
    // API faults do not touch the token endpoint, and token faults do not touch the API.
    await addFault({ target: "token", kind: "status", status: 500 });
    expect((await client.api("GET", STATUS)).status).toBe(200);
  });
});
