/**
 * The recorder's side of our API, called as Next calls the route handlers: the emulator over
 * real HTTPS with the real MSAL library, and a real PGlite store filled by the real watcher.
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

import Papa from "papaparse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { getEnv } from "@/lib/env";
import { GET as health } from "@/app/api/health/route";
import { getRecorder, startRecorder, type Recorder } from "@/lib/server/recorder";
import { TEST_APP_URL, startHarness, type Harness } from "@/lib/server/testing/emulator-harness";

import { POST as signout } from "../auth/signout/route";
import { GET as activity } from "./activity/route";
import { GET as attention } from "./attention/route";
import { GET as events } from "./events/route";
import { GET as offers } from "./publishers/[publisherId]/offers/route";
import { POST as golive } from "./publishers/[publisherId]/offers/[offerId]/golive/route";
import { GET as history } from "./publishers/[publisherId]/offers/[offerId]/history/route";
import { GET as status } from "./publishers/[publisherId]/offers/[offerId]/status/route";
import { POST as visit } from "./publishers/[publisherId]/visit/route";

let h: Harness;
let recorder: Recorder;
let dataDir: string;

beforeAll(async () => {
  h = await startHarness();
  dataDir = mkdtempSync(path.join(os.tmpdir(), "dashboard-routes-"));
  Object.assign(process.env, h.vars, {
    CACHE_TTL_STATUS_MS: "0",
    CACHE_TTL_LIST_MS: "0",
    DATA_DIR: dataDir,
    WATCH: "true",
    WATCH_LIST_MS: "600000",
    WATCH_MIN_MS: "600000",
    WATCH_MAX_MS: "600000",
    VISIT_GAP_MS: "1000",
  });
  recorder = await startRecorder(getEnv());
  await recorder.watcher?.tick();
});
afterAll(async () => {
  await getRecorder()?.stop();
  rmSync(dataDir, { recursive: true, force: true });
  await h.close();
});

type Params = Record<string, string>;
type Handler = (req: Request, ctx: { params: Promise<Params> }) => Promise<Response>;

async function request(
  handler: Handler,
  url: string,
  params: Params = {},
  method = "GET",
  user: "approver" | "viewer" = "approver",
) {
  const headers = { cookie: await h.sessionCookie(user), origin: TEST_APP_URL };
  return handler(new Request(`${TEST_APP_URL}${url}`, { method, headers }), { params: Promise.resolve(params) });
}

async function call(handler: Handler, url: string, params: Params = {}, method = "GET") {
  const res = await request(handler, url, params, method);
  return { status: res.status, headers: res.headers, body: (await res.json()) as Record<string, any> };
}

const statusReads = async () => (await h.stats()).byRoute["GET /api/publishers/{p}/offers/{o}/status"] ?? 0;
const listReads = async () => (await h.stats()).byRoute["GET /api/publishers/{p}/offers"] ?? 0;

describe("reads from the store", () => {
  it("answers the offer list and a status from the store, with the upstream's fetch time, at no upstream cost", async () => {
    const [lists, statuses] = [await listReads(), await statusReads()];
    const list = await call(offers as Handler, "/api/publishers/contoso/offers", { publisherId: "contoso" });
    expect(list.status).toBe(200);
    const signoff = list.body.data.find((o: { id: string }) => o.id === "contoso-vm-signoff");
    expect(signoff).toMatchObject({
      indicator: "awaitingSignoff",
      currentStep: expect.objectContaining({ id: "publisher-signoff" }),
    });
    expect(list.body.data.find((o: { id: string }) => o.id === "contoso-vm-delisted").indicator).toBe("delisted");
    const one = await call(status as Handler, "/api/publishers/contoso/offers/contoso-vm-signoff/status", {
      publisherId: "contoso",
      offerId: "contoso-vm-signoff",
    });
    expect(one.body.data.indicator).toBe("awaitingSignoff");
    expect(Date.parse(one.body.fetchedAt)).toBeLessThanOrEqual(Date.now());
    expect([await listReads(), await statusReads()]).toEqual([lists, statuses]);
  });

  it("reads the upstream when asked to refresh", async () => {
    const statuses = await statusReads();
    const res = await call(status as Handler, "/api/publishers/contoso/offers/contoso-vm-signoff/status?refresh=1", {
      publisherId: "contoso",
      offerId: "contoso-vm-signoff",
    });
    expect(res.status).toBe(200);
    expect(await statusReads()).toBe(statuses + 1);
  });
});

describe("history, activity and attention", { timeout: 120_000 }, () => {
  it("records a Go live with who pressed it: History, Activity and its CSV", async () => {
    const stream = await request(events as Handler, "/api/events");
    expect(stream.headers.get("Content-Type")).toContain("text/event-stream");
    const reader = stream.body!.getReader();

    const res = await call(
      golive as Handler,
      "/api/publishers/contoso/offers/contoso-saas-golive/golive",
      { publisherId: "contoso", offerId: "contoso-saas-golive" },
      "POST",
    );
    expect(res.status).toBe(202);
    // The audit is written in the background: wait for it (bounded).
    let entries: { offerId: string; user: string; outcome: string }[] = [];
    for (let i = 0; i < 50 && entries.length === 0; i++) {
      entries = (await call(activity as Handler, "/api/activity?offerId=contoso-saas-golive")).body.data;
      if (entries.length === 0) await new Promise((r) => setTimeout(r, 100));
    }
    expect(entries[0]).toMatchObject({
      offerId: "contoso-saas-golive",
      user: "aaron@contoso.example",
      outcome: "accepted",
      action: "golive",
    });

    // The watcher was woken by the action: its next tick records the offer leaving sign-off.
    await recorder.watcher?.tick();
    const past = await call(history as Handler, "/api/publishers/contoso/offers/contoso-saas-golive/history", {
      publisherId: "contoso",
      offerId: "contoso-saas-golive",
    });
    const kinds = past.body.data.transitions.map((t: { kind: string }) => t.kind);
    expect(kinds).toContain("action");
    expect(past.body.data.transitions).toContainEqual(
      expect.objectContaining({ kind: "indicator", from: "awaitingSignoff", to: "publishing" }),
    );

    // A browser listening on /api/events hears of it.
    const decoder = new TextDecoder();
    let text = "";
    for (let i = 0; i < 20 && !text.includes("contoso-saas-golive"); i++) {
      const chunk = await reader.read();
      if (chunk.done) break;
      text += decoder.decode(chunk.value);
    }
    expect(text).toMatch(/event: offer\ndata: \{"publisherId":"contoso","offerId":"contoso-saas-golive"/);
    await reader.cancel();

    const csv = await request(activity as Handler, "/api/activity?format=csv&action=golive");
    expect(csv.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(csv.headers.get("Content-Disposition")).toMatch(
      /^attachment; filename="offer-activity-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    const bytes = new Uint8Array(await csv.arrayBuffer());
    // UTF-8 with a byte-order mark, so Excel reads non-Latin names correctly.
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const parsed = Papa.parse<Record<string, string>>(new TextDecoder().decode(bytes), {
      header: true,
      skipEmptyLines: true,
    });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data[0]).toMatchObject({
      action: "golive",
      offer: "contoso-saas-golive",
      user: "aaron@contoso.example",
      outcome: "accepted",
    });
  });

  it("refuses a malformed activity filter with a clear 400", async () => {
    const res = await call(activity as Handler, "/api/activity?from=yesterday-ish");
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: "invalid_query", message: expect.stringContaining("from/to") });
  });

  it("lists offers that need someone across publishers, sign-off first", async () => {
    const res = await call(attention as Handler, "/api/attention");
    expect(res.status).toBe(200);
    const items = res.body.data as { reason: string; publisherId: string; offerId: string }[];
    expect(new Set(items.map((i) => i.publisherId))).toEqual(new Set(["contoso", "fabrikam"]));
    expect(items[0]?.reason).toBe("awaitingSignoff");
    expect(items.map((i) => i.reason)).toContain("failed");
    expect(items.find((i) => i.offerId === "contoso-container-blocked")?.reason).toBe("blocked");
    expect(items.find((i) => i.offerId === "contoso-vm-overdue")?.reason).toBe("overdue");
  });

  it("marks, per user, the offers that changed since their last visit; another origin may not record a visit", async () => {
    const visitNow = async (user: "approver" | "viewer" = "viewer") => {
      const res = await request(
        visit as Handler,
        "/api/publishers/contoso/visit",
        { publisherId: "contoso" },
        "POST",
        user,
      );
      expect(res.status).toBe(200);
      return ((await res.json()) as { data: { since: string | null; changed: { offerId: string }[] } }).data;
    };
    expect(await visitNow()).toEqual({ since: null, changed: [] });
    await new Promise((r) => setTimeout(r, 1_100)); // away longer than a visit lasts here

    const ids = { publisherId: "contoso", offerId: "contoso-vm-signoff" };
    expect(
      (await call(golive as Handler, "/api/publishers/contoso/offers/contoso-vm-signoff/golive", ids, "POST")).status,
    ).toBe(202);
    await call(status as Handler, "/api/publishers/contoso/offers/contoso-vm-signoff/status?refresh=1", ids);

    const next = await visitNow();
    expect(next.since).not.toBeNull();
    expect(next.changed.map((c) => c.offerId)).toEqual(["contoso-vm-signoff"]);

    const foreign = await visit(
      new Request(`${TEST_APP_URL}/api/publishers/contoso/visit`, {
        method: "POST",
        headers: { cookie: await h.sessionCookie("viewer"), origin: "https://evil.example" },
      }),
      { params: Promise.resolve({ publisherId: "contoso" }) },
    );
    expect(foreign.status).toBe(403);
  });

  it("ends a session at sign-out: a copy of its cookie no longer works", async () => {
    const cookie = await h.sessionCookie("viewer");
    const use = () =>
      (offers as Handler)(new Request(`${TEST_APP_URL}/api/publishers/contoso/offers`, { headers: { cookie } }), {
        params: Promise.resolve({ publisherId: "contoso" }),
      });
    expect((await use()).status).toBe(200);
    const out = await (signout as unknown as (r: Request) => Promise<Response>)(
      new Request(`${TEST_APP_URL}/auth/signout`, {
        method: "POST",
        headers: { cookie, origin: TEST_APP_URL, accept: "application/json" },
      }),
    );
    expect(out.status).toBe(200);
    expect((await use()).status).toBe(401);
  });

  it("is ready while its store answers, and says whether this instance watches; not ready when the store is gone", async () => {
    const ready = async () => {
      const res = await health(new Request(`${TEST_APP_URL}/api/health?ready=1`));
      return { status: res.status, body: (await res.json()) as Record<string, unknown> };
    };
    expect(await ready()).toMatchObject({ status: 200, body: { ready: true, store: "ok", watcher: "watching" } });
    const alive = await health(new Request(`${TEST_APP_URL}/api/health`));
    expect(await alive.json()).not.toHaveProperty("store");
    await recorder.store.close();
    expect(await ready()).toMatchObject({
      status: 503,
      body: { ready: false, status: "unavailable", store: "unavailable" },
    });
  });

  it("says history is unavailable when the store is gone, while live status still works", async () => {
    await getRecorder()?.stop();
    const res = await call(history as Handler, "/api/publishers/contoso/offers/contoso-vm-signoff/history", {
      publisherId: "contoso",
      offerId: "contoso-vm-signoff",
    });
    expect(res.status).toBe(503);
    expect(res.body.error.code).toBe("history_unavailable");
    const live = await call(status as Handler, "/api/publishers/contoso/offers/contoso-vm-signoff/status", {
      publisherId: "contoso",
      offerId: "contoso-vm-signoff",
    });
    expect(live.status).toBe(200);
  });
});
