import "server-only";

import type { ServerEnv } from "@/lib/env";
import type { OfferDetail, OfferStatus, OfferSummary, OperationAccepted } from "@/lib/schemas/model";
import { isInFlight, needsStatusDocument } from "@/lib/schemas/vocabulary";

import { Coalescer, mapWithConcurrency, type Fetched } from "../coalescer";
import { ApiError, logServerError } from "../errors";
import type { TokenProvider } from "../token";
import { canonicalId, type Upstream } from "../upstream/provider";
import { createCppClient, type CppClient } from "./client";
import { reconcileStatus, toOfferDetail, toOfferStatus, toOfferSummary, toPublisher, withStatus } from "./normalize";
import { wireOfferListSchema, wireOfferSchema, wireOfferStatusSchema, wirePublisherListSchema } from "./wire";

/** The Cloud Partner Portal's adapter is one provider of the upstream seam. */
export type Cpp = Upstream;

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

export { canonicalId };

export function createCpp(
  env: ServerEnv,
  tokens: TokenProvider,
  client: CppClient = createCppClient(env, tokens),
): Cpp {
  const cache = new Coalescer({ enabled: env.CACHE_COALESCE });
  const key = (kind: string, publisherId: string, offerId?: string) =>
    `${kind}:${canonicalId(publisherId)}${offerId === undefined ? "" : `/${canonicalId(offerId)}`}`;

  /** The status document as the upstream gives it (shared by every spelling of the ids). */
  const readStatusDocument = (publisherId: string, offerId: string) =>
    cache.get(key("status", publisherId, offerId), env.CACHE_TTL_STATUS_MS, async () => {
      const res = await client.request({
        path: `${offerPath(publisherId, offerId)}/status`,
        schema: wireOfferStatusSchema,
        subject: `status of offer '${offerId}'`,
        publisherId,
      });
      return toOfferStatus(publisherId, offerId, res.body);
    });

  const getOffer = (publisherId: string, offerId: string) =>
    cache.get(key("offer", publisherId, offerId), env.CACHE_TTL_LIST_MS, async () => {
      const res = await client.request({
        path: offerPath(publisherId, offerId),
        schema: wireOfferSchema,
        subject: `offer '${offerId}'`,
        publisherId,
      });
      return toOfferDetail(publisherId, res.body);
    });

  /**
   * The Status tab's document with the offer's one indicator: when the document shows no run
   * in flight, the offer's own status joins it (a delisted offer's last run "succeeded").
   */
  async function getOfferStatus(publisherId: string, offerId: string): Promise<Fetched<OfferStatus>> {
    const document = await readStatusDocument(publisherId, offerId);
    let offerStatus: OfferDetail["status"] | null = null;
    if (!isInFlight(document.value.status.value)) {
      try {
        offerStatus = (await getOffer(publisherId, offerId)).value.status;
      } catch (error) {
        // The document alone still says something true about the last run.
        logServerError(error, { publisherId, offerId, during: "status reconciliation" });
      }
    }
    const value = reconcileStatus({ ...document.value, publisherId, offerId }, offerStatus);
    return { value, fetchedAt: document.fetchedAt };
  }

  /**
   * The list with the current step of each offer in flight or failed, shared as a whole for
   * the list TTL. For a large publisher it costs hundreds of status reads (bench: 950 at 5,000
   * offers); kept per offer only, those expire after the status TTL, often before the reads
   * of one list are even done, so every viewer's poll paid them again and waited for them.
   * A list with a status that could not be read is not shared: the next poll retries it.
   */
  const listOffers = (publisherId: string): Promise<Fetched<OfferSummary[]>> =>
    cache
      .get(
        key("offers", publisherId),
        env.CACHE_TTL_LIST_MS,
        () => loadOffers(publisherId),
        (list) => list.value.every((o) => o.statusError === null),
      )
      .then((shared) => shared.value);

  const listOfferEntries = (publisherId: string): Promise<Fetched<OfferSummary[]>> =>
    cache.get(key("entries", publisherId), env.CACHE_TTL_LIST_MS, async () => {
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
    // One server-side status read per offer in flight or failed (shared with Status tab
    // viewers), so the browser makes one request for the whole table.
    const value = await mapWithConcurrency(summaries, env.STATUS_FETCH_CONCURRENCY, async (summary) => {
      if (!needsStatusDocument(summary.status.value)) return summary;
      try {
        const status = await readStatusDocument(publisherId, summary.id);
        fetchedAt = Math.min(fetchedAt, status.fetchedAt);
        return withStatus(summary, status.value);
      } catch (error) {
        // One unreadable status must not cost the whole list: the row says so instead, with
        // our code only (the message, which may name the upstream, stays in the log).
        logServerError(error, { publisherId, offerId: summary.id, during: "list status fill-in" });
        return { ...summary, statusError: error instanceof ApiError ? error.code : "internal" };
      }
    });
    return { value, fetchedAt };
  }

  function invalidateOffer(publisherId: string, offerId: string): void {
    cache.invalidate(key("status", publisherId, offerId));
    cache.invalidate(key("offers", publisherId));
    cache.invalidate(key("entries", publisherId));
    cache.invalidate(key("offer", publisherId, offerId));
  }

  async function act(
    action: OperationAccepted["action"],
    publisherId: string,
    offerId: string,
  ): Promise<OperationAccepted> {
    try {
      const res = await client.request<string | undefined>({
        method: "POST",
        path: `${offerPath(publisherId, offerId)}/${action}`,
        subject: `${action === "golive" ? "Go live" : "Cancel publish"} of offer '${offerId}'`,
        publisherId,
        readBody: true,
      });
      const operation = operationFrom(res.headers, env.CPP_API_BASE_URL);
      // Accepted means the upstream said so readably: a status we know, where to track it, and
      // no body we cannot read. Anything less was sent, but its outcome is unknown.
      const readable =
        (res.status === 200 || res.status === 202) &&
        operation.operationPath !== null &&
        (res.body === undefined || res.body.trim() === "" || isJson(res.body));
      return { action, upstreamStatus: res.status, outcome: readable ? "accepted" : "unknown", ...operation };
    } finally {
      // Whatever happened, the next read should see the upstream's word, not our cache.
      invalidateOffer(publisherId, offerId);
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
    getOffer,
    getOfferStatus,
    readStatusDocument,
    invalidateOffer,
    goLive: (p, o) => act("golive", p, o),
    cancel: (p, o) => act("cancel", p, o),
  };
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
