/**
 * The server core against the emulator over real HTTPS, with the real MSAL library: no
 * mocks of MSAL or fetch. Counts come from the emulator's own request statistics.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import { ApiError } from "@/lib/schemas/api-error";

import { startHarness, type Harness } from "../testing/emulator-harness";
import { createTokenProvider } from "../token";
import { createCpp } from "./index";

let h: Harness;
const STATUS_ROUTE = "GET /api/publishers/{p}/offers/{o}/status";

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});
beforeEach(async () => {
  await h.control("POST", "/_emulator/reset");
});

function fresh(overrides: Record<string, string> = {}) {
  const env = h.env(overrides);
  return createCpp(env, createTokenProvider(env));
}

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(ApiError);
    return error as ApiError;
  }
  throw new Error("expected the call to fail");
}

const fault = (spec: Record<string, unknown>) => h.control("POST", "/_emulator/faults", spec);

describe("token provider", () => {
  it("reuses one token across many requests", async () => {
    const cpp = fresh({ CACHE_COALESCE: "false" });
    await cpp.listPublishers();
    await cpp.listOffers("fabrikam");
    await cpp.getOfferStatus("contoso", "contoso-vm-certifying");
    expect((await h.stats()).tokenRequests).toBe(1);
  });

  it("makes one token request for 50 concurrent cold requests", async () => {
    const cpp = fresh({ CACHE_COALESCE: "false" });
    await Promise.all(Array.from({ length: 50 }, () => cpp.getOfferStatus("contoso", "contoso-vm-certifying")));
    const stats = await h.stats();
    expect(stats.byRoute[STATUS_ROUTE]).toBe(50);
    expect(stats.tokenRequests).toBe(1);
  });

  it("makes one token request for 50 concurrent requests arriving at expiry", async () => {
    // MSAL renews tokens within five minutes of expiry, so a 60 s token is always "at expiry".
    await h.control("PUT", "/_emulator/config", { tokenLifetimeSeconds: 60 });
    const cpp = fresh({ CACHE_COALESCE: "false" });
    await cpp.listPublishers();
    expect((await h.stats()).tokenRequests).toBe(1);
    await Promise.all(Array.from({ length: 50 }, () => cpp.getOfferStatus("contoso", "contoso-vm-certifying")));
    expect((await h.stats()).tokenRequests).toBe(2);
    await h.control("PUT", "/_emulator/config", { tokenLifetimeSeconds: 3600 });
  });

  it("gets a fresh token once and retries once when the upstream answers 401", async () => {
    const cpp = fresh({ CACHE_COALESCE: "false" });
    await cpp.listPublishers();
    await h.control("POST", "/_emulator/tokens/revoke");
    const { value } = await cpp.getOfferStatus("contoso", "contoso-vm-certifying");
    expect(value.offerId).toBe("contoso-vm-certifying");
    expect((await h.stats()).tokenRequests).toBe(2);
  });

  it("makes one token request when 50 concurrent requests meet a revoked token", async () => {
    const cpp = fresh({ CACHE_COALESCE: "false" });
    await cpp.listPublishers();
    await h.control("POST", "/_emulator/tokens/revoke");
    const results = await Promise.all(
      Array.from({ length: 50 }, () => cpp.getOfferStatus("contoso", "contoso-vm-certifying")),
    );
    expect(results).toHaveLength(50);
    expect((await h.stats()).tokenRequests).toBe(2);
  });

  it("authenticates with a certificate instead of a secret", async () => {
    const cpp = fresh({
      AZURE_CLIENT_ID: h.emulator.credentials.certificateClientId,
      AZURE_CLIENT_SECRET: "",
      AZURE_CLIENT_CERTIFICATE_PATH: h.emulator.credentials.clientCertificatePath,
    });
    const { value } = await cpp.listPublishers();
    expect(value.map((p) => p.id)).toContain("contoso");
  });

  it("names rejected credentials in a 502", async () => {
    const error = await failure(fresh({ AZURE_CLIENT_SECRET: "wrong" }).listPublishers());
    expect(error).toMatchObject({ status: 502, code: "token_rejected" });
    expect(error.message).toMatch(/invalid_client/);
    expect(error.message).toMatch(/AZURE_CLIENT_SECRET/);
    expect(error.message).not.toContain("wrong");
  });

  it("reports a failing token endpoint as a 502", async () => {
    await fault({ target: "token", kind: "status", status: 500 });
    const error = await failure(fresh().listPublishers());
    expect(error).toMatchObject({ status: 502, code: "token_unavailable" });
  });

  it("reports an unreachable token endpoint as a 502 without hanging", async () => {
    const error = await failure(fresh({ AZURE_AUTHORITY_HOST: "https://127.0.0.1:9" }).listPublishers());
    expect(error.status).toBe(502);
    expect(error.code).toMatch(/^token_/);
  });
});

describe("token endpoint failures under the dashboard's own policy", () => {
  it("gets a token at the next call after a single 500 (MSAL's throttling cache kept it away for 60 s)", async () => {
    await fault({ target: "token", kind: "status", status: 500, times: 1 });
    const cpp = fresh({ CACHE_COALESCE: "false" });
    const error = await failure(cpp.listPublishers());
    expect(error).toMatchObject({ status: 502, code: "token_unavailable" });
    await expect(cpp.listPublishers()).resolves.toBeTruthy();
    expect((await h.stats()).tokenRequests).toBe(2);
  });

  it("honours a Retry-After of Entra ID up to the dashboard's cap, says when it tries again, then recovers", async () => {
    // The harness caps waits at CPP_MAX_RETRY_DELAY_MS = 1500 ms: never the 120 s asked.
    await fault({ target: "token", kind: "status", status: 503, retryAfter: 120, times: 1 });
    const cpp = fresh({ CACHE_COALESCE: "false" });
    const error = await failure(cpp.listPublishers());
    expect(error).toMatchObject({ status: 502, code: "token_unavailable" });
    expect(error.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(error.retryAfterSeconds).toBeLessThanOrEqual(2);
    expect(error.message).toMatch(/tries again in \d+ s/);
    await new Promise((resolve) => setTimeout(resolve, 1600));
    await expect(cpp.listPublishers()).resolves.toBeTruthy();
    expect((await h.stats()).tokenRequests).toBe(2);
  });

  it("keeps a valid token when its proactive renewal fails", async () => {
    // MSAL renews within five minutes of expiry: a 200 s token is due for renewal at once,
    // yet valid for minutes.
    await h.control("PUT", "/_emulator/config", { tokenLifetimeSeconds: 200 });
    const cpp = fresh({ CACHE_COALESCE: "false" });
    await cpp.listPublishers();
    await h.control("PUT", "/_emulator/config", { tokenLifetimeSeconds: 3600 });
    await fault({ target: "token", kind: "status", status: 500, times: 1 });
    await expect(cpp.listPublishers()).resolves.toBeTruthy();
    expect((await h.stats()).tokenRequests).toBe(2);
  });
});

describe("coalescing", () => {
  it("keys the cache on the canonical id: 50 case variants of one status cost one upstream read", async () => {
    const cpp = fresh({ CACHE_TTL_STATUS_MS: "60000", CACHE_TTL_LIST_MS: "60000" });
    const variants = Array.from({ length: 50 }, (_, i) =>
      [..."contoso-vm-certifying"].map((c, j) => ((i >> (j % 6)) & 1 ? c.toUpperCase() : c)).join(""),
    );
    expect(new Set(variants).size).toBe(50);
    const results = await Promise.all(variants.map((o) => cpp.getOfferStatus("CONTOSO", o)));
    expect((await h.stats()).byRoute[STATUS_ROUTE]).toBe(1);
    // Each caller gets the ids it asked for.
    expect(results.map((r) => r.value.offerId)).toEqual(variants);
    await Promise.all(["contoso", "Contoso", "CONTOSO", "cOnToSo"].map((p) => cpp.listOffers(p)));
    expect((await h.stats()).byRoute["GET /api/publishers/{p}/offers"]).toBe(1);
  });

  it("turns 100 concurrent reads of one status into one upstream request", async () => {
    const cpp = fresh({ CACHE_TTL_STATUS_MS: "5000" });
    const results = await Promise.all(
      Array.from({ length: 100 }, () => cpp.getOfferStatus("contoso", "contoso-vm-certifying")),
    );
    expect(new Set(results.map((r) => r.fetchedAt)).size).toBe(1);
    expect((await h.stats()).byRoute[STATUS_ROUTE]).toBe(1);
  });

  it("makes the list tell the current step of offers in flight from one browser request", async () => {
    const { value } = await fresh().listOffers("contoso");
    const certifying = value.find((o) => o.id === "contoso-vm-certifying");
    expect(certifying?.currentStep).toMatchObject({ status: { value: "inProgress" } });
    expect(value.find((o) => o.id === "contoso-vm-signoff")?.indicator).toBe("awaitingSignoff");
    expect(value.find((o) => o.id === "contoso-container-live")?.currentStep).toBeNull();
  });

  it("shares the whole list for the list TTL, even once its statuses have expired", async () => {
    const cpp = fresh({ CACHE_TTL_LIST_MS: "60000", CACHE_TTL_STATUS_MS: "1" });
    const first = await cpp.listOffers("contoso");
    const requests = (await h.stats()).apiRequests;
    await new Promise((resolve) => setTimeout(resolve, 20));
    const second = await cpp.listOffers("contoso");
    expect((await h.stats()).apiRequests).toBe(requests);
    expect(second.fetchedAt).toBe(first.fetchedAt);
  });

  it("does not share a list holding a status it could not read", async () => {
    await fault({ target: "status", kind: "status", status: 404, times: 1, offerId: "contoso-vm-certifying" });
    const cpp = fresh({ CACHE_TTL_LIST_MS: "60000" });
    const first = await cpp.listOffers("contoso");
    expect(first.value.find((o) => o.id === "contoso-vm-certifying")?.statusError).toBeTruthy();
    const second = await cpp.listOffers("contoso");
    expect(second.value.find((o) => o.id === "contoso-vm-certifying")?.statusError).toBeNull();
    // The list's own entries were read fine and are shared; the status that failed is read again.
    const stats = await h.stats();
    expect(stats.byRoute["GET /api/publishers/{p}/offers"]).toBe(1);
    expect(stats.byOffer["contoso/contoso-vm-certifying"]?.status).toBe(2);
  });
});

describe("one indicator, one count", () => {
  it("tells a delisted offer as delisted on its Status tab too, though its last run succeeded", async () => {
    const cpp = fresh();
    const status = await cpp.getOfferStatus("contoso", "contoso-vm-delisted");
    expect(status.value.status.value).toBe("succeeded");
    expect(status.value.indicator).toBe("delisted");
    expect(status.value.liveLinks).toEqual([]);
    const { value } = await cpp.listOffers("contoso");
    expect(value.find((o) => o.id === "contoso-vm-delisted")?.indicator).toBe("delisted");
  });

  it("gives a failed offer's list entry its failing step and its error count, as its status counts them", async () => {
    const cpp = fresh();
    const { value } = await cpp.listOffers("contoso");
    const failed = value.find((o) => o.id === "contoso-vm-failed");
    const status = (await cpp.getOfferStatus("contoso", "contoso-vm-failed")).value;
    expect(failed?.indicator).toBe("failed");
    expect(failed?.currentStep).toMatchObject({ status: { value: "rejected" } });
    expect(failed?.currentStep?.id).toBe(status.currentStepId);
    const errorMessages = [...status.messages, ...status.steps.flatMap((s) => s.messages)].filter(
      (m) => m.level.value === "error",
    ).length;
    expect(errorMessages).toBe(2);
    expect(failed?.errorCount).toBe(2);
    expect(status.errorCount).toBe(2);
    const blocked = value.find((o) => o.id === "contoso-container-blocked");
    const blockedStatus = (await cpp.getOfferStatus("contoso", "contoso-container-blocked")).value;
    expect([blocked?.errorCount, blocked?.warningCount]).toEqual([
      blockedStatus.errorCount,
      blockedStatus.warningCount,
    ]);
  });
});

describe("upstream errors", () => {
  it("never loses a retry to the jitter when the cap is small", async () => {
    // 200 ms ± 25 % against a 200 ms cap: before, a wait above the cap meant no retry at all.
    for (let trial = 0; trial < 12; trial++) {
      await fault({ target: "status", kind: "status", status: 500, times: 1 });
      const cpp = fresh({ CPP_MAX_RETRY_DELAY_MS: "200", CACHE_COALESCE: "false" });
      await expect(cpp.getOfferStatus("contoso", "contoso-vm-certifying")).resolves.toBeTruthy();
    }
  });

  it("passes a 404 through with the upstream's message", async () => {
    const error = await failure(fresh().getOfferStatus("contoso", "no-such-offer"));
    expect(error).toMatchObject({ status: 404, code: "not_found" });
    expect(error.message).toContain("no-such-offer");
  });

  it("explains a 403 as the service principal lacking access to the publisher", async () => {
    const error = await failure(fresh().listOffers("northwind"));
    expect(error).toMatchObject({ status: 403, code: "upstream_forbidden" });
    expect(error.message).toMatch(/No publisher 'northwind' is visible to the dashboard's service principal/);
  });

  it("retries a 429 after its Retry-After and succeeds", async () => {
    await fault({ target: "status", kind: "status", status: 429, retryAfter: 1, times: 1 });
    const { value } = await fresh().getOfferStatus("contoso", "contoso-vm-certifying");
    expect(value.steps.length).toBeGreaterThan(0);
    expect((await h.stats()).byRoute[STATUS_ROUTE]).toBe(2);
  });

  it("answers 503 with the retry hint when throttling outlasts what it may wait", async () => {
    await fault({ target: "status", kind: "status", status: 429, retryAfter: 120 });
    const error = await failure(fresh().getOfferStatus("contoso", "contoso-vm-certifying"));
    expect(error).toMatchObject({ status: 503, code: "upstream_throttled", retryAfterSeconds: 120 });
    expect((await h.stats()).byRoute[STATUS_ROUTE]).toBe(1);
  });

  it("retries 5xx a bounded number of times, then 502", async () => {
    await fault({ target: "status", kind: "status", status: 500 });
    const error = await failure(fresh().getOfferStatus("contoso", "contoso-vm-certifying"));
    expect(error).toMatchObject({ status: 502, code: "upstream_error" });
    expect((await h.stats()).byRoute[STATUS_ROUTE]).toBe(3);
  });

  it("recovers from a single 500", async () => {
    await fault({ target: "status", kind: "status", status: 500, times: 1 });
    await expect(fresh().getOfferStatus("contoso", "contoso-vm-certifying")).resolves.toBeTruthy();
  });

  it("maps 503 to 503", async () => {
    await fault({ target: "offers", kind: "status", status: 503, retryAfter: 30 });
    const error = await failure(fresh().listOffers("contoso"));
    expect(error).toMatchObject({ status: 503, code: "upstream_unavailable", retryAfterSeconds: 30 });
  });

  it("maps a body that is not JSON to 502 upstream_contract", async () => {
    await fault({ target: "status", kind: "malformed" });
    const error = await failure(fresh().getOfferStatus("contoso", "contoso-vm-certifying"));
    expect(error).toMatchObject({ status: 502, code: "upstream_contract" });
  });

  it("maps a slow upstream to 504", async () => {
    await fault({ target: "status", kind: "latency", latencyMs: 3000 });
    const error = await failure(fresh({ CPP_TIMEOUT_MS: "300" }).getOfferStatus("contoso", "contoso-vm-certifying"));
    expect(error).toMatchObject({ status: 504, code: "upstream_timeout" });
  });

  it("maps a dropped connection to 502 upstream_unreachable", async () => {
    await fault({ target: "status", kind: "reset" });
    const error = await failure(fresh().getOfferStatus("contoso", "contoso-vm-certifying"));
    expect(error).toMatchObject({ status: 502, code: "upstream_unreachable" });
  });
});

describe("odd upstream data", () => {
  const override = (body: unknown) =>
    h.control("PUT", "/_emulator/publishers/contoso/offers/contoso-vm-certifying/status-override", body);

  it("reads PascalCase, processPercentage, unknown values and missing arrays", async () => {
    await override({
      body: {
        status: "Running",
        steps: [
          { id: "x", stepName: "X", status: "InProgress", processPercentage: 30 },
          { id: "y", status: "Paused" },
        ],
      },
    });
    const { value } = await fresh().getOfferStatus("contoso", "contoso-vm-certifying");
    expect(value.indicator).toBe("publishing");
    expect(value.steps[0]).toMatchObject({ status: { value: "inProgress" }, progress: 30, messages: [] });
    expect(value.steps[1]?.status).toEqual({ value: "unknown", raw: "Paused" });
    expect(value.previewLinks).toEqual([]);
  });

  it("answers 502 upstream_contract for a body of the wrong shape", async () => {
    await override({ body: ["not", "a", "status"] });
    const error = await failure(fresh().getOfferStatus("contoso", "contoso-vm-certifying"));
    expect(error).toMatchObject({ status: 502, code: "upstream_contract" });
  });

  it("reads the scenario offers with PascalCase values", async () => {
    const { value } = await fresh().getOfferStatus("contoso", "contoso-app-pascal");
    expect(value.status.value).toBe("running");
    expect(value.steps.every((s) => s.status.value !== "unknown")).toBe(true);
    expect(value.steps.some((s) => s.progress !== null && s.progress > 0)).toBe(true);
  });
});

describe("actions", () => {
  it("takes an offer awaiting sign-off live and reports the operation to track", async () => {
    const cpp = fresh();
    const op = await cpp.goLive("contoso", "contoso-saas-golive");
    expect(op.upstreamStatus).toBe(202);
    expect(op.operationPath).toMatch(/^\/api\//);
  });

  it("passes the upstream's refusal through as a 400", async () => {
    const error = await failure(fresh().goLive("contoso", "contoso-container-live"));
    expect(error).toMatchObject({ status: 400, code: "upstream_bad_request" });
    expect(error.message).toMatch(/not waiting for publisher sign-off/);
  });

  it("cancels a publish in progress and the next read shows it", async () => {
    const cpp = fresh({ CACHE_TTL_STATUS_MS: "60000" });
    await cpp.getOfferStatus("contoso", "contoso-container-cancel");
    await cpp.cancel("contoso", "contoso-container-cancel");
    const { value } = await cpp.getOfferStatus("contoso", "contoso-container-cancel");
    expect(value.indicator).toBe("canceled");
  });
});
