import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { TEST_CLOCK_START_MS } from "./clock";
import { startTestEmulator, type EmulatorClient } from "./test-client";

interface Step {
  id: string;
  status: string;
  progressPercentage?: number;
  processPercentage?: number;
  messages: Array<{ level: string; messageHtml: string; timestamp: string }>;
}
interface StatusDoc {
  status: string;
  steps: Step[];
  previewLinks: unknown[];
  liveLinks: unknown[];
}
interface Summary {
  id: string;
  status: string;
  version: number;
}

let client: EmulatorClient;
const status = async (o: string, p = "contoso", c = client) =>
  (await c.api("GET", `/api/publishers/${p}/offers/${o}/status`)).json<StatusDoc>();
const list = async (p = "contoso") => (await client.api("GET", `/api/publishers/${p}/offers`)).json<Summary[]>();
const advance = (ms: number) => client.control("POST", "clock", { advanceMs: ms });
const step = (doc: StatusDoc, id: string) => doc.steps.find((s) => s.id === id);

beforeAll(async () => {
  client = await startTestEmulator();
});
afterAll(async () => {
  await client.close();
});
beforeEach(async () => {
  await client.reset();
});

describe("clock", () => {
  it("starts frozen at the fixed instant and moves only through the control API", async () => {
    expect((await client.control("GET", "clock")).json()).toEqual({ now: "2026-01-15T09:00:00.000Z" });
    expect((await advance(90_000)).json()).toEqual({ now: "2026-01-15T09:01:30.000Z" });
    const set = await client.control("POST", "clock", { set: "2026-01-16T00:00:00Z" });
    expect(set.json()).toEqual({ now: "2026-01-16T00:00:00.000Z" });
    expect((await client.control("POST", "clock", { advanceMs: "soon" })).status).toBe(400);
  });

  it("advances contoso-vm-certifying step by step until it stops at publisher sign-off", async () => {
    const first = await status("contoso-vm-certifying");
    expect(step(first, "displaycertify")).toMatchObject({ status: "inProgress", progressPercentage: 40 });
    await advance(20_000);
    const later = await status("contoso-vm-certifying");
    expect(step(later, "displaycertify")?.progressPercentage).toBeGreaterThan(40);
    await advance(15 * 60_000);
    const done = await status("contoso-vm-certifying");
    expect(done.status).toBe("running");
    expect(done.steps.slice(0, 4).every((s) => s.status === "complete")).toBe(true);
    expect(step(done, "displaycertify")?.messages.at(-1)?.messageHtml).toBe("Step completed.");
    expect(step(done, "publisher-signoff")?.status).toBe("waitingForPublisherReview");
    expect(done.previewLinks.length).toBeGreaterThan(0);
    await advance(24 * 3600_000);
    expect(step(await status("contoso-vm-certifying"), "publisher-signoff")?.status).toBe("waitingForPublisherReview");
  });

  it("finishes a go live with the clock: succeeded, live complete, version incremented", async () => {
    const before = (await list()).find((o) => o.id === "contoso-saas-golive");
    expect((await client.api("POST", "/api/publishers/contoso/offers/contoso-saas-golive/golive")).status).toBe(202);
    await advance(10 * 60_000);
    const doc = await status("contoso-saas-golive");
    expect(doc.status).toBe("succeeded");
    expect(doc.steps.every((s) => s.status === "complete")).toBe(true);
    expect(doc.liveLinks.length).toBeGreaterThan(0);
    const after = (await list()).find((o) => o.id === "contoso-saas-golive");
    expect(after?.status).toBe("succeeded");
    expect(after?.version).toBe((before?.version ?? 0) + 1);
    const prod = await client.api("GET", "/api/publishers/contoso/offers/contoso-saas-golive/slot/Production");
    expect(prod.status).toBe(200);
    const subs = (await client.api("GET", "/api/publishers/contoso/offers/contoso-saas-golive/submissions")).json<
      Array<{ submissionType: string; submissionState: string }>
    >();
    expect(subs[0]).toMatchObject({ submissionType: "goLive", submissionState: "completed" });
  });

  it("publishes a draft through to sign-off, then live (app: Microsoft review after go live)", async () => {
    await client.api("POST", "/api/publishers/contoso/offers/contoso-app-draft/publish");
    await advance(15 * 60_000);
    const signoff = await status("contoso-app-draft");
    expect(step(signoff, "publisher-signoff")?.status).toBe("waitingForPublisherReview");
    await client.api("POST", "/api/publishers/contoso/offers/contoso-app-draft/golive");
    await advance(60_000);
    expect(step(await status("contoso-app-draft"), "microsoft-review")?.status).toBe("inProgress");
    await advance(10 * 60_000);
    expect((await status("contoso-app-draft")).status).toBe("succeeded");
    expect((await list()).find((o) => o.id === "contoso-app-draft")?.version).toBe(2);
  });

  it("lets one in-flight filler offer fail partway a few minutes in", async () => {
    const before = new Map((await list()).map((o) => [o.id, o.status]));
    await advance(10 * 60_000);
    const failedNow = (await list()).filter((o) => o.status === "failed" && before.get(o.id) === "running");
    expect(failedNow).toHaveLength(1);
    const doc = await status(failedNow[0]?.id ?? "");
    const rejected = doc.steps.find((s) => s.status === "rejected");
    expect(rejected?.messages.some((m) => m.level === "error")).toBe(true);
  });
});

describe("data", () => {
  it("covers every offer status, step status and message level, plus unknown ones", async () => {
    const offerStatuses = new Set<string>();
    const stepStatuses = new Set<string>();
    const levels = new Set<string>();
    for (const p of ["contoso", "fabrikam"]) {
      for (const offer of await list(p)) {
        offerStatuses.add(offer.status);
        const doc = await status(offer.id, p);
        offerStatuses.add(doc.status);
        for (const s of doc.steps) {
          stepStatuses.add(s.status);
          for (const m of s.messages) levels.add(m.level);
        }
      }
    }
    for (const s of [
      "neverPublished",
      "notStarted",
      "waitingForPublisherReview",
      "running",
      "succeeded",
      "canceled",
      "failed",
      "published",
      "delisted",
      "underReview",
    ]) {
      expect(offerStatuses, s).toContain(s);
    }
    for (const s of [
      "notStarted",
      "inProgress",
      "waitingForPublisherReview",
      "waitingForApproval",
      "blocked",
      "rejected",
      "complete",
      "canceled",
      "paused",
    ]) {
      expect(stepStatuses, s).toContain(s);
    }
    for (const l of ["information", "warning", "error", "verbose"]) expect(levels, l).toContain(l);
  });

  it("has the quirky named offers", async () => {
    const pascal = await status("contoso-app-pascal");
    expect(pascal.status).toBe("Running");
    expect(pascal.steps.map((s) => s.status)).toEqual(expect.arrayContaining(["Complete", "InProgress", "NotStarted"]));
    expect(pascal.steps.every((s) => s.processPercentage !== undefined && s.progressPercentage === undefined)).toBe(
      true,
    );
    expect(pascal.steps[0]?.messages[0]?.level).toBe("Information");

    const overdue = await status("contoso-vm-overdue");
    const first = step(overdue, "displaydummycertify");
    expect(first?.status).toBe("inProgress");
    const earliest = Math.min(...(first?.messages ?? []).map((m) => Date.parse(m.timestamp)));
    expect(Math.round((TEST_CLOCK_START_MS - earliest) / 60_000)).toBe(180);

    const blocked = await status("contoso-container-blocked");
    expect(step(blocked, "vulnerability-scan")?.messages.map((m) => m.level)).toEqual([
      "information",
      "warning",
      "error",
    ]);
    expect(step(await status("contoso-app-approval"), "microsoft-review")?.status).toBe("waitingForApproval");
    const mystery = await status("contoso-vm-mystery");
    expect(mystery.status).toBe("underReview");
    expect(mystery.steps.map((s) => s.status)).toContain("paused");
    expect(step(await status("contoso-saas-canceled"), "certification")?.status).toBe("canceled");
    expect((await status("contoso-saas-new")).status).toBe("notStarted");
    expect((await status("contoso-app-signoff")).status).toBe("waitingForPublisherReview");
    expect(step(await status("fabrikam-vm-signoff", "fabrikam"), "publisher-signoff")?.status).toBe(
      "waitingForPublisherReview",
    );
  });

  it("uses .NET-style 7-digit timestamps on some messages", async () => {
    const stamps = (await status("contoso-vm-failed")).steps.flatMap((s) => s.messages.map((m) => m.timestamp));
    expect(stamps.every((t) => /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}Z$/.test(t))).toBe(true);
    const plain = (await status("contoso-vm-signoff")).steps.flatMap((s) => s.messages.map((m) => m.timestamp));
    expect(plain.every((t) => /\.\d{3}Z$/.test(t))).toBe(true);
  });

  it("is deterministic: same seed, byte-identical bodies; another seed, other filler", async () => {
    const certDir = path.dirname(client.emulator.caFile);
    const twin = await startTestEmulator({ certDir });
    const other = await startTestEmulator({ seed: 7, certDir });
    try {
      for (const p of ["contoso", "fabrikam"]) {
        const a = await client.api("GET", `/api/publishers/${p}/offers`);
        const b = await twin.api("GET", `/api/publishers/${p}/offers`);
        expect(b.text).toBe(a.text);
        const paths = a
          .json<Summary[]>()
          .flatMap((offer) =>
            ["/status", "", "/submissions"].map((suffix) => `/api/publishers/${p}/offers/${offer.id}${suffix}`),
          );
        const pairs = await Promise.all(
          paths.map(async (path) => [(await client.api("GET", path)).text, (await twin.api("GET", path)).text]),
        );
        pairs.forEach(([mine, theirs], i) => expect(theirs, paths[i]).toBe(mine));
      }
      const c = await other.api("GET", "/api/publishers/contoso/offers");
      expect(c.text).not.toBe((await client.api("GET", "/api/publishers/contoso/offers")).text);
      expect(c.json<Summary[]>().filter((o) => o.id.startsWith("contoso-vm-certifying"))).toHaveLength(1);
    } finally {
      await twin.close();
      await other.close();
    }
  });
});
