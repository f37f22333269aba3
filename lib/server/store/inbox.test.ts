import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";

import type { NotificationEventName } from "@/lib/schemas/notifications";
import { openTestStore, STORE_KINDS, stopPostgres, type TestStore } from "@/lib/server/testing/test-stores";

import type { Db } from "./open";
import { markRead, readDeliveries, readInbox, readWatches, setSignoffEverywhere, unwatch, watch } from "./inbox";
import { deliveries, notificationEvents, notifyChannels } from "./schema";

const T0 = Date.parse("2026-11-29T10:00:00Z");
const alice = { userOid: "oid-alice", approver: false };
const ann = { userOid: "oid-ann", approver: true };

let n = 0;
/** An event as the watcher records one (the other side of #17 writes these). */
async function event(db: Db, publisherId: string, offerId: string, name: NotificationEventName) {
  n += 1;
  const [row] = await db
    .insert(notificationEvents)
    .values({
      id: `evt-${n}`,
      key: `key-${n}`,
      event: name,
      occurredAt: new Date(T0 + n * 1000),
      publisherId,
      offerId,
      offerName: `${offerId} name`,
      indicator: name === "awaitingSignoff" ? "awaitingSignoff" : "failed",
      previousIndicator: "publishing",
      step: { id: "publisher-signoff", name: "Publisher signoff", status: "waitingForPublisherReview" },
      detail: {},
    })
    .returning();
  return row!;
}

describe.each(STORE_KINDS)("the inbox (%s)", { timeout: 120_000 }, (kind) => {
  let t: TestStore;
  beforeEach(async () => {
    t = await openTestStore(kind);
  });
  afterEach(async () => {
    await t.dispose();
  });
  afterAll(() => stopPostgres());

  it("shows a viewer the events of what they watch, newest first, and nothing else", async () => {
    const db = t.store.db;
    await watch(db, alice.userOid, "Contoso", "VM-One", new Date(T0));
    await watch(db, alice.userOid, "fabrikam", null, new Date(T0));
    await watch(db, alice.userOid, "fabrikam", null, new Date(T0)); // twice is once
    await event(db, "contoso", "vm-one", "failed");
    await event(db, "contoso", "vm-two", "awaitingSignoff"); // not watched
    await event(db, "fabrikam", "app", "awaitingSignoff");

    const inbox = await readInbox(db, alice);
    expect(inbox.items.map((i) => `${i.publisherId}/${i.offerId} ${i.event}`)).toEqual([
      "fabrikam/app awaitingSignoff",
      "contoso/vm-one failed",
    ]);
    expect(inbox.unread).toBe(2);
    expect(inbox.items[0]).toMatchObject({ read: false, offerName: "app name", step: { id: "publisher-signoff" } });
    expect(await readWatches(db, alice)).toEqual({
      publishers: ["fabrikam"],
      offers: [{ publisherId: "contoso", offerId: "vm-one" }],
      signoffEverywhere: false,
      approver: false,
    });

    await unwatch(db, alice.userOid, "FABRIKAM", null);
    expect((await readInbox(db, alice)).items.map((i) => i.offerId)).toEqual(["vm-one"]);
  });

  it("gives approvers every publisher's sign-off events by default, until they turn that off", async () => {
    const db = t.store.db;
    await event(db, "contoso", "vm-two", "awaitingSignoff");
    await event(db, "fabrikam", "app", "awaitingSignoff");
    await event(db, "fabrikam", "app", "failed");
    expect((await readInbox(db, ann)).items.map((i) => `${i.offerId} ${i.event}`)).toEqual([
      "app awaitingSignoff",
      "vm-two awaitingSignoff",
    ]);
    // A viewer gets none of them.
    expect((await readInbox(db, alice)).items).toEqual([]);

    await setSignoffEverywhere(db, ann.userOid, false);
    expect((await readInbox(db, ann)).items).toEqual([]);
    expect((await readWatches(db, ann)).signoffEverywhere).toBe(false);
    await watch(db, ann.userOid, "fabrikam", "app", new Date(T0));
    expect((await readInbox(db, ann)).items.map((i) => i.event)).toEqual(["failed", "awaitingSignoff"]);
    await setSignoffEverywhere(db, ann.userOid, true);
    expect((await readInbox(db, ann)).unread).toBe(3);
  });

  it("marks read one by one or all at once; later events stay unread; each user has their own", async () => {
    const db = t.store.db;
    await watch(db, alice.userOid, "contoso", null, new Date(T0));
    await watch(db, ann.userOid, "contoso", null, new Date(T0));
    const a = await event(db, "contoso", "vm-one", "failed");
    await event(db, "contoso", "vm-two", "live");
    await event(db, "fabrikam", "other", "failed"); // nobody watches it

    await markRead(db, alice, { ids: [a.id, "evt-does-not-exist"] });
    let inbox = await readInbox(db, alice);
    expect(inbox.unread).toBe(1);
    expect(inbox.items.map((i) => [i.offerId, i.read])).toEqual([
      ["vm-two", false],
      ["vm-one", true],
    ]);
    expect((await readInbox(db, ann)).unread).toBe(2);

    await markRead(db, alice, { all: true });
    expect((await readInbox(db, alice)).unread).toBe(0);
    await event(db, "contoso", "vm-three", "awaitingSignoff");
    inbox = await readInbox(db, alice);
    expect(inbox.unread).toBe(1);
    expect(inbox.items[0]).toMatchObject({ offerId: "vm-three", read: false });
    // Marking all read again never moves backwards, and keeps the older ones read.
    await markRead(db, alice, { all: true });
    expect((await readInbox(db, alice)).items.every((i) => i.read)).toBe(true);
  });

  it("keeps the inbox to the newest 50 while counting every unread event", async () => {
    const db = t.store.db;
    await watch(db, alice.userOid, "contoso", null, new Date(T0));
    for (let i = 0; i < 55; i++) await event(db, "contoso", `vm-${i}`, "live");
    const inbox = await readInbox(db, alice);
    expect(inbox.items).toHaveLength(50);
    expect(inbox.items[0]?.offerId).toBe("vm-54");
    expect(inbox.unread).toBe(55);
  });

  it("lists deliveries per event and channel, and each channel's state", async () => {
    const db = t.store.db;
    const e = await event(db, "contoso", "vm-one", "failed");
    await db.insert(notifyChannels).values([
      { channel: "webhook", configHash: "h1", events: ["failed", "live"], since: new Date(T0) },
      {
        channel: "slack",
        configHash: "h2",
        events: ["failed"],
        since: new Date(T0),
        stoppedAt: new Date(T0 + 5000),
        stopReason: "the receiver answered 410",
      },
    ]);
    await db.insert(deliveries).values([
      {
        eventSeq: e.seq,
        channel: "webhook",
        state: "delivered",
        attempts: 2,
        nextAttemptAt: new Date(T0),
        lastAttemptAt: new Date(T0 + 3000),
        lastStatus: 200,
        lastResult: "200 OK",
        deliveredAt: new Date(T0 + 3000),
        createdAt: new Date(T0),
      },
      {
        eventSeq: e.seq,
        channel: "slack",
        state: "failed",
        attempts: 1,
        nextAttemptAt: new Date(T0),
        createdAt: new Date(T0),
      },
    ]);
    const log = await readDeliveries(db, 100);
    expect(log.channels).toEqual([
      { channel: "webhook", configured: true, stoppedAt: null, stopReason: null, events: ["failed", "live"] },
      { channel: "teams", configured: false, stoppedAt: null, stopReason: null, events: [] },
      {
        channel: "slack",
        configured: true,
        stoppedAt: new Date(T0 + 5000).toISOString(),
        stopReason: "the receiver answered 410",
        events: ["failed"],
      },
    ]);
    expect(log.deliveries.map((d) => [d.channel, d.state, d.attempts, d.lastResult])).toEqual([
      ["slack", "failed", 1, null],
      ["webhook", "delivered", 2, "200 OK"],
    ]);
    expect(log.deliveries[1]).toMatchObject({
      eventId: e.id,
      offerId: "vm-one",
      lastAttemptAt: new Date(T0 + 3000).toISOString(),
    });
  });
});
