/**
 * Child runner: a simulated month of the demo's activity written into a fresh PGlite store
 * through the recorder's own store functions (recordList, recordStatus, recordAction), then
 * the store's size on disk and its rows per table. Started by bench/store.ts with
 * SERVER_MODULE_ARGS and the dashboard's environment (DATA_DIR: the month's store).
 *
 * The offers and their documents are the demo's: every offer of the demo publishers with a
 * status document, read once from the emulator through the app's upstream client (so the
 * documents have the real shape and size). In the month each of them publishes
 * `publishesPerOffer` times at seeded random times: through each of its steps (two documents
 * a step: started, then half done with a message), a day at sign-off, Go live (an action),
 * then live. The watcher reads each state at its real pace (schedule.ts): the first read
 * of a state and its last re-read are recorded (re-reads in between find the same document,
 * which only moves timestamps), and all reads are counted for the baseline: the raw JSON of
 * every status document read, stored without dedup. List reads: every change, plus
 * `listReadsPerDay` unchanged ones per publisher.
 */
import { count } from "drizzle-orm";

import { getEnv } from "@/lib/env";
import { parseTimeFrame } from "@/lib/overdue";
import type { Message, OfferStatus, OfferSummary, Publisher, Step } from "@/lib/schemas/model";
import { deriveIndicator, findSignoffStep, type StepStatusValue } from "@/lib/schemas/vocabulary";
import { statusInterval } from "@/lib/server/recorder/schedule";
import { getServices } from "@/lib/server/services";
import { recordAction } from "@/lib/server/store/history";
import { recordList, recordStatus } from "@/lib/server/store/offers";
import { openStore, type Db } from "@/lib/server/store/open";
import * as schema from "@/lib/server/store/schema";

import { readChildInput, writeChildResult } from "./child";
import { dirBytes } from "./disk";

export interface StoreMonthInput {
  excludePublishers: string[];
  days: number;
  publishesPerOffer: number;
  listReadsPerDay: number;
  seed: number;
  /** A folder for an empty store, to tell the month's growth from PostgreSQL's own files. */
  emptyDir: string;
}

export interface StoreMonthResult {
  publishers: number;
  offers: number;
  publishes: number;
  statusReads: number;
  statusRecords: number;
  listRecords: number;
  actions: number;
  distinctDocuments: number;
  /** JSON of every status read, as fetched (the no-dedup baseline). */
  rawJsonBytes: number;
  /** JSON of the distinct documents. */
  distinctJsonBytes: number;
  rows: Record<string, number>;
  storeBytes: number;
  emptyStoreBytes: number;
  realMs: number;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const SIGNOFF_WAIT_MS = DAY;
const MONTH_START = Date.parse("2026-01-01T00:00:00.000Z");

interface Template {
  publisher: Publisher;
  summary: OfferSummary;
  status: OfferStatus;
}

/** One thing that happens at `at`; run in time order. */
interface Happening {
  at: number;
  run(db: Db): Promise<void>;
}

/** A small seeded generator (mulberry32): the same month every run. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const iso = (ms: number) => new Date(ms).toISOString();
const parsed = <T extends string>(value: T) => ({ value, raw: value });
const bytes = (doc: unknown) => Buffer.byteLength(JSON.stringify(doc));

async function readTemplates(exclude: readonly string[]): Promise<Template[]> {
  const { cpp } = getServices();
  const templates: Template[] = [];
  const publishers = (await cpp.listPublishers()).value.filter((p) => !exclude.includes(p.id.toLowerCase()));
  for (const publisher of publishers) {
    let entries: OfferSummary[];
    try {
      entries = (await cpp.listOfferEntries(publisher.id)).value;
    } catch {
      continue; // a publisher the app registration may not read
    }
    for (const summary of entries) {
      try {
        const status = (await cpp.getOfferStatus(publisher.id, summary.id)).value;
        if (status.steps.length >= 2) templates.push({ publisher, summary, status });
      } catch {
        // a draft has no status document: it does not publish this month
      }
    }
  }
  return templates;
}

function message(text: string, at: number): Message {
  return { html: text, text, level: parsed("information"), timestamp: iso(at) };
}

/** The document while step `k` runs (`half`: half done, with a message), or after the last when k = length. */
function documentAt(template: OfferStatus, k: number, half: boolean, startedAt: number[], now: number): OfferStatus {
  const signoffWaiting = template.steps[k] !== undefined && template.steps[k] === findSignoffStep(template.steps);
  const steps: Step[] = template.steps.map((s, j) => {
    const status: StepStatusValue =
      j < k ? "complete" : j > k ? "notStarted" : signoffWaiting ? "waitingForPublisherReview" : "inProgress";
    const began = startedAt[j];
    const messages =
      began === undefined || j > k
        ? []
        : [message(`${s.name} started`, began), ...(j < k || half ? [message(`${s.name}: half done`, now)] : [])];
    return {
      ...s,
      status: parsed(status),
      progress: j < k ? 100 : j > k ? 0 : half ? 50 : 0,
      messages,
      startedAt: began === undefined || j > k ? null : iso(began),
    };
  });
  const done = k >= template.steps.length;
  const value = done ? "succeeded" : "running";
  return {
    ...template,
    status: parsed(value),
    indicator: deriveIndicator(value, steps),
    steps,
    messages: [],
    currentStepId: done ? null : (template.steps[k]?.id ?? null),
    waitingSince: signoffWaiting ? iso(startedAt[k] ?? now) : null,
    warningCount: 0,
    errorCount: 0,
  };
}

class Month {
  readonly happenings: Happening[] = [];
  readonly summaries = new Map<string, Map<string, OfferSummary>>();
  statusReads = 0;
  statusRecords = 0;
  listRecords = 0;
  actions = 0;
  publishes = 0;
  rawJsonBytes = 0;
  readonly distinct = new Map<string, number>();
  private readonly pace = { minMs: getEnv().WATCH_MIN_MS, maxMs: getEnv().WATCH_MAX_MS };

  constructor(private readonly random: () => number) {}

  /** A state of a publish: its first read at `at`, its last re-read before it ends. */
  private state(doc: OfferStatus, at: number, durationMs: number): void {
    const interval = statusInterval(doc, this.pace);
    const reads = interval === null ? 1 : Math.max(1, Math.ceil(durationMs / interval));
    const size = bytes(doc);
    this.statusReads += reads;
    this.rawJsonBytes += reads * size;
    this.distinct.set(JSON.stringify(doc), size);
    this.statusRecords += reads > 1 ? 2 : 1;
    this.happenings.push({ at, run: (db) => recordStatus(db, doc, at).then(() => undefined) });
    if (interval !== null && reads > 1) {
      const last = at + (reads - 1) * interval;
      this.happenings.push({ at: last, run: (db) => recordStatus(db, doc, last).then(() => undefined) });
    }
  }

  private listChange(t: Template, at: number, change: Partial<OfferSummary>): void {
    const publisherId = t.publisher.id.toLowerCase();
    this.listRecords++;
    this.happenings.push({
      at,
      run: async (db) => {
        const entries = this.summaries.get(publisherId);
        if (!entries) return;
        const current = entries.get(t.summary.id) ?? t.summary;
        entries.set(t.summary.id, { ...current, ...change, changedTime: iso(at) });
        await recordList(db, t.publisher, [...entries.values()], at);
      },
    });
  }

  /** One publish of an offer from `start`; answers when it ends. */
  publish(t: Template, start: number): number {
    this.publishes++;
    const steps = t.status.steps;
    const startedAt: number[] = [];
    let now = start;
    this.listChange(t, start, { status: parsed("running"), indicator: "publishing" });
    for (let k = 0; k < steps.length; k++) {
      startedAt[k] = now;
      const step = steps[k];
      if (step !== undefined && step === findSignoffStep(steps)) {
        this.state(documentAt(t.status, k, false, startedAt, now), now, SIGNOFF_WAIT_MS);
        now += SIGNOFF_WAIT_MS;
        this.goLive(t, now);
        continue;
      }
      const estimate = parseTimeFrame(step?.estimatedTimeFrame) ?? HOUR;
      const duration = Math.min(3 * DAY, Math.max(MINUTE, estimate * (0.3 + 0.6 * this.random())));
      this.state(documentAt(t.status, k, false, startedAt, now), now, duration / 2);
      this.state(documentAt(t.status, k, true, startedAt, now + duration / 2), now + duration / 2, duration / 2);
      now += duration;
    }
    this.state(documentAt(t.status, steps.length, false, startedAt, now), now, 0);
    this.listChange(t, now, { status: parsed("succeeded"), indicator: "live" });
    return now;
  }

  private goLive(t: Template, at: number): void {
    this.actions++;
    this.happenings.push({
      at,
      run: (db) =>
        recordAction(db, {
          at: new Date(at),
          action: "golive",
          publisherId: t.publisher.id,
          offerId: t.summary.id,
          userOid: "00000000-0000-4000-8000-0000000a9905",
          username: "approver@contoso.onmicrosoft.com",
          role: "Approver",
          outcome: "accepted",
          status: 202,
          code: null,
          upstreamStatus: 202,
          operationId: `op-${t.summary.id}-${at}`,
          acknowledgedErrors: 0,
        }),
    });
  }

  /** Unchanged list reads: only their timestamps move. */
  listReads(publisher: Publisher, days: number, perDay: number): void {
    const publisherId = publisher.id.toLowerCase();
    for (let i = 0; i < days * perDay; i++) {
      const at = MONTH_START + (i * DAY) / perDay;
      this.listRecords++;
      this.happenings.push({
        at,
        run: async (db) => {
          await recordList(db, publisher, [...(this.summaries.get(publisherId)?.values() ?? [])], at);
        },
      });
    }
  }
}

async function countRows(db: Db): Promise<Record<string, number>> {
  const tables = {
    publishers: schema.publishers,
    offers: schema.offers,
    status_documents: schema.statusDocuments,
    transitions: schema.transitions,
    step_times: schema.stepTimes,
    actions: schema.actions,
  };
  const rows: Record<string, number> = {};
  for (const [name, table] of Object.entries(tables)) {
    const [row] = await db.select({ n: count() }).from(table);
    rows[name] = row?.n ?? 0;
  }
  return rows;
}

async function emptyStoreBytes(dir: string): Promise<number> {
  const store = await openStore({ dataDir: dir });
  await store.close();
  return dirBytes(dir);
}

const input = readChildInput<StoreMonthInput>();
const started = performance.now();
const env = getEnv();
const templates = await readTemplates(input.excludePublishers);
const month = new Month(seeded(input.seed));
const byPublisher = new Map<string, Publisher>();
for (const t of templates) {
  const id = t.publisher.id.toLowerCase();
  byPublisher.set(id, t.publisher);
  const entries = month.summaries.get(id) ?? new Map<string, OfferSummary>();
  entries.set(t.summary.id, t.summary);
  month.summaries.set(id, entries);
}
const span = (input.days * DAY) / input.publishesPerOffer;
const plan = seeded(input.seed + 1);
for (const t of templates) {
  let free = MONTH_START;
  for (let n = 0; n < input.publishesPerOffer; n++) {
    const planned = MONTH_START + n * span + plan() * span * 0.5;
    free = month.publish(t, Math.max(planned, free + HOUR));
  }
}
for (const publisher of byPublisher.values()) month.listReads(publisher, input.days, input.listReadsPerDay);

const store = await openStore({ dataDir: env.DATA_DIR });
// The first list of each publisher, as the watcher's first read records it.
for (const [id, publisher] of byPublisher)
  await recordList(store.db, publisher, [...(month.summaries.get(id)?.values() ?? [])], MONTH_START - MINUTE);
const ordered = month.happenings.map((h, i) => ({ h, i })).sort((a, b) => a.h.at - b.h.at || a.i - b.i);
for (const { h } of ordered) await h.run(store.db);
const rows = await countRows(store.db);
await store.close();

writeChildResult({
  publishers: byPublisher.size,
  offers: templates.length,
  publishes: month.publishes,
  statusReads: month.statusReads,
  statusRecords: month.statusRecords,
  listRecords: month.listRecords,
  actions: month.actions,
  distinctDocuments: month.distinct.size,
  rawJsonBytes: month.rawJsonBytes,
  distinctJsonBytes: [...month.distinct.values()].reduce((a, b) => a + b, 0),
  rows,
  storeBytes: dirBytes(env.DATA_DIR),
  emptyStoreBytes: await emptyStoreBytes(input.emptyDir),
  realMs: performance.now() - started,
} satisfies StoreMonthResult);
process.exit(0);
