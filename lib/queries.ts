import { queryOptions, type Query } from "@tanstack/react-query";

import { ApiError, fetchJson } from "@/lib/api-client";
import type { PollingConfig } from "@/lib/env";
import type {
  ApiResponse,
  OfferDetail,
  OfferStatus,
  OfferSummary,
  OperationAccepted,
  Publisher,
} from "@/lib/schemas/model";
import type { ActivityEntry, AttentionItem, OfferHistory, PublisherVisit } from "@/lib/schemas/history";
import type { Watches } from "@/lib/schemas/inbox";
import type { DeliveryLog, Inbox } from "@/lib/schemas/notifications";
import { TERMINAL_INDICATORS } from "@/lib/schemas/vocabulary";

/**
 * Query keys and options in one place. Polling follows the data: fast while a step runs,
 * slow while a person must act, none once terminal; backs off on 429/5xx and stops on
 * 401/403 (a tight loop there helps nobody). Hidden tabs never poll (the provider's default).
 */

const enc = encodeURIComponent;
const MAX_BACKOFF_MS = 10 * 60_000;

export const queryKeys = {
  publishers: () => ["publishers"] as const,
  offers: (publisherId: string) => ["publishers", publisherId, "offers"] as const,
  offer: (publisherId: string, offerId: string) => ["publishers", publisherId, "offers", offerId] as const,
  offerStatus: (publisherId: string, offerId: string) =>
    ["publishers", publisherId, "offers", offerId, "status"] as const,
  offerHistory: (publisherId: string, offerId: string) =>
    ["publishers", publisherId, "offers", offerId, "history"] as const,
  activity: (search: string) => ["activity", search] as const,
  attention: () => ["attention"] as const,
  // Not under "publishers": a live event about the publisher's offers is no new visit.
  visit: (publisherId: string) => ["visit", publisherId] as const,
  // Not under "publishers" either: the live stream refreshes these only when it says so.
  inbox: () => ["inbox"] as const,
  watches: () => ["watches"] as const,
  deliveries: () => ["deliveries"] as const,
};

/**
 * "Refresh now": the next fetch of these queries asks the server to read the upstream rather
 * than its record (`?refresh=1`, still coalesced there).
 */
type Refreshable = "offers" | "status";
const refreshRequested = new Set<Refreshable>();

export function requestRefresh(kind: Refreshable): void {
  refreshRequested.add(kind);
}

function withRefresh(path: string, kind: Refreshable): string {
  if (!refreshRequested.delete(kind)) return path;
  return `${path}${path.includes("?") ? "&" : "?"}refresh=1`;
}

/** While the live stream (/api/events) is healthy, polling is only the fallback: it slows down. */
let streamHealthy = false;
const STREAM_SLOWDOWN = 4;

export function setStreamHealthy(healthy: boolean): void {
  streamHealthy = healthy;
}

const paced = (ms: number | false): number | false => (ms === false || !streamHealthy ? ms : ms * STREAM_SLOWDOWN);

/** Retries in the query itself stay small: the next poll is the real retry. */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (error instanceof ApiError)
    return failureCount < 1 && (error.status === 0 || error.status >= 500) && error.status !== 503;
  return failureCount < 1;
}

/** After Go live / Cancel: poll fast for a while so the change shows up promptly. */
const bursts = new Map<string, number>();
const BURST_DURATION_MS = 2 * 60_000;

export function startBurst(queryKey: readonly unknown[]): void {
  bursts.set(JSON.stringify(queryKey), Date.now() + BURST_DURATION_MS);
}

function inBurst(queryKey: readonly unknown[]): boolean {
  const until = bursts.get(JSON.stringify(queryKey));
  return until !== undefined && until > Date.now();
}

/** Whether polling has stopped for good on this error (the user must fix something). */
export function isFatal(error: unknown): boolean {
  return error instanceof ApiError && (error.status === 401 || error.status === 403);
}

type AnyQuery = Query<ApiResponse<unknown>, Error, ApiResponse<unknown>, readonly unknown[]>;

/** The interval after an error: exponential from the base, at least the server's Retry-After. */
function errorInterval(query: AnyQuery, base: number): number | false {
  const error = query.state.error;
  if (isFatal(error)) return false;
  const failures = Math.max(1, query.state.fetchFailureCount);
  const backoff = Math.min(MAX_BACKOFF_MS, base * 2 ** (failures - 1));
  const retryAfterMs = error instanceof ApiError && error.retryAfterSeconds ? error.retryAfterSeconds * 1000 : 0;
  return Math.max(backoff, retryAfterMs);
}

export function statusInterval(polling: PollingConfig) {
  return (
    query: Query<ApiResponse<OfferStatus>, Error, ApiResponse<OfferStatus>, readonly unknown[]>,
  ): number | false => {
    if (query.state.status === "error") return errorInterval(query as unknown as AnyQuery, polling.activeMs);
    if (inBurst(query.queryKey)) return polling.burstMs;
    const status = query.state.data?.data;
    if (!status) return polling.activeMs;
    if (status.indicator === "awaitingSignoff") return paced(polling.waitingMs);
    if (TERMINAL_INDICATORS.has(status.indicator)) return false;
    return paced(polling.activeMs);
  };
}

export function listInterval(polling: PollingConfig) {
  return (
    query: Query<ApiResponse<OfferSummary[]>, Error, ApiResponse<OfferSummary[]>, readonly unknown[]>,
  ): number | false => {
    if (query.state.status === "error") return errorInterval(query as unknown as AnyQuery, polling.listMs);
    if (inBurst(query.queryKey)) return polling.burstMs;
    const offers = query.state.data?.data;
    if (!offers) return polling.listMs;
    const moving = offers.some((o) => o.indicator === "publishing");
    const waiting = offers.some((o) => o.indicator === "awaitingSignoff");
    return paced(moving ? polling.listMs : waiting ? Math.max(polling.listMs, polling.waitingMs) : polling.idleMs);
  };
}

export const queries = {
  publishers: () =>
    queryOptions({
      queryKey: queryKeys.publishers(),
      queryFn: ({ signal }) => fetchJson<Publisher[]>("/api/publishers", { signal }),
      staleTime: 5 * 60_000,
    }),
  offers: (publisherId: string, polling: PollingConfig) =>
    queryOptions({
      queryKey: queryKeys.offers(publisherId),
      queryFn: ({ signal }) =>
        fetchJson<OfferSummary[]>(withRefresh(`/api/publishers/${enc(publisherId)}/offers`, "offers"), { signal }),
      refetchInterval: listInterval(polling),
    }),
  offer: (publisherId: string, offerId: string) =>
    queryOptions({
      queryKey: queryKeys.offer(publisherId, offerId),
      queryFn: ({ signal }) =>
        fetchJson<OfferDetail>(`/api/publishers/${enc(publisherId)}/offers/${enc(offerId)}`, { signal }),
      staleTime: 60_000,
    }),
  offerStatus: (publisherId: string, offerId: string, polling: PollingConfig) =>
    queryOptions({
      queryKey: queryKeys.offerStatus(publisherId, offerId),
      queryFn: ({ signal }) =>
        fetchJson<OfferStatus>(
          withRefresh(`/api/publishers/${enc(publisherId)}/offers/${enc(offerId)}/status`, "status"),
          { signal },
        ),
      refetchInterval: statusInterval(polling),
    }),
  /** The recorder's view; kept current by /api/events, with slow polling as the fallback. */
  offerHistory: (publisherId: string, offerId: string, polling: PollingConfig) =>
    queryOptions({
      queryKey: queryKeys.offerHistory(publisherId, offerId),
      queryFn: ({ signal }) =>
        fetchJson<OfferHistory>(`/api/publishers/${enc(publisherId)}/offers/${enc(offerId)}/history`, { signal }),
      refetchInterval: (query) => (query.state.status === "error" ? polling.idleMs : paced(polling.listMs)),
    }),
  activity: (search: string, polling: PollingConfig) =>
    queryOptions({
      queryKey: queryKeys.activity(search),
      queryFn: ({ signal }) => fetchJson<ActivityEntry[]>(`/api/activity${search ? `?${search}` : ""}`, { signal }),
      refetchInterval: () => paced(polling.listMs),
    }),
  /**
   * This user's visit to All offers, recorded by the server, with what changed since their last
   * one; renewed at the list's pace so changes during the visit are marked too. Never retried
   * (the marks are a nicety: without a store there are none).
   */
  visit: (publisherId: string, polling: PollingConfig) =>
    queryOptions({
      queryKey: queryKeys.visit(publisherId),
      queryFn: ({ signal }) =>
        fetchJson<PublisherVisit>(`/api/publishers/${enc(publisherId)}/visit`, { method: "POST", signal }),
      retry: false,
      refetchInterval: (query) => (query.state.status === "error" ? false : paced(polling.listMs)),
    }),
  attention: (polling: PollingConfig) =>
    queryOptions({
      queryKey: queryKeys.attention(),
      queryFn: ({ signal }) => fetchJson<AttentionItem[]>("/api/attention", { signal }),
      refetchInterval: () => paced(polling.listMs),
    }),
  /**
   * The bell: refreshed at once when the live stream says a change produced notifications,
   * polled slowly as the fallback (and slower still while the stream is healthy).
   */
  inbox: (polling: PollingConfig) =>
    queryOptions({
      queryKey: queryKeys.inbox(),
      queryFn: ({ signal }) => fetchJson<Inbox>("/api/inbox", { signal }),
      refetchInterval: (query) =>
        query.state.status === "error"
          ? errorInterval(query as unknown as AnyQuery, polling.idleMs)
          : paced(polling.listMs),
    }),
  watches: () =>
    queryOptions({
      queryKey: queryKeys.watches(),
      queryFn: ({ signal }) => fetchJson<Watches>("/api/watches", { signal }),
      staleTime: 60_000,
      retry: false,
    }),
  deliveries: (polling: PollingConfig) =>
    queryOptions({
      queryKey: queryKeys.deliveries(),
      queryFn: ({ signal }) => fetchJson<DeliveryLog>("/api/deliveries?limit=200", { signal }),
      refetchInterval: () => paced(polling.listMs),
    }),
};

/** Marks inbox events read (some, or all that are visible now); answers the inbox as it now is. */
export function postMarkRead(body: { ids: string[] } | { all: true }) {
  return fetchJson<Inbox>("/api/inbox/read", { method: "POST", body });
}

/** Watches (or stops watching) a publisher, or one of its offers; answers the user's watches. */
export function putWatch(on: boolean, publisherId: string, offerId: string | null) {
  const base = `/api/publishers/${enc(publisherId)}`;
  return fetchJson<Watches>(`${base}${offerId === null ? "" : `/offers/${enc(offerId)}`}/watch`, {
    method: on ? "PUT" : "DELETE",
  });
}

/** An approver takes (or stops taking) every publisher's sign-off events. */
export function putSignoffEverywhere(on: boolean) {
  return fetchJson<Watches>("/api/watches/signoff", { method: "PUT", body: { on } });
}

export type OfferAction = "golive" | "cancel";

/** What the person confirmed with the action: Go live with open errors names how many they read. */
export interface OfferActionBody {
  acknowledgedErrors?: number;
}

/** Go live / Cancel publish; the caller starts a polling burst on success. */
export function postOfferAction(publisherId: string, offerId: string, action: OfferAction, body?: OfferActionBody) {
  return fetchJson<OperationAccepted>(`/api/publishers/${enc(publisherId)}/offers/${enc(offerId)}/${action}`, {
    method: "POST",
    ...(body ? { body } : {}),
  });
}
