import "server-only";

import type { ServerEnv } from "@/lib/env";
import type { OfferDetail, OfferStatus, OfferSummary, OperationAccepted, Publisher } from "@/lib/schemas/model";
import { isInFlight } from "@/lib/schemas/vocabulary";

import { Coalescer, mapWithConcurrency, type Fetched } from "../coalescer";
import { ApiError, logServerError } from "../errors";
import type { TokenProvider } from "../token";
import { createCppClient, type CppClient } from "./client";
import { toOfferDetail, toOfferStatus, toOfferSummary, toPublisher, withStatus } from "./normalize";
import { wireOfferListSchema, wireOfferSchema, wireOfferStatusSchema, wirePublisherListSchema } from "./wire";

/**
 * The one upstream adapter: every read and action the app makes against the Cloud Partner
 * Portal, returning the app's model with the time the upstream data was fetched. Reads go
 * through the coalescer; our own actions invalidate what they change.
 */
export interface Cpp {
  listPublishers(): Promise<Fetched<Publisher[]>>;
  listOffers(publisherId: string): Promise<Fetched<OfferSummary[]>>;
  /** The offer list as the upstream gives it, without status reads (the watcher's list). */
  listOfferEntries(publisherId: string): Promise<Fetched<OfferSummary[]>>;
  getOffer(publisherId: string, offerId: string): Promise<Fetched<OfferDetail>>;
  getOfferStatus(publisherId: string, offerId: string): Promise<Fetched<OfferStatus>>;
  goLive(publisherId: string, offerId: string): Promise<OperationAccepted>;
  cancel(publisherId: string, offerId: string): Promise<OperationAccepted>;
}

const enc = encodeURIComponent;
const offerPath = (p: string, o: string) => `api/publishers/${enc(p)}/offers/${enc(o)}`;

/** Reads the operation to track from Location or Operation-Location, relative or absolute. */
export function operationFrom(
  headers: Headers,
  base: string,
): Pick<OperationAccepted, "operationPath" | "operationId"> {
  const raw = headers.get("Location") ?? headers.get("Operation-Location");
  if (!raw) return { operationPath: null, operationId: null };
  let url: URL;
  try {
    url = new URL(raw, `${base}/`);
  } catch {
    return { operationPath: null, operationId: null };
  }
  const segments = url.pathname
    .split("/")
    .filter(Boolean)
    .map((s) => decodeURIComponent(s));
  const operationsAt = segments.lastIndexOf("operations");
  const operationId = operationsAt >= 0 ? (segments[operationsAt + 1] ?? null) : null;
  // Only the path: the upstream's host is not the browser's business.
  return { operationPath: url.pathname, operationId };
}

export function createCpp(
  env: ServerEnv,
  tokens: TokenProvider,
  client: CppClient = createCppClient(env, tokens),
): Cpp {
  const cache = new Coalescer({ enabled: env.CACHE_COALESCE });

  const getOfferStatus = (publisherId: string, offerId: string) =>
    cache.get(`status:${publisherId}/${offerId}`, env.CACHE_TTL_STATUS_MS, async () => {
      const res = await client.request({
        path: `${offerPath(publisherId, offerId)}/status`,
        schema: wireOfferStatusSchema,
        subject: `status of offer '${offerId}'`,
        publisherId,
      });
      return toOfferStatus(publisherId, offerId, res.body);
    });

  /**
   * The list with the current step of each offer in flight, shared as a whole for the list
   * TTL. For a large publisher it costs hundreds of status reads (bench: 950 at 5,000
   * offers); kept per offer only, those expire after the status TTL, often before the reads
   * of one list are even done, so every viewer's poll paid them again and waited for them.
   * A list with a status that could not be read is not shared: the next poll retries it.
   */
  const listOffers = (publisherId: string): Promise<Fetched<OfferSummary[]>> =>
    cache
      .get(
        `offers:${publisherId}`,
        env.CACHE_TTL_LIST_MS,
        () => loadOffers(publisherId),
        (list) => list.value.every((o) => o.statusError === null),
      )
      .then((shared) => shared.value);

  const listOfferEntries = (publisherId: string): Promise<Fetched<OfferSummary[]>> =>
    cache.get(`entries:${publisherId}`, env.CACHE_TTL_LIST_MS, async () => {
      const res = await client.request({
        path: `api/publishers/${enc(publisherId)}/offers`,
        schema: wireOfferListSchema,
        subject: `offers of publisher '${publisherId}'`,
        publisherId,
      });
      return res.body.map((o) => toOfferSummary(publisherId, o));
    });

  async function loadOffers(publisherId: string): Promise<Fetched<OfferSummary[]>> {
    const entries = await listOfferEntries(publisherId);
    let fetchedAt = entries.fetchedAt;
    const summaries = entries.value;
    // One server-side status read per offer in flight (shared with Status tab viewers), so
    // the browser makes one request for the whole table.
    const value = await mapWithConcurrency(summaries, env.STATUS_FETCH_CONCURRENCY, async (summary) => {
      if (!isInFlight(summary.status.value)) return summary;
      try {
        const status = await getOfferStatus(publisherId, summary.id);
        fetchedAt = Math.min(fetchedAt, status.fetchedAt);
        return withStatus(summary, status.value);
      } catch (error) {
        // One unreadable status must not cost the whole list: the row says so instead.
        logServerError(error, { publisherId, offerId: summary.id, during: "list status fill-in" });
        const message = error instanceof ApiError ? error.message : "The offer's status could not be read.";
        return { ...summary, statusError: message };
      }
    });
    return { value, fetchedAt };
  }

  async function act(
    action: OperationAccepted["action"],
    publisherId: string,
    offerId: string,
  ): Promise<OperationAccepted> {
    try {
      const res = await client.request({
        method: "POST",
        path: `${offerPath(publisherId, offerId)}/${action}`,
        subject: `${action === "golive" ? "Go live" : "Cancel publish"} of offer '${offerId}'`,
        publisherId,
      });
      return { action, upstreamStatus: res.status, ...operationFrom(res.headers, env.CPP_API_BASE_URL) };
    } finally {
      // Whatever happened, the next read should see the upstream's word, not our cache.
      cache.invalidate(`status:${publisherId}/${offerId}`);
      cache.invalidate(`offers:${publisherId}`);
      cache.invalidate(`entries:${publisherId}`);
      cache.invalidate(`offer:${publisherId}/${offerId}`);
    }
  }

  return {
    listPublishers: () =>
      cache.get("publishers", env.CACHE_TTL_LIST_MS, async () => {
        const res = await client.request({
          path: "api/publishers",
          schema: wirePublisherListSchema,
          subject: "publishers",
        });
        return res.body.map(toPublisher);
      }),
    listOffers,
    listOfferEntries,
    getOffer: (publisherId, offerId) =>
      cache.get(`offer:${publisherId}/${offerId}`, env.CACHE_TTL_LIST_MS, async () => {
        const res = await client.request({
          path: offerPath(publisherId, offerId),
          schema: wireOfferSchema,
          subject: `offer '${offerId}'`,
          publisherId,
        });
        return toOfferDetail(publisherId, res.body);
      }),
    getOfferStatus,
    goLive: (p, o) => act("golive", p, o),
    cancel: (p, o) => act("cancel", p, o),
  };
}
