/**
 * Child runner: one autocannon run with its programmatic API, in a process of its own so the
 * load generator never shares an event loop with what it measures. Input and output are JSON
 * (see child.ts). With `paths`, each request takes the next path of the list (round robin).
 */
import autocannon from "autocannon";

import { cpuTimeMs } from "./app";
import { readChildInput, writeChildResult } from "./child";

export interface CannonInput {
  url: string;
  connections: number;
  durationSeconds: number;
  /** Unmeasured run first (JIT, route compilation, connection set-up). */
  warmupSeconds?: number;
  headers?: Record<string, string>;
  /** Paths (with query) cycled across requests; `url` then gives only the origin. */
  paths?: string[];
  /** Processes whose CPU time is read around the measured run (not the warm-up). */
  cpuPids?: number[];
}

export interface CannonResult {
  requests: number;
  requestsPerSecond: number;
  latencyP50Ms: number;
  latencyP90Ms: number;
  latencyP99Ms: number;
  latencyMaxMs: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  bytesPerSecond: number;
  /** CPU ms each of `cpuPids` used during the measured run. */
  cpuMs: number[];
}

function options(input: CannonInput, durationSeconds: number): autocannon.Options {
  const paths = input.paths;
  let next = 0;
  return {
    url: input.url,
    connections: input.connections,
    duration: durationSeconds,
    headers: input.headers,
    timeout: 30,
    ...(paths && paths.length > 0
      ? {
          requests: [
            {
              setupRequest: (request) => {
                const path = paths[next++ % paths.length] ?? "/";
                return { ...request, path };
              },
            },
          ],
        }
      : {}),
  };
}

const input = readChildInput<CannonInput>();
if (input.warmupSeconds) await autocannon(options(input, input.warmupSeconds));
const pids = input.cpuPids ?? [];
const cpuBefore = pids.map(cpuTimeMs);
const result = await autocannon(options(input, input.durationSeconds));
const cpuMs = pids.map((pid, i) => cpuTimeMs(pid) - (cpuBefore[i] ?? 0));
const summary: CannonResult = {
  requests: result.requests.total,
  requestsPerSecond: result.requests.average,
  latencyP50Ms: result.latency.p50,
  latencyP90Ms: result.latency.p90,
  latencyP99Ms: result.latency.p99,
  latencyMaxMs: result.latency.max,
  non2xx: result.non2xx,
  errors: result.errors,
  timeouts: result.timeouts,
  bytesPerSecond: result.throughput.average,
  cpuMs,
};
writeChildResult(summary);
