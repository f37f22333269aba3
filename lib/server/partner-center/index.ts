import "server-only";

import type { z } from "zod";

import type { ServerEnv } from "@/lib/env";
import type { OfferDetail, OfferStatus, OfferSummary, OperationAccepted } from "@/lib/schemas/model";

import { Coalescer, mapWithConcurrency, type Fetched } from "../coalescer";
import { ApiError, logServerError } from "../errors";
import type { TokenProvider } from "../token";
import type { UpstreamClient } from "../upstream/http-client";
import { canonicalId, type Upstream } from "../upstream/provider";
import { createPartnerCenterClient } from "./client";
import {
  fromResourceTree,
  partnerCenterUrl,
  productGuidOf,
  toJob,
  toOfferStatus,
  toOfferSummary,
  toOfferTypeId,
  toSubmission,
  type Job,
  type Submission,
} from "./normalize";
import {
  wireJobSchema,
  wireProductPageSchema,
  wireResourceTreeSchema,
  wireSubmissionPageSchema,
  type WireProduct,
} from "./wire";

/** Pages followed at most: a `@nextLink` that never ends must not keep a request going. */
const MAX_PAGES = 200;
const SCHEMA = "https://schema.mp.microsoft.com/schema";

export interface PartnerCenterOptions {
  /**
   * The configure job of the offer's last accepted Go live, as recorded (the audit), for the
   * jobs this process did not start itself: another instance's, or one from before a restart.
   */
  recordedJob?: (offerId: string) => Promise<string | null>;
}

/**
 * The upstream seam played by Partner Center's Product Ingestion API. One publisher: the seller
 * account the app registration belongs to (the API names none; PARTNER_CENTER_SELLER_*). The
 * offers are its products by external id; their status is derived from their submissions and
 * from the configure jobs the dashboard started (the API lists no jobs, so a job started
 * elsewhere is not seen: Cancel is then not offered, and says why).
 */
export function createPartnerCenter(
  env: ServerEnv,
  tokens: TokenProvider,
  client: UpstreamClient = createPartnerCenterClient(env, tokens),
  options: PartnerCenterOptions = {},
): Upstream {
  const cache = new Coalescer({ enabled: env.CACHE_COALESCE });
  const sellerId = env.PARTNER_CENTER_SELLER_ID;
  const basePath = new URL(env.PARTNER_CENTER_API_BASE_URL).pathname.replace(/\/+$/, "");
  /** The newest configure job started here per offer, with its last status. */
  const jobs = new Map<string, Job>();
  /** External id → product guid, learned from every list and lookup (a product keeps its guid). */
  const guids = new Map<string, string>();
  const key = (kind: string, offerId?: string) =>
    `${kind}:${canonicalId(sellerId)}${offerId === undefined ? "" : `/${canonicalId(offerId)}`}`;

  function checkSeller(publisherId: string): void {
    if (canonicalId(publisherId) !== canonicalId(sellerId)) {
      throw new ApiError(
        404,
        "not_found",
        `Partner Center has one publisher here, the seller account '${sellerId}'; there is no publisher '${publisherId}'.`,
      );
    }
  }

  async function readAll<T>(
    path: string,
    schema: z.ZodType<{ value: T[]; "@nextLink": string | null }>,
    subject: string,
    query: Record<string, string> = {},
  ): Promise<T[]> {
    const items: T[] = [];
    let next: string | null = path;
    for (let page = 0; next !== null; page++) {
      if (page === MAX_PAGES)
        throw new ApiError(
          502,
          "upstream_contract",
          `Partner Center's ${subject} did not end after ${MAX_PAGES} pages.`,
        );
      // Annotated: `next` comes from it, and TypeScript would otherwise type it from itself.
      const res: { body: { value: T[]; "@nextLink": string | null } } = await client.request({
        path: next,
        schema,
        subject,
        query: page === 0 ? query : {},
        publisherId: sellerId,
      });
      items.push(...res.body.value);
      next = res.body["@nextLink"];
    }
    return items;
  }

  const listProducts = () => readAll<WireProduct>("product", wireProductPageSchema, "products");

  async function findProduct(offerId: string): Promise<{ guid: string; product: WireProduct | null }> {
    const known = guids.get(canonicalId(offerId));
    if (known !== undefined) return { guid: known, product: null };
    const found = await readAll<WireProduct>("product", wireProductPageSchema, `offer '${offerId}'`, {
      externalId: offerId,
    });
    const product = found.find((p) => canonicalId(p.identity.externalId ?? "") === canonicalId(offerId));
    if (!product) throw new ApiError(404, "not_found", `Partner Center has no offer '${offerId}'.`);
    const guid = productGuidOf(product.id);
    guids.set(canonicalId(offerId), guid);
    return { guid, product };
  }

  const readSubmissions = async (guid: string, offerId: string): Promise<Submission[]> =>
    (
      await readAll(
        `submission/${encodeURIComponent(guid)}`,
        wireSubmissionPageSchema,
        `submissions of offer '${offerId}'`,
      )
    ).map(toSubmission);

  /** Recorded job ids already looked up (found or not), so each is asked about once. */
  const triedRecorded = new Set<string>();

  /** The recorded job of an offer this process knows no job of, if there is one. */
  async function recordedJobId(offerId: string): Promise<string | null> {
    if (!options.recordedJob) return null;
    let id: string | null;
    try {
      id = await options.recordedJob(offerId);
    } catch (error) {
      // Without the record the offer still reads; only a job started elsewhere goes unseen.
      logServerError(error, { offerId, during: "recorded configure job" });
      return null;
    }
    if (id === null || triedRecorded.has(id)) return null;
    triedRecorded.add(id);
    return id;
  }

  /** Our job of the offer, its status read again while it has not completed. */
  async function currentJob(offerId: string): Promise<Job | null> {
    const job = jobs.get(canonicalId(offerId));
    if (job !== undefined && job.status.value === "completed") return job;
    const jobId = job?.jobId ?? (await recordedJobId(offerId));
    if (jobId === null) return null;
    let res;
    try {
      res = await client.request({
        path: `configure/${encodeURIComponent(jobId)}/status`,
        schema: wireJobSchema,
        subject: `configure job of offer '${offerId}'`,
        publisherId: sellerId,
      });
    } catch (error) {
      // A recorded job Partner Center no longer knows is no job; any other failure is the read's.
      if (job === undefined && error instanceof ApiError && error.code === "not_found") return null;
      throw error;
    }
    const fresh = toJob(res.body);
    jobs.set(canonicalId(offerId), fresh);
    return fresh;
  }

  async function loadStatus(publisherId: string, offerId: string, guid: string): Promise<OfferStatus> {
    const [submissions, job] = await Promise.all([readSubmissions(guid, offerId), currentJob(offerId)]);
    return toOfferStatus({ publisherId, offerId, productGuid: guid, submissions, job });
  }

  const readStatusDocument = async (publisherId: string, offerId: string): Promise<Fetched<OfferStatus>> => {
    checkSeller(publisherId);
    const document = await cache.get(key("status", offerId), env.CACHE_TTL_STATUS_MS, async () =>
      loadStatus(publisherId, offerId, (await findProduct(offerId)).guid),
    );
    // Shared by every spelling of the ids; each caller gets the ones it asked for.
    return { value: { ...document.value, publisherId, offerId }, fetchedAt: document.fetchedAt };
  };

  async function loadOffers(publisherId: string): Promise<Fetched<OfferSummary[]>> {
    const listedAt = Date.now();
    const products = await listProducts();
    let fetchedAt = listedAt;
    const value = await mapWithConcurrency(products, env.STATUS_FETCH_CONCURRENCY, async (product) => {
      const guid = productGuidOf(product.id);
      const offerId = product.identity.externalId?.trim() || guid;
      guids.set(canonicalId(offerId), guid);
      try {
        const status = await readStatusDocument(publisherId, offerId);
        fetchedAt = Math.min(fetchedAt, status.fetchedAt);
        return toOfferSummary(product, sellerId, status.value);
      } catch (error) {
        // One unreadable product must not cost the whole list: the row says so instead.
        logServerError(error, { publisherId, offerId, during: "list status fill-in" });
        return {
          ...toOfferSummary(product, sellerId, null),
          statusError: error instanceof ApiError ? error.code : "internal",
        };
      }
    });
    return { value, fetchedAt };
  }

  /** The list with every product's derived status (the API has none without its submissions). */
  const listOffers = async (publisherId: string): Promise<Fetched<OfferSummary[]>> => {
    checkSeller(publisherId);
    return cache
      .get(
        key("offers"),
        env.CACHE_TTL_LIST_MS,
        () => loadOffers(publisherId),
        (list) => list.value.every((o) => o.statusError === null),
      )
      .then((shared) => shared.value);
  };

  const getOffer = async (publisherId: string, offerId: string): Promise<Fetched<OfferDetail>> => {
    checkSeller(publisherId);
    return cache.get(key("offer", offerId), env.CACHE_TTL_LIST_MS, async () => {
      const { guid, product: found } = await findProduct(offerId);
      const [tree, status] = await Promise.all([
        client.request({
          path: `resource-tree/product/${encodeURIComponent(guid)}`,
          query: { targetType: "draft" },
          schema: wireResourceTreeSchema,
          subject: `offer '${offerId}'`,
          publisherId: sellerId,
        }),
        readStatusDocument(publisherId, offerId),
      ]);
      const resources = tree.body.resources;
      const productResource = found ?? resources.find((r) => typeof r.id === "string" && /^product\//i.test(r.id));
      const alias = typeof productResource?.alias === "string" ? productResource.alias.trim() : "";
      const type = typeof productResource?.type === "string" ? productResource.type : null;
      const { title, summary, plans } = fromResourceTree(tree.body);
      return {
        id: offerId,
        publisherId: sellerId,
        name: alias || title || offerId,
        offerTypeId: toOfferTypeId(type),
        version: null,
        changedTime: null,
        status: status.value.status,
        title,
        summary,
        plans,
        partnerCenterUrl: partnerCenterUrl(guid),
      };
    });
  };

  function invalidateOffer(_publisherId: string, offerId: string): void {
    cache.invalidate(key("status", offerId));
    cache.invalidate(key("offers"));
    cache.invalidate(key("offer", offerId));
  }

  /** What a configure answer says: the job to track, when readable (the action was sent either way). */
  function accepted(action: OperationAccepted["action"], status: number, body: string | undefined) {
    let job: Job | null = null;
    try {
      const parsed = wireJobSchema.safeParse(JSON.parse(body ?? ""));
      if (parsed.success) job = toJob(parsed.data);
    } catch {
      job = null;
    }
    const readable = (status === 200 || status === 202) && job !== null;
    return {
      job,
      operation: {
        action,
        upstreamStatus: status,
        outcome: readable ? "accepted" : "unknown",
        operationPath: job === null ? null : `${basePath}/configure/${encodeURIComponent(job.jobId)}/status`,
        operationId: job?.jobId ?? null,
      } satisfies OperationAccepted,
    };
  }

  async function goLive(publisherId: string, offerId: string): Promise<OperationAccepted> {
    checkSeller(publisherId);
    try {
      const { guid } = await findProduct(offerId);
      const [submissions, job] = await Promise.all([readSubmissions(guid, offerId), currentJob(offerId)]);
      const status = toOfferStatus({ publisherId, offerId, productGuid: guid, submissions, job });
      const preview = submissions.filter((s) => s.target.value === "preview").at(-1);
      if (status.indicator !== "awaitingSignoff" || preview === undefined) {
        throw new ApiError(
          400,
          "upstream_bad_request",
          `Offer '${offerId}' is not waiting for publisher sign-off in Partner Center (no completed preview to take live).`,
          undefined,
          { args: { upstream: "partnerCenter" } },
        );
      }
      const res = await client.request<string | undefined>({
        method: "POST",
        path: "configure",
        body: {
          $schema: `${SCHEMA}/configure/${env.PARTNER_CENTER_API_VERSION}`,
          resources: [
            {
              $schema: `${SCHEMA}/submission/${env.PARTNER_CENTER_API_VERSION}`,
              id: preview.id,
              product: `product/${guid}`,
              target: { targetType: "live" },
            },
          ],
        },
        subject: `Go live of offer '${offerId}'`,
        publisherId: sellerId,
        readBody: true,
      });
      const answer = accepted("golive", res.status, res.body);
      if (answer.job !== null) jobs.set(canonicalId(offerId), answer.job);
      return answer.operation;
    } finally {
      invalidateOffer(publisherId, offerId);
    }
  }

  async function cancel(publisherId: string, offerId: string): Promise<OperationAccepted> {
    checkSeller(publisherId);
    try {
      const job = await currentJob(offerId);
      if (job === null || job.status.value === "completed") {
        throw new ApiError(
          409,
          "cancel_unavailable",
          `Cancel publish is not offered for '${offerId}': Partner Center cancels configure jobs only, and no job started from this dashboard is running for it. A publish started in Partner Center is canceled there.`,
        );
      }
      const res = await client.request<string | undefined>({
        method: "POST",
        path: `configure/${encodeURIComponent(job.jobId)}/cancel`,
        subject: `Cancel publish of offer '${offerId}'`,
        publisherId: sellerId,
        readBody: true,
      });
      const answer = accepted("cancel", res.status, res.body);
      if (answer.job !== null) jobs.set(canonicalId(offerId), answer.job);
      else jobs.set(canonicalId(offerId), { ...job, status: { value: "running", raw: "cancel requested" } });
      return answer.operation;
    } finally {
      invalidateOffer(publisherId, offerId);
    }
  }

  return {
    listPublishers: () =>
      cache.get("publishers", env.CACHE_TTL_LIST_MS, async () => [
        { id: sellerId, name: env.PARTNER_CENTER_SELLER_NAME },
      ]),
    listOffers,
    listOfferEntries: listOffers,
    getOffer,
    getOfferStatus: readStatusDocument,
    readStatusDocument,
    invalidateOffer,
    goLive,
    cancel,
  };
}
