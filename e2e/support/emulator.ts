import { request, type APIRequestContext } from "@playwright/test";

import { EMULATOR_URL } from "./ports";
import type { StatsSnapshot } from "../../emulator/stats";

/**
 * The emulator's control API (test mode only): reset its data, move its clock, inject
 * faults, override an offer's status document and read request counts. The emulator's
 * certificate is self-signed; these control calls skip verification, the app does not.
 */
export interface FaultSpec {
  target: string;
  kind: "latency" | "status" | "malformed" | "reset" | "invalid_client";
  status?: number;
  retryAfter?: number;
  latencyMs?: number;
  times?: number;
  publisherId?: string;
  offerId?: string;
  /** Actions only: perform the action, then spoil its answer (late, lost, an error, unreadable). */
  afterAction?: boolean;
}

/** The emulator's request counters (GET /_emulator/stats). */
export type EmulatorStats = StatsSnapshot;

export class EmulatorControl {
  private constructor(private readonly api: APIRequestContext) {}

  /** The specs' emulator, or another one (the recorder stack's) by its URL. */
  static async connect(url: string = EMULATOR_URL): Promise<EmulatorControl> {
    return new EmulatorControl(await request.newContext({ baseURL: url, ignoreHTTPSErrors: true }));
  }

  private async call<T>(method: "GET" | "POST" | "PUT" | "DELETE", path: string, data?: unknown): Promise<T> {
    const res = await this.api.fetch(path, { method, data });
    if (!res.ok()) throw new Error(`emulator ${method} ${path} → ${res.status()}: ${await res.text()}`);
    const text = await res.text();
    return (text ? JSON.parse(text) : undefined) as T;
  }

  /** Fresh seeded data, clock at its start, no faults; `bulk` adds a large publisher until the next reset. */
  reset(options: { seed?: number; bulk?: { publisherId: string; offers: number; awaitingSignoff: number } } = {}) {
    return this.call<unknown>("POST", "/_emulator/reset", options);
  }
  advanceClock(ms: number) {
    return this.call<{ now: string }>("POST", "/_emulator/clock", { advanceMs: ms });
  }
  clock() {
    return this.call<{ now: string }>("GET", "/_emulator/clock");
  }
  addFault(fault: FaultSpec) {
    return this.call<{ id: string }>("POST", "/_emulator/faults", fault);
  }
  clearFaults() {
    return this.call<unknown>("DELETE", "/_emulator/faults");
  }
  stats() {
    return this.call<EmulatorStats>("GET", "/_emulator/stats");
  }
  resetStats() {
    return this.call<unknown>("POST", "/_emulator/stats/reset");
  }
  overrideStatus(publisherId: string, offerId: string, override: { body: unknown } | { raw: string }) {
    return this.call<unknown>(
      "PUT",
      `/_emulator/publishers/${publisherId}/offers/${offerId}/status-override`,
      override,
    );
  }
  clearStatusOverride(publisherId: string, offerId: string) {
    return this.call<unknown>("DELETE", `/_emulator/publishers/${publisherId}/offers/${offerId}/status-override`);
  }
  appendMessage(publisherId: string, offerId: string, message: { stepId: string; level: string; messageHtml: string }) {
    return this.call<unknown>("POST", `/_emulator/publishers/${publisherId}/offers/${offerId}/messages`, message);
  }
  issuedTokens() {
    return this.call<{ tokens: string[] }>("GET", "/_emulator/tokens");
  }
  async dispose(): Promise<void> {
    await this.api.dispose();
  }
}
