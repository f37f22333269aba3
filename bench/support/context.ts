import type { BenchApp } from "./app";
import type { BenchEmulator } from "./emulator";
import type { BenchSession } from "./session";
import type { Row } from "./table";

/** What every figure gets from the orchestrator. */
export interface BenchContext {
  emulator: BenchEmulator;
  /** The dashboard as shipped: coalescing and cache on, default TTLs. */
  cached: BenchApp;
  /** The baseline instance: CACHE_COALESCE=false, every read goes upstream. */
  uncached: BenchApp;
  /** Shorter durations for a quick look (`--quick`). */
  quick: boolean;
  /** The TTLs the cached instance runs with. */
  statusTtlMs: number;
  listTtlMs: number;
  chromiumPath: string | undefined;
  /** A signed-in viewer's cookie, valid on both instances (they share SESSION_SECRET). */
  session: BenchSession;
  /** Request headers of a signed-in viewer. */
  auth: Record<string, string>;
  log(line: string): void;
}

/** A figure's printed rows and its raw numbers for bench/results/latest.json. */
export interface FigureResult {
  rows: Row[];
  data: unknown;
}

/** Offers of the benchmark's data (emulator seed 42). */
export const WATCHED_OFFER = { publisherId: "contoso", offerId: "contoso-vm-certifying" } as const;
export const BULK_PUBLISHER = "bulk";
export const BULK_OFFERS = 5000;
export const BULK_AWAITING = 500;

export function bulkOfferId(n: number): string {
  return `${BULK_PUBLISHER}-offer-${String(n).padStart(5, "0")}`;
}

export function statusPath(publisherId: string, offerId: string): string {
  return `/api/publishers/${publisherId}/offers/${offerId}/status`;
}
