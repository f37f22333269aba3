/**
 * The inbox's side of our API (#17), called as Next calls the route handlers, with real
 * sessions and a real PGlite store; the events are written as the watcher writes them.
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { getEnv } from "@/lib/env";
import { getRecorder, startRecorder, type Recorder } from "@/lib/server/recorder";
import { notificationEvents } from "@/lib/server/store/schema";
import { TEST_APP_URL, startHarness, type Harness } from "@/lib/server/testing/emulator-harness";

import { GET as deliveries } from "./deliveries/route";
import { GET as inbox } from "./inbox/route";
import { POST as markRead } from "./inbox/read/route";
import { PUT as watchOffer, DELETE as unwatchOffer } from "./publishers/[publisherId]/offers/[offerId]/watch/route";
import { PUT as watchPublisher, DELETE as unwatchPublisher } from "./publishers/[publisherId]/watch/route";
import { GET as watches } from "./watches/route";
import { PUT as signoff } from "./watches/signoff/route";

let h: Harness;
let recorder: Recorder;
let dataDir: string;

beforeAll(async () => {
  h = await startHarness();
  dataDir = mkdtempSync(path.join(os.tmpdir(), "dashboard-inbox-"));
  Object.assign(process.env, h.vars, { DATA_DIR: dataDir, WATCH: "false" });
  recorder = await startRecorder(getEnv());
});
afterAll(async () => {
  await getRecorder()?.stop();
  rmSync(dataDir, { recursive: true, force: true });
  await h.close();
});

type Params = Record<string, string>;
type Handler = (req: Request, ctx: { params: Promise<Params> }) => Promise<Response>;
type User = "approver" | "viewer";

async function call(
  handler: Handler,
  url: string,
  {
    params = {},
    method = "GET",
    user = "viewer",
    body,
    origin = TEST_APP_URL,
  }: {
    params?: Params;
    method?: string;
    user?: User;
    body?: unknown;
    origin?: string;
  } = {},
) {
  const headers: Record<string, string> = { cookie: await h.sessionCookie(user), origin };
  if (body !== undefined) headers["content-type"] = "application/json";
  const res = await handler(
    new Request(`${TEST_APP_URL}${url}`, {
      method,
      headers,
      ...(body === undefined ? {} : { body: typeof body === "string" ? body : JSON.stringify(body) }),
    }),
    { params: Promise.resolve(params) },
  );
  return { status: res.status, body: (await res.json()) as Record<string, any> };
}

let n = 0;
async function recordEvent(publisherId: string, offerId: string, event: string) {
  n += 1;
  await recorder.store.db.insert(notificationEvents).values({
    id: `route-evt-${n}`,
    key: `route-key-${n}`,
    event,
    occurredAt: new Date(),
    publisherId,
    offerId,
    offerName: offerId,
    indicator: event === "awaitingSignoff" ? "awaitingSignoff" : null,
    previousIndicator: "publishing",
    step: null,
    detail: {},
  });
  return `route-evt-${n}`;
}

describe("inbox and watches", { timeout: 120_000 }, () => {
  it("watches an offer and a publisher, per user; the inbox shows their events; mark read", async () => {
    const offer = { publisherId: "contoso", offerId: "contoso-vm-signoff" };
    const put = await call(watchOffer as Handler, "/api/publishers/contoso/offers/contoso-vm-signoff/watch", {
      params: offer,
      method: "PUT",
    });
    expect(put.status).toBe(200);
    expect(put.body.data.offers).toEqual([offer]);
    expect(put.body.fetchedAt).toEqual(expect.any(String));
    const pub = await call(watchPublisher as Handler, "/api/publishers/fabrikam/watch", {
      params: { publisherId: "fabrikam" },
      method: "PUT",
    });
    expect(pub.body.data.publishers).toEqual(["fabrikam"]);

    const first = await recordEvent("contoso", "contoso-vm-signoff", "failed");
    await recordEvent("fabrikam", "fabrikam-app", "live");
    await recordEvent("contoso", "someone-else", "live");

    const mine = await call(inbox as Handler, "/api/inbox");
    expect(mine.status).toBe(200);
    expect(mine.body.data.unread).toBe(2);
    expect(mine.body.data.items.map((i: { offerId: string }) => i.offerId)).toEqual([
      "fabrikam-app",
      "contoso-vm-signoff",
    ]);
    // The approver watches none of it (and these are no sign-off events).
    expect((await call(inbox as Handler, "/api/inbox", { user: "approver" })).body.data.unread).toBe(0);

    const read = await call(markRead as Handler, "/api/inbox/read", { method: "POST", body: { ids: [first] } });
    expect(read.status).toBe(200);
    expect(read.body.data.unread).toBe(1);
    const all = await call(markRead as Handler, "/api/inbox/read", { method: "POST", body: { all: true } });
    expect(all.body.data.unread).toBe(0);

    await call(unwatchOffer as Handler, "/api/publishers/contoso/offers/contoso-vm-signoff/watch", {
      params: offer,
      method: "DELETE",
    });
    const left = await call(unwatchPublisher as Handler, "/api/publishers/fabrikam/watch", {
      params: { publisherId: "fabrikam" },
      method: "DELETE",
    });
    expect(left.body.data).toMatchObject({ publishers: [], offers: [] });
    expect((await call(watches as Handler, "/api/watches")).body.data).toMatchObject({ publishers: [], offers: [] });
  });

  it("gives approvers every sign-off event unless they turn it off; viewers may not set that", async () => {
    await recordEvent("northwind", "nw-app", "awaitingSignoff");
    const before = await call(inbox as Handler, "/api/inbox", { user: "approver" });
    expect(before.body.data.items[0]).toMatchObject({ offerId: "nw-app", event: "awaitingSignoff", read: false });
    expect((await call(watches as Handler, "/api/watches", { user: "approver" })).body.data.signoffEverywhere).toBe(
      true,
    );

    const off = await call(signoff as Handler, "/api/watches/signoff", {
      method: "PUT",
      user: "approver",
      body: { on: false },
    });
    expect(off.status).toBe(200);
    expect(off.body.data.signoffEverywhere).toBe(false);
    expect((await call(inbox as Handler, "/api/inbox", { user: "approver" })).body.data.items).toEqual([]);
    await call(signoff as Handler, "/api/watches/signoff", { method: "PUT", user: "approver", body: { on: true } });

    const viewer = await call(signoff as Handler, "/api/watches/signoff", { method: "PUT", body: { on: true } });
    expect(viewer.status).toBe(403);
    expect(viewer.body.error.code).toBe("forbidden");
  });

  it("refuses malformed bodies and ids, and other origins, with the error envelope", async () => {
    const bad = await call(markRead as Handler, "/api/inbox/read", { method: "POST", body: { ids: [] } });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ code: "invalid_request", message: expect.stringContaining("ids") });
    const notJson = await call(markRead as Handler, "/api/inbox/read", { method: "POST", body: "{oops" });
    expect(notJson.body.error.code).toBe("invalid_request");
    const both = await call(markRead as Handler, "/api/inbox/read", { method: "POST", body: { all: false } });
    expect(both.status).toBe(400);
    const id = await call(watchOffer as Handler, "/api/publishers/contoso/offers/..%2Fx/watch", {
      params: { publisherId: "contoso", offerId: "../x" },
      method: "PUT",
    });
    expect(id.status).toBe(400);
    expect(id.body.error.code).toBe("invalid_id");
    const foreign = await call(watchPublisher as Handler, "/api/publishers/contoso/watch", {
      params: { publisherId: "contoso" },
      method: "PUT",
      origin: "https://evil.example",
    });
    expect(foreign.status).toBe(403);
    expect(foreign.body.error.code).toBe("cross_origin");
    const limit = await call(deliveries as Handler, "/api/deliveries?limit=0");
    expect(limit.status).toBe(400);
  });

  it("answers the delivery log; 503 when the store is gone", async () => {
    const log = await call(deliveries as Handler, "/api/deliveries?limit=20");
    expect(log.status).toBe(200);
    expect(log.body.data.channels.map((c: { channel: string }) => c.channel)).toEqual(["webhook", "teams", "slack"]);
    expect(Array.isArray(log.body.data.deliveries)).toBe(true);

    await getRecorder()?.stop();
    for (const handler of [inbox, watches, deliveries]) {
      const res = await call(handler as Handler, "/api/x");
      expect(res.status).toBe(503);
      expect(res.body.error.code).toBe("history_unavailable");
    }
  });
});
