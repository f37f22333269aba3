import { chromium } from "@playwright/test";

import { CHROMIUM_ARGS, newPage, openToFirstRow, pagePath } from "./pages";
import { BULK_PUBLISHER, type BenchContext, type FigureResult } from "./support/context";
import { getOnce, percentile } from "./support/load";
import { BULK_IN_FLIGHT, waitForFirstRound, watchingApp } from "./support/recorder";
import { fmt, type Row } from "./support/table";

/**
 * Figure 9, the first page from the record: navigation start → first row painted on All
 * offers of the 5,000-offer publisher, warm. Ours: an instance with the watcher on renders
 * the page on the server from its store (React Query hydration), so the rows are in the HTML.
 * Baseline: the shipped instance as the pages figure measures it (WATCH=false, server cache
 * warm), whose browser asks for the list once the page's scripts have run. Median and worst
 * of N loads each, alternating, in fresh browser contexts (no browser cache between loads).
 */
export interface FirstRowData {
  loads: number;
  fromRecordMs: number[];
  warmCacheMs: number[];
  firstRoundMs: number;
}

export async function runFirstRow(ctx: BenchContext): Promise<FigureResult> {
  const loads = ctx.quick ? 3 : 7;
  const path = pagePath("offers", BULK_PUBLISHER);
  const watching = watchingApp(ctx, ctx.emulator, "dashboard (watcher on, first row)", {
    WATCH_PUBLISHERS: BULK_PUBLISHER,
  });
  const browser = await chromium.launch({
    ...(ctx.chromiumPath ? { executablePath: ctx.chromiumPath } : {}),
    args: CHROMIUM_ARGS,
  });
  const data: FirstRowData = { loads, fromRecordMs: [], warmCacheMs: [], firstRoundMs: Number.NaN };
  try {
    await watching.app.start();
    data.firstRoundMs = await waitForFirstRound(ctx.emulator, BULK_IN_FLIGHT);
    ctx.log(`first-row: the watcher's first round took ${(data.firstRoundMs / 1000).toFixed(0)} s`);
    const open = async (url: string) => {
      const { context, page } = await newPage(browser, ctx.session);
      try {
        return await openToFirstRow(page, url);
      } finally {
        await context.close();
      }
    };
    // Unmeasured: the first request of a page compiles and caches its server code.
    await open(`${watching.app.url}${path}`);
    await open(`${ctx.cached.url}${path}`);
    for (let i = 0; i < loads; i++) {
      data.fromRecordMs.push(await open(`${watching.app.url}${path}`));
      // Warm, as the pages figure: the list was just read (as by another viewer).
      await getOnce(`${ctx.cached.url}/api/publishers/${BULK_PUBLISHER}/offers`, 120_000, ctx.auth);
      data.warmCacheMs.push(await open(`${ctx.cached.url}${path}`));
    }
  } finally {
    await browser.close();
    await watching.dispose();
  }
  return { rows: rowsOf(data), data };
}

function rowsOf(d: FirstRowData): Row[] {
  const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
  const ours = sorted(d.fromRecordMs);
  const base = sorted(d.warmCacheMs);
  const median = (xs: number[]) => percentile(xs, 50);
  return [
    {
      figure: "9 First row",
      measure: `All offers of bulk (5,000 offers): navigation → first row painted, median of ${d.loads} loads (worst)`,
      ours: `${fmt.ms(median(ours))} (${fmt.ms(ours.at(-1) ?? Number.NaN)}) server-rendered from the record`,
      baseline: `${fmt.ms(median(base))} (${fmt.ms(base.at(-1) ?? Number.NaN)}) warm cache, fetched by the browser`,
      note: `${fmt.ratio(median(base), median(ours))} sooner`,
    },
  ];
}
