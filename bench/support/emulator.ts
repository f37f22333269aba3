import type { ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { request } from "node:https";

import type { BulkOptions } from "../../emulator/server";
import { sleep, spawnTs } from "./child";
import type { StatsSnapshot } from "../../emulator/stats";

/**
 * The emulator as the benchmark sees it: started in its own process (test mode, loopback),
 * with a small client for its control API (stats, token lifetime, revocation) over HTTPS
 * trusting its own certificate.
 */
/** The emulator's request counters (GET /_emulator/stats). */
export type EmulatorStats = StatsSnapshot;

export const STATUS_ROUTE = "GET /api/publishers/{p}/offers/{o}/status";
export const LIST_ROUTE = "GET /api/publishers/{p}/offers";
export const API_VERSION = "2017-10-31";
export const CPP_SCOPE = "https://cloudpartner.azure.com/.default";

export interface EmulatorCredentials {
  tenantId: string;
  clientId: string;
  clientSecret: string;
}

interface ReadyLine {
  event: "ready";
  url: string;
  port: number;
  caFile: string;
  credentials: EmulatorCredentials;
}

export interface HttpsResult {
  status: number;
  text: string;
}

/** One HTTPS request that trusts the given CA (Node's fetch only reads NODE_EXTRA_CA_CERTS at start-up). */
export function httpsRequest(
  url: string,
  ca: string,
  init: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<HttpsResult> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: init.method ?? "GET", headers: init.headers, ca, timeout: 30_000 }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (text += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, text }));
      res.on("error", reject);
    });
    req.on("timeout", () => req.destroy(new Error(`timeout: ${url}`)));
    req.on("error", reject);
    req.end(init.body);
  });
}

/**
 * The emulator's control API (test mode) over HTTPS: what a figure, or a child runner that
 * only knows the emulator's URL and CA, uses to count requests and move the clock.
 */
export class EmulatorControl {
  constructor(
    readonly url: string,
    readonly ca: string,
  ) {}

  private async control<T>(method: string, route: string, body?: unknown): Promise<T> {
    const res = await httpsRequest(`${this.url}/_emulator/${route}`, this.ca, {
      method,
      headers: body === undefined ? {} : { "Content-Type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (res.status >= 300) throw new Error(`emulator ${method} /_emulator/${route} → ${res.status}: ${res.text}`);
    return (res.text ? JSON.parse(res.text) : undefined) as T;
  }

  stats(): Promise<EmulatorStats> {
    return this.control("GET", "stats");
  }

  async resetStats(): Promise<void> {
    await this.control("POST", "stats/reset");
  }

  async setTokenLifetime(seconds: number): Promise<void> {
    await this.control("PUT", "config", { tokenLifetimeSeconds: seconds });
  }

  async revokeTokens(): Promise<void> {
    await this.control("POST", "tokens/revoke");
  }

  async clearFaults(): Promise<void> {
    await this.control("DELETE", "faults");
  }

  /** Moves the simulated clock that drives offer progress; answers its new time (ms). */
  async advanceClock(ms: number): Promise<number> {
    const { now } = await this.control<{ now: string }>("POST", "clock", { advanceMs: ms });
    return Date.parse(now);
  }
}

export class BenchEmulator extends EmulatorControl {
  private constructor(
    private readonly child: ChildProcess,
    url: string,
    readonly port: number,
    readonly caFile: string,
    readonly credentials: EmulatorCredentials,
  ) {
    super(url, readFileSync(caFile, "utf8"));
  }

  static async start(options: {
    port: number;
    bulk: BulkOptions;
    tokenLifetimeSeconds?: number;
  }): Promise<BenchEmulator> {
    const child = spawnTs("bench/support/emulator-process.ts", process.env, {
      port: options.port,
      bulk: options.bulk,
      tokenLifetimeSeconds: options.tokenLifetimeSeconds ?? 3600,
    });
    let stderr = "";
    child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const ready = await new Promise<ReadyLine>((resolve, reject) => {
      let buffer = "";
      const timer = setTimeout(() => reject(new Error("the emulator did not start within 60 s")), 60_000);
      child.stdout?.on("data", (chunk: Buffer) => {
        buffer += chunk.toString();
        for (const line of buffer.split("\n")) {
          if (!line.startsWith("{")) continue;
          try {
            const parsed = JSON.parse(line) as Partial<ReadyLine>;
            if (parsed.event === "ready") {
              clearTimeout(timer);
              resolve(parsed as ReadyLine);
              return;
            }
          } catch {
            // a partial line: wait for the rest
          }
        }
      });
      child.on("exit", (code) => {
        clearTimeout(timer);
        reject(new Error(`the emulator exited with ${code}: ${stderr.trim().slice(-500)}`));
      });
    });
    return new BenchEmulator(child, ready.url, ready.port, ready.caFile, ready.credentials);
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  /** A bearer token straight from the token endpoint (client credentials), for direct calls. */
  async token(): Promise<string> {
    const { tenantId, clientId, clientSecret } = this.credentials;
    const res = await httpsRequest(`${this.url}/${tenantId}/oauth2/v2.0/token`, this.ca, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        grant_type: "client_credentials",
        client_id: clientId,
        client_secret: clientSecret,
        scope: CPP_SCOPE,
      }).toString(),
    });
    if (res.status !== 200) throw new Error(`token endpoint → ${res.status}: ${res.text}`);
    return (JSON.parse(res.text) as { access_token: string }).access_token;
  }

  /** Upstream status reads of one offer, from the stats. */
  static statusReads(stats: EmulatorStats, publisherId: string, offerId: string): number {
    return stats.byOffer[`${publisherId}/${offerId}`]?.status ?? 0;
  }

  async close(): Promise<void> {
    if (this.child.exitCode !== null) return;
    this.child.kill("SIGTERM");
    const exited = new Promise<void>((resolve) => this.child.once("exit", () => resolve()));
    await Promise.race([exited, sleep(5_000).then(() => void this.child.kill("SIGKILL"))]);
  }
}
