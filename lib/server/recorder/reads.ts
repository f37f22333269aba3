import "server-only";

import type { OfferStatus, OfferSummary } from "@/lib/schemas/model";
import { isInFlight } from "@/lib/schemas/vocabulary";
import type { Fetched } from "@/lib/server/coalescer";
import { withStatus } from "@/lib/server/cpp/normalize";
import { logServerError } from "@/lib/server/errors";
import { getServices } from "@/lib/server/services";
import { readList, readListHead, readOffer, recordList, recordStatus } from "@/lib/server/store/offers";

import { getRecorder, type Recorder } from ".";
import { statusInterval } from "./schedule";
import { readAcrossInstances } from "./shared-read";

/**
 * Reads for the route handlers and server components: from the store when its latest
 * observation is fresh enough for the offer's state (the watcher keeps it so), otherwise from
 * the upstream through the coalescer, recording what came back. `fetchedAt` is always when
 * the upstream data was fetched, never when the store was read. A store that fails is
 * logged and skipped: live reads go on.
 */

/** How much later than its schedule an observation may be and still be served. */
const GRACE_MS = 5_000;

/**
 * How old a recorded list may be and still be served: two of the watcher's list rounds, plus
 * the list cache's TTL (the watcher reads through the coalescer, so what it records may
 * already be that old), plus the grace. Were it shorter than the watcher can keep, every
 * instance's list route would read the upstream itself (bench figure 11 found that).
 */
function listFreshMs(recorder: Recorder): number {
  return 2 * recorder.env.WATCH_LIST_MS + recorder.env.CACHE_TTL_LIST_MS + GRACE_MS;
}

/**
 * The fetch time of the last live read recorded per offer: viewers sharing one coalesced read
 * record it once, not once each (bounded; an entry is just a number).
 */
const recordedReads = new Map<string, number>();
const MAX_RECORDED_READS = 20_000;

export async function readOffersList(
  publisherId: string,
  options: { refresh?: boolean } = {},
): Promise<Fetched<OfferSummary[]>> {
  if (!options.refresh) {
    const stored = await readStoredList(publisherId);
    if (stored) return stored;
  }
  const recorder = getRecorder();
  const live = await getServices().cpp.listOffers(publisherId);
  if (recorder) void recordLiveList(recorder, publisherId, live);
  return live;
}

/**
 * The recorded list when the watcher keeps it fresh, else null (never an upstream read): what
 * the server renders into the first page, and what the list route answers without a refresh.
 */
export async function readStoredList(publisherId: string): Promise<Fetched<OfferSummary[]> | null> {
  const recorder = getRecorder();
  return recorder?.watcher ? fromStore(() => storedList(recorder, publisherId)) : null;
}

/** The recorded status document when fresh enough for the offer's state, else null. */
export async function readStoredStatus(publisherId: string, offerId: string): Promise<Fetched<OfferStatus> | null> {
  const recorder = getRecorder();
  return recorder?.watcher ? fromStore(() => storedStatus(recorder, publisherId, offerId)) : null;
}

/**
 * The list as last built per publisher, with the store's version it was built at. At 5,000
 * offers building it costs ~300 ms of CPU (5,000 rows and their status documents); between
 * changes, 100 viewers polling get the same list from one build. Keyed by the store too
 * (tests open several), bounded by the publishers there are.
 */
const builtLists = new Map<string, { store: object; version: number; value: OfferSummary[] }>();
const MAX_BUILT_LISTS = 200;

async function storedList(recorder: Recorder, publisherId: string): Promise<Fetched<OfferSummary[]> | null> {
  const db = recorder.store.db;
  const key = publisherId.toLowerCase();
  const { publisher, inFlightStatusAt } = await readListHead(db, key);
  const listAt = publisher?.listFetchedAt?.getTime();
  if (!publisher || listAt === undefined || publisher.listError) return null;
  if (Date.now() - listAt > listFreshMs(recorder)) return null;
  // As fresh as its oldest part: the list read, and the status documents of offers in flight.
  const fetchedAt = Math.min(listAt, inFlightStatusAt?.getTime() ?? listAt);
  const built = builtLists.get(key);
  if (built && built.store === recorder.store && built.version === publisher.version) {
    return { value: built.value, fetchedAt };
  }
  const { rows } = await readList(db, key);
  const value = rows.map(({ summary, status, indicator }) => {
    const merged =
      status && isInFlight(summary.status.value) && status.status.value === summary.status.value
        ? withStatus(summary, status)
        : summary;
    return indicator ? { ...merged, indicator } : merged;
  });
  value.sort((a, b) => a.id.localeCompare(b.id));
  if (builtLists.size >= MAX_BUILT_LISTS) builtLists.clear();
  // Built from rows read after the version: a write in between only makes the next read rebuild.
  builtLists.set(key, { store: recorder.store, version: publisher.version, value });
  return { value, fetchedAt };
}

async function recordLiveList(recorder: Recorder, publisherId: string, live: Fetched<OfferSummary[]>): Promise<void> {
  // The watcher records lists on its own schedule; without it, a live read is the record.
  if (recorder.watcher) return;
  try {
    await recordList(recorder.store.db, { id: publisherId, name: publisherId }, live.value, live.fetchedAt);
  } catch (error) {
    logServerError(error, { during: "recording a live offer list", publisherId });
  }
}

export async function readOfferStatus(
  publisherId: string,
  offerId: string,
  options: { refresh?: boolean } = {},
): Promise<Fetched<OfferStatus>> {
  if (!options.refresh) {
    const stored = await readStoredStatus(publisherId, offerId);
    if (stored) return stored;
  }
  const recorder = getRecorder();
  const cpp = getServices().cpp;
  if (recorder?.shared) {
    return readAcrossInstances({
      db: recorder.store.db,
      instance: recorder.instance,
      publisherId,
      offerId,
      freshMs: recorder.env.CACHE_TTL_STATUS_MS,
      waitMs: recorder.env.CPP_TIMEOUT_MS,
      live: () => cpp.getOfferStatus(publisherId, offerId),
      record: (live) => recordLiveStatus(recorder, publisherId, offerId, live),
    });
  }
  const live = await cpp.getOfferStatus(publisherId, offerId);
  if (recorder) await recordLiveStatus(recorder, publisherId, offerId, live);
  return live;
}

/** Records a live status read once (viewers sharing one coalesced read record it once). */
async function recordLiveStatus(
  recorder: Recorder,
  publisherId: string,
  offerId: string,
  live: Fetched<OfferStatus>,
): Promise<void> {
  const key = `${publisherId.toLowerCase()}/${offerId.toLowerCase()}`;
  if (recordedReads.get(key) === live.fetchedAt) return;
  if (recordedReads.size >= MAX_RECORDED_READS) recordedReads.clear();
  recordedReads.set(key, live.fetchedAt);
  try {
    const recorded = await recordStatus(recorder.store.db, live.value, live.fetchedAt);
    if (recorded.changes.length > 0) {
      recorder.events.publish({
        publisherId: publisherId.toLowerCase(),
        offerId: offerId.toLowerCase(),
        indicator: recorded.indicator,
        previousIndicator: null,
        kinds: [...new Set(recorded.changes.map((c) => c.kind))],
        notifications: recorded.notifications.map((n) => ({ id: n.id, event: n.event })),
        at: new Date().toISOString(),
      });
    }
  } catch (error) {
    logServerError(error, { during: "recording a live status read", publisherId, offerId });
  }
}

async function storedStatus(
  recorder: Recorder,
  publisherId: string,
  offerId: string,
): Promise<Fetched<OfferStatus> | null> {
  const stored = await readOffer(recorder.store.db, publisherId, offerId);
  if (!stored?.status || !stored.statusFetchedAt) return null;
  const age = Date.now() - stored.statusFetchedAt.getTime();
  const pace = { minMs: recorder.env.WATCH_MIN_MS, maxMs: recorder.env.WATCH_MAX_MS };
  const interval = statusInterval(stored.status, pace);
  // A terminal offer stays right as long as its list entry is watched (a change triggers a read).
  const listAge = stored.listFetchedAt ? Date.now() - stored.listFetchedAt.getTime() : Number.POSITIVE_INFINITY;
  // The watcher's reads go through the coalescer: what it records may already be a TTL old.
  const fresh =
    interval === null
      ? listAge <= listFreshMs(recorder)
      : age <= interval + recorder.env.CACHE_TTL_STATUS_MS + GRACE_MS;
  if (!fresh) return null;
  const indicator = stored.indicator ?? stored.status.indicator;
  return { value: { ...stored.status, indicator }, fetchedAt: stored.statusFetchedAt.getTime() };
}

/** A store read that fails is logged and answered with null: the caller reads live. */
async function fromStore<T>(read: () => Promise<T | null>): Promise<T | null> {
  try {
    return await read();
  } catch (error) {
    logServerError(error, { during: "reading the store" });
    return null;
  }
}
