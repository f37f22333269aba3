import { chromium, type Browser, type BrowserContext, type Locator, type Page } from "@playwright/test";

import type { BenchApp } from "./support/app";
import { BULK_PUBLISHER, type BenchContext, type FigureResult } from "./support/context";
import { STATUS_ROUTE } from "./support/emulator";
import { getOnce, percentile } from "./support/load";
import type { BenchSession } from "./support/session";
import { fmt, type Row } from "./support/table";

/**
 * Figure 4, the pages at scale, in Chromium: time to the first rendered row of All offers and
 * Approvals, time from a keystroke in the text filter to the updated rows, and the bytes the
 * page transfers. The bulk publisher (5,000 offers, 500 awaiting sign-off) against the small
 * contoso publisher (~30 offers) in the same run.
 *
 * Selectors are what a user sees: the first `tbody tr` holding a link is a rendered row; the
 * filter is the page's `searchbox` (else a field labelled "Filter…"). A missing one is an
 * error naming it, not a silent zero.
 */
const SMALL_PUBLISHER = "contoso";
const ROW_SELECTOR = "tbody tr a";
/** A frame at 60 Hz: the budget of showing the typed character. */
const FRAME_MS = 16.7;
/** Two frames: the budget of applying the filter to the rows in view. */
const FRAME_BUDGET_MS = 33;
/** Chromium flags of playwright.config.ts. */
export const CHROMIUM_ARGS = [
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

export type PageKind = "offers" | "approvals";

interface Transfer {
  scriptBytes: number;
  scripts: number;
  apiBytes: number;
  documentBytes: number;
  totalBytes: number;
}

interface KeystrokeSample {
  key: string;
  /** keydown → the typed text painted (input echo). */
  echoMs: number;
  /** keydown → the debounced commit of the filter to the URL. */
  commitMs: number | null;
  /** keydown → the row set changed in the DOM, and the frame after it. */
  rowsMs: number;
  rowsPaintedMs: number;
  /** keydown → the last of the page's rows painted (the rows after the first screenful). */
  completeMs: number;
  /** commit → rows painted: the work the filter costs once the debounce has fired. */
  workMs: number | null;
  longTasksMs: number;
  maxLongTaskMs: number;
}

/** Main-thread CPU from a Chromium trace (thread time, so other processes do not inflate it). */
interface MainThreadCpu {
  /** Per keystroke: keydown → rows painted. */
  perKeystrokeMs: number[];
  /** Of which keydown → the typed text painted. */
  echoMs: number[];
  /** Of which the debounced commit → rows painted: applying the filter. */
  updateMs: number[];
  /** Per keystroke: keydown → the whole page of rows painted. */
  completeMs: number[];
  /** The page left alone (no input), per second: its timers and re-renders. */
  idlePerSecondMs: number;
}

export interface PageMeasures {
  kind: PageKind;
  publisherId: string;
  offersInList: number;
  /** Navigation start → first row painted, server cache warm (shipped instance). */
  firstRowWarmMs: number;
  /** Navigation start → the list API's answer received, same load. */
  listAnsweredWarmMs: number;
  /** The same on the CACHE_COALESCE=false instance: every list load pays its upstream reads. */
  firstRowColdMs: number;
  /** Upstream requests (all routes, and status reads) that cold load cost. */
  coldUpstreamRequests: number;
  coldUpstreamStatusReads: number;
  rowsShown: number;
  /** Rows per page when not the default. */
  pageSize: number | null;
  transfer: Transfer;
  filterText: string;
  keystrokes: KeystrokeSample[];
  /** Network requests (and bytes) per filter keystroke, idle window included. */
  filterRequests: number;
  filterBytes: number;
  cpu: MainThreadCpu;
}

interface BenchWindow {
  __benchFirstRow?: { inserted: number; painted?: number };
  __benchFilter?: { state: FilterState; reset(): void; settled(timeoutMs: number): Promise<boolean> };
}

interface FilterState {
  key?: number;
  echo?: number;
  commit?: number;
  rows?: number;
  rowsPaint?: number;
  complete?: number;
  longTasks: number;
  maxLongTask: number;
  before: string;
}

export function pagePath(kind: PageKind, publisherId: string): string {
  return `/publishers/${publisherId}/${kind}`;
}

/** Records (inside the page) when the first row exists in the DOM and the frame after it. */
function installFirstRowProbe(selector: string): void {
  const w = window as unknown as BenchWindow;
  const check = (observer: MutationObserver) => {
    if (w.__benchFirstRow || !document.querySelector(selector)) return;
    const record: { inserted: number; painted?: number } = { inserted: performance.now() };
    w.__benchFirstRow = record;
    observer.disconnect();
    requestAnimationFrame(() => setTimeout(() => (record.painted = performance.now()), 0));
  };
  const observer = new MutationObserver(() => check(observer));
  observer.observe(document, { childList: true, subtree: true });
}

/**
 * Bytes by kind while the page loads, then requests while the filter is used (a filter that
 * goes through the server shows up here).
 */
async function withNetworkLog(context: BrowserContext, page: Page) {
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  const types = new Map<string, string>();
  const log = {
    phase: "load" as "load" | "filter",
    load: { scriptBytes: 0, scripts: 0, apiBytes: 0, documentBytes: 0, totalBytes: 0 } satisfies Transfer,
    filter: { requests: 0, bytes: 0 },
    /** Navigation start → the offer list's answer fully received (ms), from CDP timestamps. */
    listAnsweredMs: Number.NaN,
  };
  let firstRequestAt: number | undefined;
  let listRequestId: string | undefined;
  cdp.on("Network.requestWillBeSent", (e) => {
    firstRequestAt ??= e.timestamp;
    if (listRequestId === undefined && /\/api\/publishers\/[^/]+\/offers(\?|$)/.test(e.request.url))
      listRequestId = e.requestId;
    if (log.phase === "filter") log.filter.requests++;
  });
  cdp.on("Network.responseReceived", (e) => {
    types.set(e.requestId, e.response.url.includes("/api/") ? "Api" : e.type);
  });
  cdp.on("Network.loadingFinished", (e) => {
    if (e.requestId === listRequestId && firstRequestAt !== undefined)
      log.listAnsweredMs = (e.timestamp - firstRequestAt) * 1000;
    if (log.phase === "filter") {
      log.filter.bytes += e.encodedDataLength;
      return;
    }
    const transfer = log.load;
    const type = types.get(e.requestId);
    transfer.totalBytes += e.encodedDataLength;
    if (type === "Script") {
      transfer.scriptBytes += e.encodedDataLength;
      transfer.scripts++;
    } else if (type === "Api") transfer.apiBytes += e.encodedDataLength;
    else if (type === "Document") transfer.documentBytes += e.encodedDataLength;
  });
  return log;
}

/**
 * BENCH_PAGE_INIT_SCRIPT: a JavaScript file run in every page before the app, to measure a
 * candidate fix of the pages without rebuilding them (a what-if; the README says which).
 */
const extraInitScript = process.env.BENCH_PAGE_INIT_SCRIPT;

export async function newPage(
  browser: Browser,
  session: BenchSession,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  // Signed in as a viewer; cookies are per host, so one serves both instances on 127.0.0.1.
  await context.addCookies([
    { name: session.cookieName, value: session.value, domain: "127.0.0.1", path: "/", httpOnly: true, sameSite: "Lax" },
  ]);
  // tsx (esbuild keepNames) wraps nested functions in `__name(…)`; the page needs the helper
  // to run the probes below, which Playwright serialises from this file.
  await context.addInitScript({ content: "globalThis.__name = (fn) => fn;" });
  if (extraInitScript) await context.addInitScript({ path: extraInitScript });
  const page = await context.newPage();
  await page.addInitScript(installFirstRowProbe, ROW_SELECTOR);
  return { context, page };
}

/** Navigates and waits for the first row; returns navigation start → first row painted. */
export async function openToFirstRow(page: Page, url: string): Promise<number> {
  await page.goto(url, { waitUntil: "commit", timeout: 60_000 });
  try {
    await page.waitForFunction(
      () => (window as unknown as BenchWindow).__benchFirstRow?.painted !== undefined,
      undefined,
      { timeout: 120_000, polling: 50 },
    );
  } catch {
    const heading = await page
      .locator("h1")
      .first()
      .textContent({ timeout: 1_000 })
      .catch(() => null);
    throw new Error(
      `no row (\`${ROW_SELECTOR}\`) appeared within 120 s at ${url} (page heading: ${JSON.stringify(heading)}): has the table's markup changed?`,
    );
  }
  const painted = await page.evaluate(() => (window as unknown as BenchWindow).__benchFirstRow?.painted);
  if (painted === undefined) throw new Error("first row probe lost");
  return painted;
}

async function findFilter(page: Page): Promise<Locator> {
  const searchbox = page.getByRole("searchbox");
  if ((await searchbox.count()) > 0) return searchbox.first();
  const labelled = page.getByLabel(/filter/i);
  if ((await labelled.count()) > 0) return labelled.first();
  throw new Error(`no text filter on ${page.url()}: expected an element with role "searchbox" or a label "Filter…"`);
}

/**
 * Installs the keystroke probe on the filter input and the table (inside the page). It marks
 * (for the trace) the keydown, the frame showing the typed text, the list view's commit to the
 * URL, the frame showing the changed rows, and the frame showing the whole page of rows (the
 * rows after the first screenful render a moment later: `data-pending-rows` holds their place).
 * The harness waits on a promise rather than polling, which would run on the main thread.
 */
function installFilterProbe(input: HTMLElement | SVGElement, selector: string): void {
  const w = window as unknown as BenchWindow & Window;
  const table = document.querySelector(selector)?.closest("table");
  if (!table) throw new Error(`no table around ${selector}`);
  const signature = () =>
    Array.from(table.tBodies[0]?.rows ?? [])
      .map((r) => r.dataset.offerId ?? (r.textContent ?? "").slice(0, 80))
      .join("|");
  const state: FilterState = { longTasks: 0, maxLongTask: 0, before: signature() };
  let onSettled: (() => void) | undefined;
  const settle = () => {
    if (state.echo !== undefined && state.rowsPaint !== undefined && state.complete !== undefined) onSettled?.();
  };
  const afterPaint = (set: (t: number) => void) =>
    requestAnimationFrame(() =>
      setTimeout(() => {
        set(performance.now());
        settle();
      }, 0),
    );

  window.addEventListener(
    "keydown",
    () => {
      if (state.key !== undefined) return;
      state.key = performance.now();
      performance.mark("bench:key");
    },
    true,
  );
  input.addEventListener("input", () => {
    if (state.key === undefined || state.echo !== undefined) return;
    afterPaint((t) => {
      state.echo ??= t;
      performance.mark("bench:echo");
    });
  });
  for (const name of ["pushState", "replaceState"] as const) {
    const original = w.history[name].bind(w.history);
    w.history[name] = (...args: Parameters<History["pushState"]>) => {
      if (state.key !== undefined && state.commit === undefined) {
        state.commit = performance.now();
        performance.mark("bench:commit");
      }
      original(...args);
    };
  }
  let completing = false;
  new MutationObserver(() => {
    if (state.key === undefined) return;
    if (state.rows === undefined) {
      if (signature() === state.before) return;
      state.rows = performance.now();
      afterPaint((t) => {
        state.rowsPaint ??= t;
        performance.mark("bench:painted");
      });
    }
    if (completing || table.querySelector("[data-pending-rows]")) return;
    completing = true;
    afterPaint((t) => {
      state.complete ??= t;
      performance.mark("bench:complete");
    });
  }).observe(table, { childList: true, subtree: true, characterData: true });
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        if (state.key === undefined || entry.startTime + entry.duration < state.key) continue;
        state.longTasks += entry.duration;
        state.maxLongTask = Math.max(state.maxLongTask, entry.duration);
      }
    }).observe({ type: "longtask" });
  } catch {
    // no Long Tasks API: long-task figures stay 0
  }
  w.__benchFilter = {
    state,
    reset() {
      completing = false;
      Object.assign(state, {
        key: undefined,
        echo: undefined,
        commit: undefined,
        rows: undefined,
        rowsPaint: undefined,
        complete: undefined,
        longTasks: 0,
        maxLongTask: 0,
        before: signature(),
      });
    },
    settled(timeoutMs) {
      return new Promise<boolean>((resolve) => {
        const timer = setTimeout(() => resolve(false), timeoutMs);
        onSettled = () => {
          clearTimeout(timer);
          onSettled = undefined;
          resolve(true);
        };
        settle();
      });
    },
  };
}

async function keystroke(page: Page, key: string): Promise<KeystrokeSample> {
  await page.evaluate(() => (window as unknown as BenchWindow).__benchFilter?.reset());
  const settled = page.evaluate(() => (window as unknown as BenchWindow).__benchFilter?.settled(15_000));
  await page.keyboard.press(key);
  if (!(await settled))
    throw new Error(`the rows did not change within 15 s of pressing ${JSON.stringify(key)} in the filter`);
  // Long tasks are reported after they end: give the observer a moment.
  await page.waitForTimeout(100);
  const s = await page.evaluate(() => (window as unknown as BenchWindow).__benchFilter?.state);
  if (
    !s ||
    s.key === undefined ||
    s.rows === undefined ||
    s.rowsPaint === undefined ||
    s.echo === undefined ||
    s.complete === undefined
  )
    throw new Error("keystroke probe lost");
  return {
    key,
    echoMs: s.echo - s.key,
    commitMs: s.commit === undefined ? null : s.commit - s.key,
    rowsMs: s.rows - s.key,
    rowsPaintedMs: s.rowsPaint - s.key,
    completeMs: s.complete - s.key,
    workMs: s.commit === undefined ? null : s.rowsPaint - s.commit,
    longTasksMs: s.longTasks,
    maxLongTaskMs: s.maxLongTask,
  };
}

interface TraceMark {
  name: string;
  cat: string;
  ts: number;
  /** Thread time (µs of CPU the thread had used) when the mark was made. */
  tts?: number;
}

const IDLE_MS = 2_000;
const TRACE_CATEGORIES = ["blink.user_timing"];

/**
 * Main-thread CPU between marks, from their thread timestamps: per keystroke, `bench:key` to
 * `bench:echo` (the typed text), `bench:commit` to `bench:painted` (the filter applied),
 * `bench:key` to `bench:painted` and to `bench:complete`; and the idle window (per second).
 */
function mainThreadCpu(trace: Buffer): MainThreadCpu {
  const events = (JSON.parse(trace.toString("utf8")) as { traceEvents: TraceMark[] }).traceEvents;
  const marks = events
    .filter((e) => e.cat.includes("blink.user_timing") && e.name.startsWith("bench:") && e.tts !== undefined)
    .sort((a, b) => a.ts - b.ts);
  if (marks.length === 0) throw new Error("the trace holds no bench marks with thread time");
  const cpu: MainThreadCpu = { perKeystrokeMs: [], echoMs: [], updateMs: [], completeMs: [], idlePerSecondMs: NaN };
  const cpuMs = (from: TraceMark, to: TraceMark) => ((to.tts ?? 0) - (from.tts ?? 0)) / 1000;
  let key: TraceMark | undefined;
  let commit: TraceMark | undefined;
  let idleStart: TraceMark | undefined;
  for (const mark of marks) {
    switch (mark.name) {
      case "bench:key":
        key = mark;
        commit = undefined;
        break;
      case "bench:echo":
        if (key) cpu.echoMs.push(cpuMs(key, mark));
        break;
      case "bench:commit":
        commit = mark;
        break;
      case "bench:painted":
        if (key) cpu.perKeystrokeMs.push(cpuMs(key, mark));
        if (commit) cpu.updateMs.push(cpuMs(commit, mark));
        break;
      case "bench:complete":
        if (key) cpu.completeMs.push(cpuMs(key, mark));
        break;
      case "bench:idle-start":
        idleStart = mark;
        break;
      case "bench:idle-end":
        if (idleStart) cpu.idlePerSecondMs = cpuMs(idleStart, mark) / ((mark.ts - idleStart.ts) / 1e6);
        break;
    }
  }
  return cpu;
}

interface ListedOffer {
  id: string;
  name: string;
  offerTypeId: string;
  indicator: string;
}

/** A one-character filter matching about half the list, so the rows surely change and stay. */
async function pickFilterCharacter(ctx: BenchContext, app: BenchApp, kind: PageKind, publisherId: string) {
  const res = await fetch(`${app.url}/api/publishers/${publisherId}/offers`, { headers: ctx.auth });
  if (!res.ok) throw new Error(`GET offers of ${publisherId} → ${res.status}`);
  const all = ((await res.json()) as { data: ListedOffer[] }).data;
  const offers = kind === "approvals" ? all.filter((o) => o.indicator === "awaitingSignoff") : all;
  const texts = offers.map((o) => `${o.name}\n${o.id}\n${o.offerTypeId}`.toLowerCase());
  let best = { char: "", score: Number.POSITIVE_INFINITY };
  for (const char of "0123456789abcdefghijklmnopqrstuvwxyz") {
    const share = texts.filter((t) => t.includes(char)).length / Math.max(1, texts.length);
    if (share < 0.15 || share > 0.75) continue;
    const score = Math.abs(share - 0.5);
    if (score < best.score) best = { char, score };
  }
  if (!best.char) throw new Error(`no filter character splits the ${kind} list of ${publisherId}`);
  return { char: best.char, offersInList: offers.length };
}

async function measurePage(
  ctx: BenchContext,
  browser: Browser,
  kind: PageKind,
  publisherId: string,
  /** Rows per page other than the default (the cold load is then not measured again). */
  pageSize?: number,
): Promise<PageMeasures> {
  const rounds = ctx.quick ? 2 : 4;
  const { char, offersInList } = await pickFilterCharacter(ctx, ctx.cached, kind, publisherId);
  const path = `${pagePath(kind, publisherId)}${pageSize ? `?size=${pageSize}` : ""}`;

  // Cold: the instance without a cache pays the list's upstream reads on every load.
  let firstRowColdMs = Number.NaN;
  let coldStats = { apiRequests: Number.NaN, byRoute: {} as Record<string, number> };
  if (!pageSize) {
    ctx.log(`pages: ${kind} of ${publisherId}, cold server cache`);
    const cold = await newPage(browser, ctx.session);
    await ctx.emulator.resetStats();
    try {
      firstRowColdMs = await openToFirstRow(cold.page, `${ctx.uncached.url}${path}`);
    } finally {
      await cold.context.close();
    }
    coldStats = await ctx.emulator.stats();
  }

  // Warm: the shipped instance right after the same list was read (as by another viewer).
  ctx.log(
    `pages: ${kind} of ${publisherId}${pageSize ? `, ${pageSize} rows a page` : ""}, warm server cache, then the filter`,
  );
  await getOnce(`${ctx.cached.url}/api/publishers/${publisherId}/offers`, 120_000, ctx.auth);
  const warm = await newPage(browser, ctx.session);
  try {
    const network = await withNetworkLog(warm.context, warm.page);
    const firstRowWarmMs = await openToFirstRow(warm.page, `${ctx.cached.url}${path}`);
    await warm.page.waitForLoadState("networkidle", { timeout: 30_000 }).catch(() => undefined);
    const rowsShown = await warm.page
      .locator("tbody tr")
      .filter({ has: warm.page.locator("a") })
      .count();

    const filter = await findFilter(warm.page);
    await filter.click();
    await filter.evaluate(installFilterProbe, ROW_SELECTOR);
    const keystrokes: KeystrokeSample[] = [];
    const transfer = { ...network.load };
    network.phase = "filter";
    await browser.startTracing(warm.page, { categories: TRACE_CATEGORIES });
    let trace: Buffer;
    try {
      for (let i = 0; i < rounds; i++) {
        keystrokes.push(await keystroke(warm.page, char));
        keystrokes.push(await keystroke(warm.page, "Backspace"));
      }
      await warm.page.evaluate(() => performance.mark("bench:idle-start"));
      await warm.page.waitForTimeout(IDLE_MS);
      await warm.page.evaluate(() => performance.mark("bench:idle-end"));
    } finally {
      trace = await browser.stopTracing();
    }
    const cpu = mainThreadCpu(trace);
    return {
      kind,
      publisherId,
      offersInList,
      firstRowWarmMs,
      listAnsweredWarmMs: network.listAnsweredMs,
      firstRowColdMs,
      coldUpstreamRequests: coldStats.apiRequests,
      coldUpstreamStatusReads: coldStats.byRoute[STATUS_ROUTE] ?? 0,
      rowsShown,
      pageSize: pageSize ?? null,
      transfer,
      filterRequests: network.filter.requests / Math.max(1, keystrokes.length),
      filterBytes: network.filter.bytes / Math.max(1, keystrokes.length),
      filterText: char,
      keystrokes,
      cpu,
    };
  } finally {
    await warm.context.close();
  }
}

const median = (values: readonly number[]) =>
  percentile(
    [...values].sort((a, b) => a - b),
    50,
  );
const max = (values: readonly number[]) => Math.max(...values);

const within = (value: number, budget: number, what: string) =>
  `${value <= budget ? "within" : "over"} ${fmt.ms(budget)}, ${what}`;

function keystrokeSummary(m: PageMeasures) {
  return {
    rowsPainted: median(m.keystrokes.map((k) => k.rowsPaintedMs)),
    echo: median(m.keystrokes.map((k) => k.echoMs)),
    complete: median(m.keystrokes.map((k) => k.completeMs)),
    maxLongTask: max(m.keystrokes.map((k) => k.maxLongTaskMs)),
    cpu: median(m.cpu.perKeystrokeMs),
    cpuEcho: median(m.cpu.echoMs),
    cpuUpdate: median(m.cpu.updateMs),
    cpuComplete: median(m.cpu.completeMs),
  };
}

const WIDE_PAGE = 200;

function wideRow(wide: PageMeasures, big: PageMeasures): Row {
  const w = keystrokeSummary(wide);
  const b = keystrokeSummary(big);
  return {
    figure: "4 Pages at scale",
    measure: `All offers, ${WIDE_PAGE} rows a page: main-thread CPU per filter keystroke (keydown → rows painted), median`,
    ours: `${fmt.ms(w.cpu)} (${wide.rowsShown} rows)`,
    baseline: `${fmt.ms(b.cpu)} (${big.rowsShown} rows)`,
    note:
      `${fmt.ratio(w.cpu, b.cpu)}; filter applied → rows painted ${fmt.ms(w.cpuUpdate)} ` +
      `(${within(w.cpuUpdate, FRAME_BUDGET_MS, "2 frames")}); whole page ${fmt.ms(w.cpuComplete)} vs ${fmt.ms(b.cpuComplete)}`,
  };
}

function rowsFor(kind: PageKind, big: PageMeasures, small: PageMeasures): Row[] {
  const title = kind === "offers" ? "All offers" : "Approvals";
  const figure = "4 Pages at scale";
  const who = (m: PageMeasures) => `${fmt.int(m.offersInList)} offers`;
  const b = keystrokeSummary(big);
  const s = keystrokeSummary(small);
  const measure = (what: string) => `${title}: ${what}`;
  return [
    {
      figure,
      measure: measure("first row painted, server cache warm"),
      ours: `${fmt.ms(big.firstRowWarmMs)} (${who(big)})`,
      baseline: `${fmt.ms(small.firstRowWarmMs)} (${who(small)})`,
      note:
        `${fmt.ratio(big.firstRowWarmMs, small.firstRowWarmMs)}; ` +
        `list answered at ${fmt.ms(big.listAnsweredWarmMs)} vs ${fmt.ms(small.listAnsweredWarmMs)}`,
    },
    {
      figure,
      measure: measure("first row painted, server cache cold (CACHE_COALESCE=false instance)"),
      ours: fmt.ms(big.firstRowColdMs),
      baseline: fmt.ms(small.firstRowColdMs),
      note: fmt.ratio(big.firstRowColdMs, small.firstRowColdMs),
    },
    {
      figure,
      measure: measure("upstream requests per cold list load (of which status reads)"),
      ours: `${fmt.int(big.coldUpstreamRequests)} (${fmt.int(big.coldUpstreamStatusReads)})`,
      baseline: `${fmt.int(small.coldUpstreamRequests)} (${fmt.int(small.coldUpstreamStatusReads)})`,
      note: "one status read per offer in flight, STATUS_FETCH_CONCURRENCY at a time",
    },
    {
      figure,
      measure: measure("filter keystroke → rows painted (incl. 150 ms debounce), median"),
      ours: fmt.ms(b.rowsPainted),
      baseline: fmt.ms(s.rowsPainted),
      note:
        `typed text painted after ${fmt.ms(b.echo)} vs ${fmt.ms(s.echo)}; ` +
        `whole page of rows after ${fmt.ms(b.complete)} vs ${fmt.ms(s.complete)}`,
    },
    {
      figure,
      measure: measure("network requests per filter keystroke"),
      ours: `${fmt.dec(big.filterRequests)} (${fmt.kib(big.filterBytes)})`,
      baseline: `${fmt.dec(small.filterRequests)} (${fmt.kib(small.filterBytes)})`,
      note: big.filterRequests > 0.5 ? "the filter goes through the server" : "filtered in the page",
    },
    {
      figure,
      measure: measure("main-thread CPU per filter keystroke (keydown → rows painted), median"),
      ours: fmt.ms(b.cpu),
      baseline: fmt.ms(s.cpu),
      note:
        `of which typed text ${fmt.ms(b.cpuEcho)} vs ${fmt.ms(s.cpuEcho)} (${within(b.cpuEcho, FRAME_MS, "1 frame")}), ` +
        `filter applied → rows painted ${fmt.ms(b.cpuUpdate)} vs ${fmt.ms(s.cpuUpdate)} ` +
        `(${within(b.cpuUpdate, FRAME_BUDGET_MS, "2 frames")}); thread time from a Chromium trace; ` +
        `longest task ${fmt.ms(b.maxLongTask)} vs ${fmt.ms(s.maxLongTask)}`,
    },
    {
      figure,
      measure: measure("main-thread CPU per filter keystroke until the whole page of rows is painted, median"),
      ours: fmt.ms(b.cpuComplete),
      baseline: fmt.ms(s.cpuComplete),
      note: `${fmt.ratio(b.cpuComplete, s.cpuComplete)}; the rows after the first screenful render after its paint`,
    },
    {
      figure,
      measure: measure("main-thread CPU per second while idle (no input)"),
      ours: fmt.ms(big.cpu.idlePerSecondMs),
      baseline: fmt.ms(small.cpu.idlePerSecondMs),
      note: fmt.ratio(big.cpu.idlePerSecondMs, small.cpu.idlePerSecondMs),
    },
    {
      figure,
      measure: measure("JavaScript transferred (compressed, incl. headers)"),
      ours: `${fmt.kib(big.transfer.scriptBytes)} (${big.transfer.scripts} files)`,
      baseline: `${fmt.kib(small.transfer.scriptBytes)} (${small.transfer.scripts} files)`,
      note: fmt.ratio(big.transfer.scriptBytes, small.transfer.scriptBytes),
    },
    {
      figure,
      measure: measure("API JSON transferred on load"),
      ours: fmt.kib(big.transfer.apiBytes),
      baseline: fmt.kib(small.transfer.apiBytes),
      note: fmt.ratio(big.transfer.apiBytes, small.transfer.apiBytes),
    },
  ];
}

export async function runPages(ctx: BenchContext): Promise<FigureResult> {
  const browser = await chromium.launch({
    ...(ctx.chromiumPath ? { executablePath: ctx.chromiumPath } : {}),
    args: CHROMIUM_ARGS,
  });
  const rows: Row[] = [];
  const data: PageMeasures[] = [];
  const errors: string[] = [];
  try {
    // Unmeasured visits: the first request of a page compiles and caches its server code.
    for (const app of [ctx.cached, ctx.uncached]) {
      const warmup = await newPage(browser, ctx.session);
      await openToFirstRow(warmup.page, `${app.url}${pagePath("offers", SMALL_PUBLISHER)}`).finally(() =>
        warmup.context.close(),
      );
    }
    for (const kind of ["offers", "approvals"] as const) {
      try {
        // The baseline (small publisher) first: it also warms Next's route code for the big one.
        const small = await measurePage(ctx, browser, kind, SMALL_PUBLISHER);
        const big = await measurePage(ctx, browser, kind, BULK_PUBLISHER);
        data.push(big, small);
        rows.push(...rowsFor(kind, big, small));
        if (kind === "offers") {
          // The largest page a publisher can choose: what a keystroke costs is the rows it renders.
          const wide = await measurePage(ctx, browser, kind, BULK_PUBLISHER, WIDE_PAGE);
          data.push(wide);
          rows.push(wideRow(wide, big));
        }
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        errors.push(`${kind}: ${message}`);
        rows.push({
          figure: "4 Pages at scale",
          measure: `${kind === "offers" ? "All offers" : "Approvals"}: not measured`,
          ours: "error",
          baseline: "",
          note: message.split("\n")[0] ?? "",
        });
      }
    }
  } finally {
    await browser.close();
  }
  return { rows, data: { measures: data, errors } };
}
