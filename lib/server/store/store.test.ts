import { sql } from "drizzle-orm";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";

import type { OfferStatus, OfferSummary, Step } from "@/lib/schemas/model";
import { parseOfferStatus, parseStepStatus, type Indicator } from "@/lib/schemas/vocabulary";
import { openTestStore, STORE_KINDS, stopPostgres, type TestStore } from "@/lib/server/testing/test-stores";

import { prune, readActivity, readHistory, recordAction, recordVisit } from "./history";
import { readList, readListHead, readOffer, recordList, recordStatus } from "./offers";

const step = (id: string, status: string, messages: Step["messages"] = []): Step => ({
  id,
  name: id.replace(/-/g, " "),
  description: "",
  status: parseStepStatus(status),
  progress: null,
  estimatedTimeFrame: "< 15 min",
  messages,
  startedAt: null,
});

function status(offerId: string, offerStatus: string, indicator: Indicator, steps: Step[]): OfferStatus {
  return {
    publisherId: "contoso",
    offerId,
    status: parseOfferStatus(offerStatus),
    indicator,
    messages: [],
    steps,
    currentStepId: steps.find((s) => s.status.value !== "complete")?.id ?? null,
    waitingSince: null,
    warningCount: 0,
    errorCount: 0,
    previewLinks: [],
    liveLinks: [],
  };
}

function summary(id: string, offerStatus: string, indicator: Indicator, version = 1): OfferSummary {
  return {
    id,
    publisherId: "contoso",
    name: id,
    offerTypeId: "microsoft-azure-virtualmachines",
    version,
    changedTime: null,
    status: parseOfferStatus(offerStatus),
    indicator,
    currentStep: null,
    waitingSince: null,
    warningCount: 0,
    errorCount: 0,
    statusError: null,
    previewLinks: [],
  };
}

const error = (text: string) => ({
  html: text,
  text,
  level: { value: "error" as const, raw: "error" },
  timestamp: "2026-11-01T10:00:00Z",
});

const T0 = Date.parse("2026-11-29T10:00:00Z");
const GAP = 30 * 60_000;
const publisher = { id: "contoso", name: "Contoso" };

describe.each(STORE_KINDS)("the store (%s)", { timeout: 120_000 }, (kind) => {
  let t: TestStore;
  beforeEach(async () => {
    t = await openTestStore(kind);
  });
  afterEach(async () => {
    await t.dispose();
  });
  afterAll(() => stopPostgres());

  it("records where an offer stands at first sight, then each change once, with observed step times", async () => {
    const db = t.store.db;
    const first = await recordStatus(
      db,
      status("vm", "running", "publishing", [step("a", "inProgress"), step("b", "notStarted")]),
      T0,
    );
    expect(first.changes).toEqual([expect.objectContaining({ kind: "indicator", from: null, to: "publishing" })]);

    // The same document again: nothing new, however often it is read.
    const again = await recordStatus(
      db,
      status("vm", "running", "publishing", [step("a", "inProgress"), step("b", "notStarted")]),
      T0 + 1000,
    );
    expect(again.changes).toEqual([]);

    await recordStatus(
      db,
      status("vm", "running", "publishing", [step("a", "complete"), step("b", "inProgress", [error("Bad image")])]),
      T0 + 60_000,
    );
    await recordStatus(
      db,
      status("vm", "failed", "failed", [step("a", "complete"), step("b", "rejected", [error("Bad image")])]),
      T0 + 120_000,
    );

    const history = await readHistory(db, "Contoso", "VM");
    const kinds = history.transitions.map((x) =>
      x.kind === "step"
        ? `step ${x.stepId} ${x.from}→${x.to}`
        : x.kind === "indicator"
          ? `indicator ${x.from}→${x.to}`
          : x.kind === "message"
            ? `message ${x.level} ${x.text}`
            : x.kind,
    );
    expect(kinds).toEqual([
      "indicator publishing→failed",
      "step b inProgress→rejected",
      "step a inProgress→complete",
      "step b notStarted→inProgress",
      "message error Bad image",
      "indicator null→publishing",
    ]);

    const b = history.steps.find((s) => s.stepId === "b");
    expect(b).toMatchObject({
      startedAt: new Date(T0 + 60_000).toISOString(),
      finishedAt: new Date(T0 + 120_000).toISOString(),
      durationMs: 60_000,
    });
    // Step a was already under way at the first observation: its start is not known.
    expect(history.steps.find((s) => s.stepId === "a")).toMatchObject({ startedAt: null, durationMs: null });
    expect(history.recordingSince).toBe(new Date(T0).toISOString());
  });

  it("ignores a read that finishes after a newer one", async () => {
    const db = t.store.db;
    await recordStatus(db, status("late", "succeeded", "live", [step("a", "complete")]), T0 + 10_000);
    const stale = await recordStatus(db, status("late", "running", "publishing", [step("a", "inProgress")]), T0);
    expect(stale.changes).toEqual([]);
    expect((await readOffer(db, "contoso", "late"))?.indicator).toBe("live");
  });

  it("records each change once when two writers race with the same document", async () => {
    const db = t.store.db;
    await recordStatus(db, status("race", "running", "publishing", [step("a", "inProgress")]), T0);
    const next = status("race", "running", "awaitingSignoff", [
      step("a", "complete"),
      step("publisher-signoff", "waitingForPublisherReview"),
    ]);
    await Promise.all([
      recordStatus(db, next, T0 + 5000),
      recordStatus(db, next, T0 + 5001),
      recordStatus(db, next, T0 + 5002),
    ]);
    const history = await readHistory(db, "contoso", "race");
    expect(history.transitions.filter((x) => x.kind === "indicator" && x.to === "awaitingSignoff")).toHaveLength(1);
    expect(history.transitions.filter((x) => x.kind === "step" && x.stepId === "a")).toHaveLength(1);
  });

  it("keeps the list: new, changed and removed offers; delisted wins over the last publish", async () => {
    const db = t.store.db;
    const first = await recordList(
      db,
      publisher,
      [summary("vm", "succeeded", "live"), summary("app", "running", "publishing")],
      T0,
    );
    expect(first.changed.map((c) => c.offerId).sort()).toEqual(["app", "vm"]);
    // An offer in flight is placed by its status document, not by its list entry.
    expect((await readOffer(db, "contoso", "app"))?.indicator).toBeNull();
    expect((await readOffer(db, "contoso", "vm"))?.indicator).toBe("live");

    const same = await recordList(
      db,
      publisher,
      [summary("vm", "succeeded", "live"), summary("app", "running", "publishing")],
      T0 + 1000,
    );
    expect(same.changed).toEqual([]);

    await recordStatus(db, status("vm", "succeeded", "live", [step("a", "complete")]), T0 + 2000);
    const delisted = await recordList(db, publisher, [summary("vm", "delisted", "delisted")], T0 + 3000);
    expect(delisted.changed).toEqual([{ offerId: "vm", previous: expect.objectContaining({ id: "vm" }) }]);
    expect(delisted.removed).toEqual(["app"]);
    expect((await readOffer(db, "contoso", "vm"))?.indicator).toBe("delisted");
    // A later status read (which still says succeeded) does not bring "live" back.
    await recordStatus(
      db,
      status("vm", "succeeded", "live", [step("a", "complete"), step("b", "complete")]),
      T0 + 4000,
    );
    expect((await readOffer(db, "contoso", "vm"))?.indicator).toBe("delisted");
    const list = await readList(db, "CONTOSO");
    expect(list.rows.map((r) => r.summary.id)).toEqual(["vm"]);
    expect(list.publisher?.listFetchedAt?.getTime()).toBe(T0 + 3000);
  });

  it("a list read that changes nothing rewrites no offer row; the offers count as confirmed by it all the same", async () => {
    const db = t.store.db;
    const list = [summary("vm", "succeeded", "live"), summary("app", "succeeded", "live")];
    await recordList(db, publisher, list, T0);
    // xmin names the transaction that wrote a row's current version: a rewrite changes it.
    const versions = async () =>
      ((await db.execute(sql`select offer_id, xmin::text as v from offers order by offer_id`)) as { rows: unknown[] })
        .rows;
    const before = await versions();
    await recordList(db, publisher, list, T0 + 30_000);
    expect(await versions()).toEqual(before);
    expect((await readOffer(db, "contoso", "vm"))?.listFetchedAt?.getTime()).toBe(T0 + 30_000);
  });

  it("moves the publisher's list version on every change of what its list shows, and only then", async () => {
    const db = t.store.db;
    const version = async () => (await readListHead(db, "contoso")).publisher?.version;
    const list = [summary("vm", "running", "publishing"), summary("app", "succeeded", "live")];
    await recordList(db, publisher, list, T0);
    const first = await version();
    // The same list again, the same status document again: nothing to rebuild.
    await recordList(db, publisher, list, T0 + 30_000);
    const inFlight = status("vm", "running", "publishing", [step("a", "inProgress")]);
    await recordStatus(db, inFlight, T0 + 31_000);
    const afterStatus = await version();
    expect(afterStatus).toBe(first! + 1);
    await recordStatus(db, inFlight, T0 + 60_000);
    await recordList(db, publisher, list, T0 + 61_000);
    expect(await version()).toBe(afterStatus);
    // A step moves; an entry changes; an offer leaves the list: each one is a new version.
    await recordStatus(db, status("vm", "running", "publishing", [step("a", "complete")]), T0 + 90_000);
    expect(await version()).toBe(afterStatus! + 1);
    await recordList(db, publisher, [list[0]!, summary("app", "succeeded", "live", 2)], T0 + 120_000);
    expect(await version()).toBe(afterStatus! + 2);
    await recordList(db, publisher, [list[0]!], T0 + 150_000);
    expect(await version()).toBe(afterStatus! + 3);
    expect((await readListHead(db, "contoso")).inFlightStatusAt?.getTime()).toBe(T0 + 90_000);
  });

  it("prunes what is older than the retention (its VACUUM runs on both databases)", async () => {
    const db = t.store.db;
    await recordStatus(db, status("vm", "running", "publishing", [step("a", "inProgress")]), T0);
    await recordStatus(db, status("vm", "running", "publishing", [step("a", "complete")]), T0 + 86_400_000);
    expect((await readHistory(db, "contoso", "vm")).transitions).toHaveLength(2);
    await prune(db, new Date(T0 + 1000), new Date(T0 + 86_400_000));
    expect((await readHistory(db, "contoso", "vm")).transitions).toEqual([
      expect.objectContaining({ kind: "step", to: "complete" }),
    ]);
  });

  it("marks what changed since a user's last visit; a visit goes on across reloads; each user has their own", async () => {
    const db = t.store.db;
    const at = (minutes: number) => new Date(T0 + minutes * 60_000);
    const inFlight = (s: string) => status("vm", "running", "publishing", [step("a", s), step("b", "notStarted")]);
    await recordStatus(db, inFlight("inProgress"), T0);
    await recordStatus(db, status("app", "waitingForPublisherReview", "awaitingSignoff", []), T0);

    // A first visit has nothing to compare with; coming back within the gap is the same visit.
    expect(await recordVisit(db, "ann", "contoso", at(1), GAP)).toEqual({ since: null, changed: [] });
    expect(await recordVisit(db, "ann", "Contoso", at(20), GAP)).toEqual({ since: null, changed: [] });

    await recordStatus(db, inFlight("complete"), T0 + 60 * 60_000);
    // Two hours later: a new visit, marked from the end of the last one (minute 20).
    const later = await recordVisit(db, "ann", "contoso", at(120), GAP);
    expect(later).toEqual({ since: at(20).toISOString(), changed: [{ offerId: "vm", at: at(60).toISOString() }] });
    // A reload keeps the marks; the next visit after a long absence starts from there.
    expect(await recordVisit(db, "ann", "contoso", at(125), GAP)).toEqual(later);
    expect(await recordVisit(db, "ann", "contoso", at(300), GAP)).toEqual({
      since: at(125).toISOString(),
      changed: [],
    });

    // Someone else's first visit is theirs alone.
    expect(await recordVisit(db, "bob", "contoso", at(300), GAP)).toEqual({ since: null, changed: [] });
  });

  it("keeps the audit of actions, filterable, with the acknowledgement of open errors", async () => {
    const db = t.store.db;
    const base = {
      publisherId: "contoso",
      userOid: "oid-1",
      role: "Approver",
      status: 202,
      code: null,
      upstreamStatus: 202,
      operationId: "op-1",
    };
    await recordAction(db, {
      ...base,
      at: new Date(T0),
      action: "golive",
      offerId: "vm",
      username: "aaron@contoso.example",
      outcome: "accepted",
      acknowledgedErrors: 2,
    });
    await recordAction(db, {
      ...base,
      at: new Date(T0 + 1000),
      action: "cancel",
      offerId: "app",
      username: "陳小明@contoso.example",
      outcome: "refused",
      status: 403,
      code: "forbidden",
      upstreamStatus: null,
      operationId: null,
      acknowledgedErrors: null,
    });
    expect((await readActivity(db, { limit: 10 })).map((a) => a.offerId)).toEqual(["app", "vm"]);
    expect(await readActivity(db, { limit: 10, action: "golive" })).toEqual([
      expect.objectContaining({ offerId: "vm", acknowledgedErrors: 2, user: "aaron@contoso.example" }),
    ]);
    expect(await readActivity(db, { limit: 10, from: new Date(T0 + 500) })).toHaveLength(1);
    const history = await readHistory(db, "contoso", "vm");
    expect(history.transitions).toEqual([
      expect.objectContaining({ kind: "action", action: "golive", outcome: "accepted", user: "aaron@contoso.example" }),
    ]);
  });
});
