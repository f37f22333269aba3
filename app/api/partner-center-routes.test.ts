/**
 * UPSTREAM=partner-center through our API, called as Next calls the route handlers: the
 * emulator's Product Ingestion API over real HTTPS with the real MSAL library, and a real
 * PGlite store holding the audit (where a restarted instance finds the Go live job it follows).
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { getEnv } from "@/lib/env";
import { getRecorder, startRecorder, type Recorder } from "@/lib/server/recorder";
import { readActivity } from "@/lib/server/store/history";
import { TEST_APP_URL, startHarness, type Harness } from "@/lib/server/testing/emulator-harness";

import { GET as publishers } from "./publishers/route";
import { GET as offers } from "./publishers/[publisherId]/offers/route";
import { GET as status } from "./publishers/[publisherId]/offers/[offerId]/status/route";
import { POST as golive } from "./publishers/[publisherId]/offers/[offerId]/golive/route";
import { POST as cancel } from "./publishers/[publisherId]/offers/[offerId]/cancel/route";

let h: Harness;
let recorder: Recorder;
let dataDir: string;

beforeAll(async () => {
  h = await startHarness({ upstream: "partner-center" });
  dataDir = mkdtempSync(path.join(os.tmpdir(), "dashboard-pc-routes-"));
  Object.assign(process.env, h.vars, {
    CACHE_TTL_STATUS_MS: "0",
    CACHE_TTL_LIST_MS: "0",
    DATA_DIR: dataDir,
    WATCH: "false",
    PARTNER_CENTER_SELLER_NAME: "Contoso Ltd.",
  });
  recorder = await startRecorder(getEnv());
});
afterAll(async () => {
  await getRecorder()?.stop();
  rmSync(dataDir, { recursive: true, force: true });
  await h.close();
});

type Params = Record<string, string>;
type Handler = (req: Request, ctx: { params: Promise<Params> }) => Promise<Response>;

async function call(handler: Handler, params: Params, method = "GET") {
  const url = `${TEST_APP_URL}/api/${Object.values(params).map(encodeURIComponent).join("/")}`;
  const headers = { cookie: await h.sessionCookie("approver"), origin: TEST_APP_URL };
  const res = await handler(new Request(url, { method, headers }), { params: Promise.resolve(params) });
  const text = await res.text();
  return { status: res.status, text, body: JSON.parse(text) as Record<string, any> };
}

const SERVICES = Symbol.for("offer-status-dashboard.services");
const offer = { publisherId: "seller", offerId: "pc-saas-golive" };

describe("Partner Center through our API", () => {
  it("serves the seller, its offers and a derived status, with nothing of the upstream's address", async () => {
    const list = await call(publishers as Handler, {});
    expect(list.body.data).toEqual([{ id: "seller", name: "Contoso Ltd." }]);
    const rows = await call(offers as Handler, { publisherId: "seller" });
    expect(rows.status).toBe(200);
    expect((rows.body.data as { id: string }[]).length).toBe(16);
    const doc = await call(status as Handler, { publisherId: "seller", offerId: "pc-saas-signoff" });
    expect(doc.body.data).toMatchObject({
      indicator: "awaitingSignoff",
      derivedFrom: "submissions",
      cancelUnavailable: "noRunningJob",
    });
    expect(doc.body.data.partnerCenterUrl).toMatch(/^https:\/\/partner\.microsoft\.com\/dashboard\//);
    expect(doc.text).not.toContain(String(h.emulator.port));
  });

  it("says in its envelope that Partner Center failed, so the pages name it", async () => {
    await h.control("POST", "/_emulator/faults", { target: "partner-center", kind: "status", status: 503, times: 3 });
    const res = await call(status as Handler, { publisherId: "seller", offerId: "pc-saas-signoff" });
    expect(res.status).toBe(503);
    expect(res.body.error).toMatchObject({ code: "upstream_unavailable", args: { upstream: "partnerCenter" } });
    await h.control("DELETE", "/_emulator/faults");
  });

  it("refuses Cancel where no job of ours runs, in our envelope, with the reason", async () => {
    const res = await call(cancel as Handler, { publisherId: "seller", offerId: "pc-vm-preview" }, "POST");
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe("cancel_unavailable");
  });

  it("after a restart, follows and cancels the Go live it recorded", async () => {
    const sent = await call(golive as Handler, offer, "POST");
    expect(sent.body.data).toMatchObject({ outcome: "accepted" });
    const jobId = sent.body.data.operationId as string;
    // The audit is written beside the answer; wait for it as a restarted instance would find it.
    for (let i = 0; i < 50; i++) {
      const [last] = await readActivity(recorder.store.db, { ...offer, action: "golive", limit: 1 });
      if (last?.operationId === jobId) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    // A new process: new services, so a new adapter that never saw the job start.
    delete (globalThis as Record<symbol, unknown>)[SERVICES];
    const running = await call(status as Handler, offer);
    expect(running.body.data).toMatchObject({
      indicator: "publishing",
      currentStepId: "publish",
      cancelUnavailable: null,
    });
    const canceled = await call(cancel as Handler, offer, "POST");
    expect(canceled.body.data).toMatchObject({ action: "cancel", outcome: "accepted", operationId: jobId });
    expect((await call(status as Handler, offer)).body.data.indicator).toBe("canceled");
  });
});
