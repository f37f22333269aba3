import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { API_QUERY, PC_QUERY, startTestEmulator, type EmulatorClient } from "./test-client";

interface Product {
  id: string;
  identity: { externalId: string };
  type: string;
  alias: string;
}
interface Page<T> {
  value: T[];
  "@nextLink"?: string;
}
interface Submission {
  id: string;
  target: { targetType: string };
  status: string;
  result: string;
  lifecycleState: string;
}
interface JobStatus {
  jobId?: string;
  jobID?: string;
  jobStatus: string;
  jobResult: string;
  jobEnd: string;
  errors: { code: string; message: string }[];
}
interface ErrorBody {
  error: { code: string; message: string; details: { code: string; message: string }[] };
}

const MIN = 60_000;
let client: EmulatorClient;

beforeAll(async () => {
  client = await startTestEmulator();
});
afterAll(async () => {
  await client.close();
});
beforeEach(async () => {
  await client.reset();
});

const advance = (ms: number) => client.control("POST", "clock", { advanceMs: ms });

async function product(externalId: string): Promise<Product> {
  const res = await client.pc("GET", `product?externalId=${externalId}`);
  const found = res.json<Page<Product>>().value[0];
  if (!found) throw new Error(`no product ${externalId}`);
  return found;
}

const guidOf = (p: Product) => p.id.replace("product/", "");

async function submissions(externalId: string, target?: string): Promise<Submission[]> {
  const guid = guidOf(await product(externalId));
  const res = await client.pc("GET", `submission/${guid}${target ? `?targetType=${target}` : ""}`);
  expect(res.status).toBe(200);
  return res.json<Page<Submission>>().value;
}

async function goLive(externalId: string) {
  const p = await product(externalId);
  const preview = (await submissions(externalId, "preview")).at(-1);
  return client.pc("POST", "configure", {
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({
      $schema: "https://schema.mp.microsoft.com/schema/configure/2022-03-01-preview2",
      resources: [
        {
          $schema: "https://schema.mp.microsoft.com/schema/submission/2022-03-01-preview2",
          id: preview?.id,
          product: p.id,
          target: { targetType: "live" },
        },
      ],
    }),
  });
}

describe("access", () => {
  it("issues tokens for the Graph scope, and each API takes only its own", async () => {
    const graph = await client.graphToken();
    const cpp = await client.token();
    const pcWithCpp = await client.request("GET", `/rp/product-ingestion/product?${PC_QUERY}`, {
      headers: { Authorization: `Bearer ${cpp}` },
    });
    expect(pcWithCpp.status).toBe(401);
    expect(pcWithCpp.json<ErrorBody>().error.code).toBe("unauthorized");
    const cppWithGraph = await client.request("GET", `/api/publishers?${API_QUERY}`, {
      headers: { Authorization: `Bearer ${graph}` },
    });
    expect(cppWithGraph.status).toBe(401);
  });

  it("issues a Graph token on the v1 endpoint for resource https://graph.microsoft.com", async () => {
    const { tenantId, clientId, clientSecret } = client.emulator.credentials;
    const res = await client.request("POST", `/${tenantId}/oauth2/token`, {
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        grant_type: "client_credentials",
        client_id: clientId,
        client_secret: clientSecret,
        resource: "https://graph.microsoft.com",
      }).toString(),
    });
    const body = res.json<{ access_token: string; resource: string }>();
    expect(body.resource).toBe("https://graph.microsoft.com");
    const ok = await client.request("GET", `/rp/product-ingestion/product?${PC_QUERY}`, {
      headers: { Authorization: `Bearer ${body.access_token}` },
    });
    expect(ok.status).toBe(200);
  });

  it("requires $version, in its error shape with details", async () => {
    const res = await client.request("GET", "/rp/product-ingestion/product", {
      headers: { Authorization: `Bearer ${await client.graphToken()}` },
    });
    expect(res.status).toBe(400);
    const body = res.json<ErrorBody>();
    expect(body.error.code).toBe("badRequest");
    expect(body.error.details[0]?.code).toBe("invalidVersion");
  });
});

describe("routes", () => {
  it("answers 404 for an unknown route or job and 405 for a wrong method, in its error shape", async () => {
    const unknown = await client.pc("GET", "offers");
    expect([unknown.status, unknown.json<ErrorBody>().error.code]).toEqual([404, "notFound"]);
    expect((await client.pc("GET", "configure/no-such-job/status")).status).toBe(404);
    const method = await client.pc("GET", "configure");
    expect([method.status, method.json<ErrorBody>().error.code]).toEqual([405, "methodNotAllowed"]);
  });
});

describe("reads", () => {
  it("pages the products with @nextLink, keeping the query", async () => {
    const first = (await client.pc("GET", "product?$maxpagesize=4")).json<Page<Product>>();
    expect(first.value).toHaveLength(4);
    const ids = first.value.map((p) => p.identity.externalId);
    let next = first["@nextLink"];
    while (next !== undefined) {
      const url = new URL(next);
      expect(url.searchParams.get("$version")).toBe("2022-03-01-preview2");
      expect(url.origin).toBe(client.emulator.url);
      const res = await client.request("GET", `${url.pathname}${url.search}`, {
        headers: { Authorization: `Bearer ${await client.graphToken()}` },
      });
      const page = res.json<Page<Product>>();
      ids.push(...page.value.map((p) => p.identity.externalId));
      next = page["@nextLink"];
    }
    expect(ids).toHaveLength(16);
    expect(new Set(ids).size).toBe(16);
    expect(ids).toContain("pc-saas-live-5");
  });

  it("finds a product by its external id and serves its resource tree and plans", async () => {
    const p = await product("PC-SAAS-SIGNOFF");
    expect(p).toMatchObject({ type: "softwareAsAService", alias: "Contoso Analytics SaaS" });
    const tree = (await client.pc("GET", `resource-tree/${p.id}?targetType=draft`)).json<{
      resources: { id: string; title?: string }[];
    }>();
    expect(tree.resources.find((r) => r.id.startsWith("listing/"))?.title).toBe("Contoso Analytics SaaS");
    const plans = (await client.pc("GET", `plan?product=${p.id}`)).json<Page<{ identity: { externalId: string } }>>();
    expect(plans.value.map((plan) => plan.identity.externalId)).toEqual(["standard", "premium"]);
    expect((await client.pc("GET", "product/00000000-0000-4000-a000-000000000000")).status).toBe(404);
  });

  it("moves a preview submission to completed on the clock", async () => {
    const before = (await submissions("pc-vm-preview", "preview"))[0];
    expect(before).toMatchObject({ status: "running", result: "pending" });
    await advance(31 * MIN);
    expect((await submissions("pc-vm-preview", "preview"))[0]).toMatchObject({
      status: "completed",
      result: "succeeded",
    });
    await advance(0);
    const failing = await submissions("pc-vm-failing", "preview");
    expect(failing[0]).toMatchObject({ status: "completed", result: "failed" });
  });

  it("lets a live submission stand for preview until the next preview", async () => {
    const asPreview = await submissions("pc-vm-delisted", "preview");
    expect(asPreview.map((s) => [s.target.targetType, s.lifecycleState])).toEqual([["live", "deprecated"]]);
  });
});

describe("configure", () => {
  it("takes a preview live through a job that completes on the clock", async () => {
    const res = await goLive("pc-saas-golive");
    expect(res.status).toBe(202);
    const job = res.json<JobStatus>();
    expect(job).toMatchObject({ jobStatus: "running", jobResult: "pending", jobEnd: "0001-01-01T00:00:00" });
    expect((await submissions("pc-saas-golive", "live"))[0]).toMatchObject({ status: "running" });
    expect((await goLive("pc-saas-golive")).status).toBe(409);
    await advance(46 * 60_000);
    const done = (await client.pc("GET", `configure/${job.jobId}/status`)).json<JobStatus>();
    expect(done).toMatchObject({ jobStatus: "completed", jobResult: "succeeded", errors: [] });
    expect((await submissions("pc-saas-golive", "live"))[0]).toMatchObject({
      status: "completed",
      result: "succeeded",
    });
  });

  it("reports a failed job's errors, spelling its id jobID", async () => {
    const job = (await goLive("pc-vm-golive-fails")).json<JobStatus>();
    expect(job.jobId).toBeUndefined();
    await advance(11 * MIN);
    const done = (await client.pc("GET", `configure/${job.jobID}/status`)).json<JobStatus>();
    expect(done.jobResult).toBe("failed");
    expect(done.errors.map((e) => e.code)).toEqual(["businessValidationError", "invalidState"]);
  });

  it("cancels a running job, and refuses to cancel a completed one", async () => {
    const job = (await goLive("pc-saas-golive")).json<JobStatus>();
    const cancel = await client.pc("POST", `configure/${job.jobId}/cancel`);
    expect(cancel.status).toBe(202);
    expect(cancel.json<JobStatus>()).toMatchObject({ jobStatus: "completed", jobResult: "cancelled" });
    expect((await submissions("pc-saas-golive", "live")).length).toBe(0);
    const again = await client.pc("POST", `configure/${job.jobId}/cancel`);
    expect(again.status).toBe(400);
    expect(again.json<ErrorBody>().error.details[0]?.code).toBe("invalidState");
  });

  it("refuses a product that is not awaiting sign-off", async () => {
    const res = await goLive("pc-container-live");
    expect(res.status).toBe(400);
    expect(res.json<ErrorBody>().error.details[0]?.code).toBe("invalidState");
  });
});

describe("faults", () => {
  it("applies a fault to the Product Ingestion API only when targeted so", async () => {
    await client.control("POST", "faults", { target: "partner-center", kind: "status", status: 503, retryAfter: 7 });
    const res = await client.pc("GET", "product");
    expect(res.status).toBe(503);
    expect(res.headers["retry-after"]).toBe("7");
    expect(res.json<ErrorBody>().error.code).toBe("serviceUnavailable");
    expect((await client.api("GET", "/api/publishers")).status).toBe(200);
  });

  it("filters a fault by route kind and by the product's external id", async () => {
    await client.control("POST", "faults", { target: "pc-submissions", kind: "malformed", offerId: "pc-vm-preview" });
    const guid = guidOf(await product("pc-vm-preview"));
    const res = await client.pc("GET", `submission/${guid}`);
    expect(() => res.json()).toThrow();
    expect((await submissions("pc-saas-signoff")).length).toBeGreaterThan(0);
  });
});
