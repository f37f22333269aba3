import { sleep } from "./child";

/** Small load shapes driven from the orchestrator: polling viewers and one-shot bursts. */

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}

export interface ViewerLoad {
  /** Requests the viewers made and how many answered 2xx. */
  requests: number;
  ok: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  /** Polls that started late because the previous answer took longer than the interval. */
  latePolls: number;
}

/**
 * `viewers` browsers polling one URL every `intervalMs` for `durationMs`, spread evenly over
 * the interval as real viewers would be. Bounded: every loop ends by itself.
 */
export async function pollingViewers(options: {
  url: string;
  viewers: number;
  intervalMs: number;
  durationMs: number;
}): Promise<ViewerLoad> {
  const { url, viewers, intervalMs, durationMs } = options;
  const start = performance.now() + 50;
  const end = start + durationMs;
  const latencies: number[] = [];
  let ok = 0;
  let latePolls = 0;

  const viewer = async (index: number) => {
    let due = start + (index / viewers) * intervalMs;
    while (due < end) {
      const wait = due - performance.now();
      if (wait > 0) await sleep(wait);
      else if (wait < -50) latePolls++;
      const t0 = performance.now();
      try {
        const res = await fetch(url, { signal: AbortSignal.timeout(30_000) });
        await res.arrayBuffer();
        if (res.ok) ok++;
      } catch {
        // counted as not ok
      }
      latencies.push(performance.now() - t0);
      due += intervalMs;
    }
  };
  await Promise.all(Array.from({ length: viewers }, (_, i) => viewer(i)));
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    ok,
    latencyP50Ms: percentile(latencies, 50),
    latencyP99Ms: percentile(latencies, 99),
    latePolls,
  };
}

/** Requests all URLs at once; resolves with how many answered 2xx. */
export async function burst(urls: readonly string[]): Promise<{ ok: number; statuses: Record<string, number> }> {
  const statuses: Record<string, number> = {};
  const results = await Promise.all(
    urls.map(async (url) => {
      try {
        const res = await fetch(url, { signal: AbortSignal.timeout(30_000) });
        await res.arrayBuffer();
        return String(res.status);
      } catch {
        return "error";
      }
    }),
  );
  for (const s of results) statuses[s] = (statuses[s] ?? 0) + 1;
  return { ok: results.filter((s) => s.startsWith("2")).length, statuses };
}

/** `total` GETs of `urls` (cycled), at most `concurrency` in flight. */
export async function drive(urls: readonly string[], total: number, concurrency: number): Promise<number> {
  let started = 0;
  let ok = 0;
  const worker = async () => {
    while (started < total) {
      const url = urls[started++ % urls.length] ?? "";
      try {
        const res = await fetch(url, { signal: AbortSignal.timeout(30_000) });
        await res.arrayBuffer();
        if (res.ok) ok++;
      } catch {
        // counted as not ok
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, total) }, worker));
  return ok;
}
