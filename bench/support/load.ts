import { Agent, get } from "node:http";

import { sleep } from "./child";

/**
 * Small load shapes driven from the orchestrator: polling viewers and one-shot bursts, over
 * node:http with an agent of their own. Each load starts with fresh connections (no socket
 * left idle by an earlier figure, which the server may be closing) and nothing is retried
 * behind our back, so every request counted here was sent once.
 */
export type Headers = Record<string, string>;

export function httpGet(url: string, agent: Agent, timeoutMs = 30_000, headers: Headers = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = get(url, { agent, timeout: timeoutMs, headers }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode ?? 0));
      res.on("error", reject);
    });
    req.on("timeout", () => req.destroy(new Error(`timeout: ${url}`)));
    req.on("error", reject);
  });
}

async function withAgent<T>(run: (agent: Agent) => Promise<T>): Promise<T> {
  const agent = new Agent({ keepAlive: true, maxSockets: Number.POSITIVE_INFINITY });
  try {
    return await run(agent);
  } finally {
    agent.destroy();
  }
}

const isOk = (status: number) => status >= 200 && status < 300;

/** One GET on a fresh connection; resolves with the status. */
export function getOnce(url: string, timeoutMs = 30_000, headers: Headers = {}): Promise<number> {
  return withAgent((agent) => httpGet(url, agent, timeoutMs, headers));
}

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
  /** First poll sent → last answer received: the time the load actually covered. */
  spanMs: number;
}

/**
 * `viewers` browsers polling one URL every `intervalMs` for `durationMs`, spread evenly over
 * the interval as real viewers would be. Bounded: every loop ends by itself.
 */
export async function pollingViewers(options: {
  /** One URL, or several: viewer i polls the (i mod n)-th (viewers spread over instances). */
  url: string | readonly string[];
  viewers: number;
  intervalMs: number;
  durationMs: number;
  headers?: Headers;
}): Promise<ViewerLoad> {
  const { viewers, intervalMs, durationMs, headers = {} } = options;
  const urls = typeof options.url === "string" ? [options.url] : options.url;
  const start = performance.now() + 50;
  const end = start + durationMs;
  const latencies: number[] = [];
  let ok = 0;
  let latePolls = 0;
  let firstSent = Number.POSITIVE_INFINITY;
  let lastAnswered = 0;

  const viewer = async (agent: Agent, index: number) => {
    const url = urls[index % urls.length] ?? "";
    let due = start + (index / viewers) * intervalMs;
    while (due < end) {
      const wait = due - performance.now();
      if (wait > 0) await sleep(wait);
      else if (wait < -50) latePolls++;
      const t0 = performance.now();
      firstSent = Math.min(firstSent, t0);
      try {
        if (isOk(await httpGet(url, agent, 30_000, headers))) ok++;
      } catch {
        // counted as not ok
      }
      const t1 = performance.now();
      lastAnswered = Math.max(lastAnswered, t1);
      latencies.push(t1 - t0);
      due += intervalMs;
    }
  };
  await withAgent((agent) => Promise.all(Array.from({ length: viewers }, (_, i) => viewer(agent, i))));
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    ok,
    latencyP50Ms: percentile(latencies, 50),
    latencyP99Ms: percentile(latencies, 99),
    latePolls,
    spanMs: Math.max(0, lastAnswered - firstSent),
  };
}

/** Requests all URLs at once; resolves with how many answered 2xx. */
export async function burst(
  urls: readonly string[],
  headers: Headers = {},
): Promise<{ ok: number; statuses: Record<string, number> }> {
  const statuses: Record<string, number> = {};
  const results = await withAgent((agent) =>
    Promise.all(urls.map((url) => httpGet(url, agent, 30_000, headers).then(String, () => "error"))),
  );
  for (const s of results) statuses[s] = (statuses[s] ?? 0) + 1;
  return { ok: results.filter((s) => s.startsWith("2")).length, statuses };
}

/** `total` GETs of `urls` (cycled), at most `concurrency` in flight. */
export async function drive(
  urls: readonly string[],
  total: number,
  concurrency: number,
  headers: Headers = {},
): Promise<number> {
  let started = 0;
  let ok = 0;
  const worker = async (agent: Agent) => {
    while (started < total) {
      const url = urls[started++ % urls.length] ?? "";
      try {
        if (isOk(await httpGet(url, agent, 30_000, headers))) ok++;
      } catch {
        // counted as not ok
      }
    }
  };
  await withAgent((agent) => Promise.all(Array.from({ length: Math.min(concurrency, total) }, () => worker(agent))));
  return ok;
}
