/**
 * The Partner Center adapter against the emulator's Product Ingestion API over real HTTPS,
 * with the real MSAL library (a Graph-scoped token): no mocks of MSAL or fetch. Counts come
 * from the emulator's own request statistics.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import { ApiError } from "@/lib/schemas/api-error";
import type { OfferStatus } from "@/lib/schemas/model";

import { startHarness, type Harness } from "../testing/emulator-harness";
import { createTokenProvider } from "../token";
import { createPartnerCenter, type PartnerCenterOptions } from "./index";

let h: Harness;
const SELLER = "seller";
const MIN = 60_000;
const ROUTE = {
  products: "GET /rp/product-ingestion/product",
  submissions: "GET /rp/product-ingestion/submission/{id}",
  job: "GET /rp/product-ingestion/configure/{jobId}/status",
  configure: "POST /rp/product-ingestion/configure",
};

beforeAll(async () => {
  h = await startHarness({ upstream: "partner-center" });
});
afterAll(async () => {
  await h.close();
});
beforeEach(async () => {
  await h.control("POST", "/_emulator/reset");
});

function fresh(overrides: Record<string, string> = {}, options: PartnerCenterOptions = {}) {
  const env = h.env(overrides);
  return createPartnerCenter(env, createTokenProvider(env), undefined, options);
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
const advance = (ms: number) => h.control("POST", "/_emulator/clock", { advanceMs: ms });
const stepStatuses = (status: OfferStatus) => status.steps.map((s) => [s.id, s.status.value]);

describe("the seller and its offers", () => {
  it("reads with a Graph-scoped token and names the one publisher from configuration", async () => {
    const pc = fresh({ PARTNER_CENTER_SELLER_ID: "contoso-pc", PARTNER_CENTER_SELLER_NAME: "Contoso Ltd." });
    expect((await pc.listPublishers()).value).toEqual([{ id: "contoso-pc", name: "Contoso Ltd." }]);
    const { value } = await pc.listOffers("Contoso-PC");
    expect(value.length).toBe(16);
    expect((await h.stats()).tokenRequests).toBe(1);
    const error = await failure(pc.listOffers("contoso"));
    expect(error).toMatchObject({ status: 404, code: "not_found" });
  });

  it("follows @nextLink across the product pages", async () => {
    const { value } = await fresh().listOffers(SELLER);
    expect(new Set(value.map((o) => o.id)).size).toBe(16);
    expect(value.map((o) => o.id)).toContain("pc-saas-live-5");
    expect((await h.stats()).byRoute[ROUTE.products]).toBe(2);
  });

  it("maps products: external id, alias, offer type and the Partner Center link", async () => {
    const { value } = await fresh().listOffers(SELLER);
    const signoff = value.find((o) => o.id === "pc-saas-signoff");
    expect(signoff).toMatchObject({
      name: "Contoso Analytics SaaS",
      offerTypeId: "microsoft-azure-saas",
      publisherId: SELLER,
    });
    expect(signoff?.partnerCenterUrl).toMatch(
      /^https:\/\/partner\.microsoft\.com\/dashboard\/commercial-marketplace\/offers\/[0-9a-f-]{36}\/overview$/,
    );
    expect(value.find((o) => o.id === "pc-vm-preview")?.offerTypeId).toBe("microsoft-azure-virtualmachines");
    // Types are read case-insensitively.
    expect(value.find((o) => o.id === "pc-container-pascal")?.offerTypeId).toBe("microsoft-azure-container");
  });

  it("reads an offer's title, summary and plans from its resource tree", async () => {
    const { value } = await fresh().getOffer(SELLER, "pc-saas-signoff");
    expect(value).toMatchObject({
      id: "pc-saas-signoff",
      name: "Contoso Analytics SaaS",
      title: "Contoso Analytics SaaS",
      plans: [
        { id: "standard", title: "Standard" },
        { id: "premium", title: "Premium" },
      ],
      status: { value: "waitingForPublisherReview" },
    });
    expect(value.summary).toContain("Partner Center");
  });
});

describe("derived indicators", () => {
  it("derives every indicator from the submissions", async () => {
    const { value } = await fresh().listOffers(SELLER);
    const indicator = Object.fromEntries(value.map((o) => [o.id, o.indicator]));
    expect(indicator).toMatchObject({
      "pc-saas-draft": "draft",
      "pc-vm-preview": "publishing",
      "pc-container-pascal": "publishing",
      "pc-saas-signoff": "awaitingSignoff",
      "pc-saas-failed": "failed",
      "pc-container-live": "live",
      "pc-vm-delisted": "delisted",
      "pc-app-paused": "unknown",
    });
    expect(value.find((o) => o.id === "pc-app-paused")?.status).toEqual({ value: "unknown", raw: "paused" });
  });

  it("builds Partner Center's stages, says they are derived, and gives its estimates", async () => {
    const { value } = await fresh().getOfferStatus(SELLER, "pc-saas-signoff");
    expect(value.derivedFrom).toBe("submissions");
    expect(stepStatuses(value)).toEqual([
      ["draft", "complete"],
      ["preview-creation", "complete"],
      ["publisher-signoff", "waitingForPublisherReview"],
      ["publish", "notStarted"],
      ["live", "notStarted"],
    ]);
    expect(value.currentStepId).toBe("publisher-signoff");
    expect(value.steps.find((s) => s.id === "publish")?.estimatedTimeFrame).toBe("> 30 min");
    expect(value.waitingSince).not.toBeNull();
    // No configure job of ours runs: Cancel is not offered, and the status says why.
    expect(value.cancelUnavailable).toBe("noRunningJob");
  });

  it("moves a preview to sign-off, and a failing one to failed, on the emulator's clock", async () => {
    const pc = fresh({ CACHE_COALESCE: "false" });
    const before = (await pc.getOfferStatus(SELLER, "pc-vm-preview")).value;
    expect(before.indicator).toBe("publishing");
    expect(before.currentStepId).toBe("preview-creation");
    expect(before.steps[1]?.startedAt).not.toBeNull();
    await advance(31 * MIN);
    expect((await pc.getOfferStatus(SELLER, "pc-vm-preview")).value.indicator).toBe("awaitingSignoff");
    const failed = (await pc.getOfferStatus(SELLER, "pc-vm-failing")).value;
    expect(failed.indicator).toBe("failed");
    expect(failed.steps[1]?.status.value).toBe("rejected");
    // The API gives no reason for a submission it did not start here; the message says so and links to it.
    expect(failed.errorCount).toBe(1);
    expect(failed.steps[1]?.messages[0]?.html).toContain('href="https://partner.microsoft.com/dashboard/');
  });

  it("keeps a delisted offer's live stage complete with no cancel reason", async () => {
    const { value } = await fresh().getOfferStatus(SELLER, "pc-vm-delisted");
    expect(value.indicator).toBe("delisted");
    expect(value.steps.every((s) => s.status.value === "complete")).toBe(true);
    expect(value.cancelUnavailable).toBeNull();
  });
});

describe("Go live and Cancel", () => {
  it("goes live through configure, then follows the job until the offer is live", async () => {
    const pc = fresh({ CACHE_COALESCE: "false" });
    const op = await pc.goLive(SELLER, "pc-saas-golive");
    expect(op).toMatchObject({ action: "golive", upstreamStatus: 202, outcome: "accepted" });
    expect(op.operationPath).toBe(`/rp/product-ingestion/configure/${op.operationId}/status`);
    const running = (await pc.getOfferStatus(SELLER, "pc-saas-golive")).value;
    expect(running.indicator).toBe("publishing");
    expect(running.currentStepId).toBe("publish");
    expect(running.cancelUnavailable).toBeNull();
    expect(running.steps.find((s) => s.id === "publish")?.messages[0]?.text).toContain(op.operationId ?? "?");
    await advance(46 * MIN);
    const live = (await pc.getOfferStatus(SELLER, "pc-saas-golive")).value;
    expect(live.indicator).toBe("live");
    expect(stepStatuses(live).every(([, s]) => s === "complete")).toBe(true);
    const stats = await h.stats();
    expect(stats.byRoute[ROUTE.configure]).toBe(1);
    expect(stats.byRoute[ROUTE.job]).toBe(2);
    // A completed job is not asked about again.
    await pc.getOfferStatus(SELLER, "pc-saas-golive");
    expect((await h.stats()).byRoute[ROUTE.job]).toBe(2);
  });

  it("shows a failed job's errors as error messages on the Publish stage (its id spelt jobID)", async () => {
    const pc = fresh({ CACHE_COALESCE: "false" });
    const op = await pc.goLive(SELLER, "pc-vm-golive-fails");
    expect(op.outcome).toBe("accepted");
    expect(op.operationId).toBeTruthy();
    await advance(11 * MIN);
    const { value } = await pc.getOfferStatus(SELLER, "pc-vm-golive-fails");
    expect(value.indicator).toBe("failed");
    const publish = value.steps.find((s) => s.id === "publish");
    expect(publish?.status.value).toBe("rejected");
    const errors = publish?.messages.filter((m) => m.level.value === "error") ?? [];
    expect(errors.map((m) => m.text)).toEqual([
      expect.stringContaining("(businessValidationError)"),
      expect.stringContaining("(invalidState)"),
    ]);
    expect(publish?.messages.some((m) => m.level.value === "information")).toBe(true);
    expect(value.errorCount).toBe(2);
    const row = (await pc.listOffers(SELLER)).value.find((o) => o.id === "pc-vm-golive-fails");
    expect(row).toMatchObject({ indicator: "failed", errorCount: 2, currentStep: { id: "publish" } });
  });

  it("refuses Go live for an offer that does not await sign-off, without calling configure", async () => {
    const error = await failure(fresh().goLive(SELLER, "pc-container-live"));
    expect(error).toMatchObject({ status: 400, code: "upstream_bad_request" });
    expect(error.message).toMatch(/not waiting for publisher sign-off/);
    expect((await h.stats()).byRoute[ROUTE.configure]).toBeUndefined();
  });

  it("cancels the running configure job, and the offer reads canceled", async () => {
    const pc = fresh({ CACHE_TTL_STATUS_MS: "60000" });
    await pc.goLive(SELLER, "pc-saas-golive");
    const op = await pc.cancel(SELLER, "pc-saas-golive");
    expect(op).toMatchObject({ action: "cancel", upstreamStatus: 202, outcome: "accepted" });
    const { value } = await pc.getOfferStatus(SELLER, "pc-saas-golive");
    expect(value.indicator).toBe("canceled");
    expect(value.steps.find((s) => s.id === "publish")?.status.value).toBe("canceled");
  });

  it("does not offer Cancel where no job of ours runs, and says why", async () => {
    const error = await failure(fresh().cancel(SELLER, "pc-vm-preview"));
    expect(error).toMatchObject({ status: 409, code: "cancel_unavailable" });
    expect(error.message).toMatch(/cancels configure jobs only/);
  });

  it("passes a refusal of configure through, and leaves no job to cancel", async () => {
    await fault({ target: "pc-configure", kind: "status", status: 409 });
    const pc = fresh();
    const error = await failure(pc.goLive(SELLER, "pc-saas-golive"));
    expect(error).toMatchObject({ status: 409, code: "upstream_rejected" });
    expect((await failure(pc.cancel(SELLER, "pc-saas-golive"))).code).toBe("cancel_unavailable");
  });
});

describe("a job started by another instance", () => {
  it("follows and cancels the Go live another instance started, from the recorded job id", async () => {
    const op = await fresh().goLive(SELLER, "pc-saas-golive");
    const asked: string[] = [];
    const other = fresh(
      { CACHE_COALESCE: "false" },
      {
        recordedJob: async (offerId) => {
          asked.push(offerId);
          return offerId === "pc-saas-golive" ? op.operationId : null;
        },
      },
    );
    const running = (await other.getOfferStatus(SELLER, "pc-saas-golive")).value;
    expect(running).toMatchObject({ indicator: "publishing", currentStepId: "publish", cancelUnavailable: null });
    const cancel = await other.cancel(SELLER, "pc-saas-golive");
    expect(cancel.outcome).toBe("accepted");
    expect((await other.getOfferStatus(SELLER, "pc-saas-golive")).value.indicator).toBe("canceled");
    // Offers with no recorded job cost no job reads.
    await other.getOfferStatus(SELLER, "pc-vm-preview");
    expect(asked).toContain("pc-vm-preview");
    expect((await h.stats()).byRoute[ROUTE.job]).toBe(2);
  });

  it("reads the offer without the job when the recorded one is unknown or the record fails", async () => {
    const unknown = fresh({}, { recordedJob: async () => "no-such-job" });
    expect((await unknown.getOfferStatus(SELLER, "pc-saas-signoff")).value.indicator).toBe("awaitingSignoff");
    const failing = fresh(
      {},
      {
        recordedJob: async () => {
          throw new Error("store unreachable");
        },
      },
    );
    expect((await failing.getOfferStatus(SELLER, "pc-saas-signoff")).value.indicator).toBe("awaitingSignoff");
  });
});

describe("coalescing", () => {
  it("turns 50 concurrent reads of one status, in any spelling, into one submissions read", async () => {
    const pc = fresh({ CACHE_TTL_STATUS_MS: "60000" });
    const spellings = Array.from({ length: 50 }, (_, i) => (i % 2 ? "PC-SAAS-SIGNOFF" : "pc-saas-signoff"));
    const results = await Promise.all(spellings.map((o) => pc.getOfferStatus("SELLER", o)));
    expect(results.map((r) => r.value.offerId)).toEqual(spellings);
    expect((await h.stats()).byRoute[ROUTE.submissions]).toBe(1);
  });
});

describe("upstream errors", () => {
  const read = (overrides: Record<string, string> = {}) => fresh(overrides).getOfferStatus(SELLER, "pc-saas-signoff");

  it("retries a 429 after its Retry-After and succeeds", async () => {
    await fault({ target: "pc-submissions", kind: "status", status: 429, retryAfter: 1, times: 1 });
    await expect(read()).resolves.toBeTruthy();
    expect((await h.stats()).byRoute[ROUTE.submissions]).toBe(2);
  });

  it("answers 503 with the retry hint when throttling outlasts what it may wait", async () => {
    await fault({ target: "pc-submissions", kind: "status", status: 429, retryAfter: 120 });
    expect(await failure(read())).toMatchObject({ status: 503, code: "upstream_throttled", retryAfterSeconds: 120 });
  });

  it("retries 5xx a bounded number of times, then 502", async () => {
    await fault({ target: "pc-submissions", kind: "status", status: 500 });
    expect(await failure(read())).toMatchObject({ status: 502, code: "upstream_error" });
    expect((await h.stats()).byRoute[ROUTE.submissions]).toBe(3);
  });

  it("maps 503 to 503", async () => {
    await fault({ target: "partner-center", kind: "status", status: 503, retryAfter: 30 });
    const error = await failure(fresh().listOffers(SELLER));
    expect(error).toMatchObject({ status: 503, code: "upstream_unavailable", retryAfterSeconds: 30 });
    // The pages name Partner Center, not the Cloud Partner Portal.
    expect(error.args).toEqual({ upstream: "partnerCenter" });
  });

  it("maps a body that is not JSON to 502 upstream_contract", async () => {
    await fault({ target: "pc-submissions", kind: "malformed" });
    expect(await failure(read())).toMatchObject({ status: 502, code: "upstream_contract" });
  });

  it("maps a slow upstream to 504", async () => {
    await fault({ target: "pc-products", kind: "latency", latencyMs: 3000 });
    expect(await failure(read({ CPP_TIMEOUT_MS: "300" }))).toMatchObject({ status: 504, code: "upstream_timeout" });
  });

  it("maps a dropped connection to 502 upstream_unreachable", async () => {
    await fault({ target: "pc-submissions", kind: "reset" });
    expect(await failure(read())).toMatchObject({ status: 502, code: "upstream_unreachable" });
  });

  it("explains a 403 as the app registration missing from the Partner Center account", async () => {
    await fault({ target: "partner-center", kind: "status", status: 403 });
    const error = await failure(read());
    expect(error).toMatchObject({ status: 403, code: "upstream_forbidden" });
    expect(error.message).toMatch(/User management/);
  });

  it("answers 404 for an offer Partner Center does not have", async () => {
    expect(await failure(fresh().getOfferStatus(SELLER, "no-such-offer"))).toMatchObject({
      status: 404,
      code: "not_found",
    });
  });

  it("gets a fresh token once when the API answers 401, and names PARTNER_CENTER_SCOPE when it keeps refusing", async () => {
    const pc = fresh({ CACHE_COALESCE: "false" });
    await pc.listPublishers();
    await read();
    await h.control("POST", "/_emulator/tokens/revoke");
    await expect(pc.getOfferStatus(SELLER, "pc-saas-signoff")).resolves.toBeTruthy();
    expect((await h.stats()).tokenRequests).toBe(2);
    // A CPP token is not for this API.
    const wrong = await failure(read({ PARTNER_CENTER_SCOPE: h.emulator.credentials.scope }));
    expect(wrong).toMatchObject({ status: 502, code: "upstream_unauthorized" });
    expect(wrong.message).toContain("PARTNER_CENTER_SCOPE");
  });

  it("reports a failing token endpoint as a 502", async () => {
    await fault({ target: "token", kind: "status", status: 500 });
    const error = await failure(read());
    expect(error).toMatchObject({ status: 502, code: "token_unavailable", args: { upstream: "partnerCenter" } });
  });

  it("keeps the list when one product's submissions fail, marks that row, and does not share it", async () => {
    await fault({ target: "pc-submissions", kind: "status", status: 404, times: 1, offerId: "pc-saas-signoff" });
    const pc = fresh({ CACHE_TTL_LIST_MS: "60000" });
    const first = await pc.listOffers(SELLER);
    expect(first.value.find((o) => o.id === "pc-saas-signoff")).toMatchObject({
      statusError: "not_found",
      indicator: "unknown",
    });
    const second = await pc.listOffers(SELLER);
    expect(second.value.find((o) => o.id === "pc-saas-signoff")?.statusError).toBeNull();
  });
});

describe("odd upstream data", () => {
  const override = (body: unknown) =>
    h.control("PUT", "/_emulator/partner-center/products/pc-saas-signoff/submissions-override", body);

  it("reads PascalCase, unknown fields and a missing target, keeping the raw value", async () => {
    await override({
      body: {
        value: [
          {
            id: "submission/x/2",
            target: { targetType: "Preview" },
            status: "Completed",
            result: "Succeeded",
            extra: 1,
          },
          { id: "submission/x/3", status: "Completed", result: "Succeeded" },
        ],
        unknownField: true,
      },
    });
    const { value } = await fresh().getOfferStatus(SELLER, "pc-saas-signoff");
    expect(value.indicator).toBe("awaitingSignoff");
  });

  it("shows a lifecycle state outside the documented ones as unknown with its raw text", async () => {
    await override({
      body: {
        value: [
          {
            id: "submission/x/2",
            target: { targetType: "live" },
            status: "completed",
            result: "succeeded",
            lifecycleState: "notAvailable",
          },
        ],
      },
    });
    const { value } = await fresh().getOfferStatus(SELLER, "pc-saas-signoff");
    expect(value.indicator).toBe("unknown");
    expect(value.status).toEqual({ value: "unknown", raw: "notAvailable" });
  });

  it("answers 502 upstream_contract for a body of the wrong shape", async () => {
    await override({ body: ["not", "a", "page"] });
    expect(await failure(fresh().getOfferStatus(SELLER, "pc-saas-signoff"))).toMatchObject({
      status: 502,
      code: "upstream_contract",
    });
  });

  it("refuses to follow a @nextLink to another host (the token stays home)", async () => {
    await override({ body: { value: [], "@nextLink": "https://evil.example/rp/product-ingestion/submission/x" } });
    const error = await failure(fresh().getOfferStatus(SELLER, "pc-saas-signoff"));
    expect(error).toMatchObject({ status: 502, code: "upstream_contract" });
  });
});
