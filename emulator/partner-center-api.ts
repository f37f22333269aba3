import type { IncomingMessage, ServerResponse } from "node:http";
import { apiFaultError, malformedBody, type RouteKind } from "./faults";
import {
  BodyError,
  bearerToken,
  isRecord,
  readJson,
  requestBaseUrl,
  send,
  sendJson,
  sleep,
  type ParsedUrl,
} from "./http";
import {
  PC_VERSION,
  SCHEMA,
  goLiveErrors,
  jobState,
  matchesTarget,
  renderJob,
  renderSubmission,
  submissionState,
  type PcDataset,
  type PcProduct,
} from "./partner-center-model";
import type { EmulatorState } from "./state";

/**
 * Partner Center's Product Ingestion API (Microsoft Graph, `$version=2022-03-01-preview2`)
 * under /rp/product-ingestion/: products, resource tree, plans, submissions, configure and its
 * jobs. Errors are `{ error: { code, message, details[] } }`; lists page with `@nextLink`.
 */

export const PC_PREFIX = ["rp", "product-ingestion"] as const;
/** The seller's key in the request statistics (`byOffer` is `<seller>/<externalId>`). */
export const PC_STATS_SELLER = "seller";
const DEFAULT_PAGE = 10;

interface PcRoute {
  kind: RouteKind;
  method: "GET" | "POST";
  template: string;
  productGuid?: string;
  jobId?: string;
}

type Found = Omit<PcRoute, "method"> & { method?: "POST" };

/** `s`: the decoded path segments after /rp/product-ingestion. */
function find(s: readonly string[]): Found | null {
  const [a, b, c] = s;
  if (a === "product" && s.length === 1) return { kind: "pc-products", template: "product" };
  if (a === "product" && b && s.length === 2) return { kind: "pc-product", template: "product/{id}", productGuid: b };
  if (a === "resource-tree" && b === "product" && c && s.length === 3)
    return { kind: "pc-resource-tree", template: "resource-tree/product/{id}", productGuid: c };
  if (a === "plan" && s.length === 1) return { kind: "pc-plans", template: "plan" };
  if (a === "submission" && b && s.length === 2)
    return { kind: "pc-submissions", template: "submission/{id}", productGuid: b };
  if (a !== "configure") return null;
  if (s.length === 1) return { kind: "pc-configure", template: "configure", method: "POST" };
  if (!b) return null;
  if (s.length === 2) return { kind: "pc-job", template: "configure/{jobId}", jobId: b };
  if (c === "status" && s.length === 3) return { kind: "pc-job", template: "configure/{jobId}/status", jobId: b };
  if (c === "cancel" && s.length === 3)
    return { kind: "pc-cancel", template: "configure/{jobId}/cancel", jobId: b, method: "POST" };
  return null;
}

function match(method: string, s: readonly string[]): PcRoute | { allow: string } | null {
  const found = find(s);
  if (found === null) return null;
  const expected = found.method ?? "GET";
  if (method !== expected) return { allow: expected };
  return { ...found, method: expected };
}

function sendPcError(
  res: ServerResponse,
  status: number,
  code: string,
  message: string,
  details: readonly Record<string, string>[] = [],
  headers: Record<string, string | number> = {},
): void {
  sendJson(res, status, { error: { code, message, details } }, headers);
}

const camel = (code: string) => code.charAt(0).toLowerCase() + code.slice(1);

export async function handlePartnerCenter(
  state: EmulatorState,
  req: IncomingMessage,
  res: ServerResponse,
  url: ParsedUrl,
): Promise<void> {
  const data = state.partnerCenter;
  const found = match(req.method ?? "GET", url.segments.slice(PC_PREFIX.length));
  const route = found !== null && "kind" in found ? found : null;
  const product = route?.productGuid === undefined ? undefined : byGuid(data, route.productGuid);
  const job = route?.jobId === undefined ? undefined : data.jobs.get(route.jobId.toLowerCase());
  const externalId =
    product?.externalId ??
    (job === undefined ? undefined : byGuid(data, job.productGuid)?.externalId) ??
    url.query.get("externalId") ??
    undefined;
  state.stats.recordApi(
    route === null ? null : `${route.method} /rp/product-ingestion/${route.template}`,
    route?.kind ?? null,
    PC_STATS_SELLER,
    externalId,
  );

  const fault = state.faults.take({
    target: "api",
    kind: route?.kind ?? null,
    publisherId: PC_STATS_SELLER,
    offerId: externalId,
  });
  if (fault.latencyMs > 0) await sleep(fault.latencyMs);
  if (fault.terminal !== null) {
    const t = fault.terminal;
    if (t.kind === "reset") return void req.socket.destroy();
    if (t.kind === "malformed") return send(res, 200, malformedBody(route?.kind ?? null));
    const status = t.status ?? 500;
    const { code, message } = apiFaultError(status, t.retryAfter);
    return sendPcError(
      res,
      status,
      camel(code),
      message,
      [],
      t.retryAfter === undefined ? {} : { "Retry-After": t.retryAfter },
    );
  }

  const bearer = bearerToken(req);
  const tokenState = bearer === "" ? "missing" : state.tokens.check(bearer, "graph");
  if (tokenState !== "valid") {
    const message =
      tokenState === "expired" ? "Access token has expired." : "Access token validation failure. Invalid audience.";
    return sendPcError(res, 401, "unauthorized", bearer === "" ? "Access token is empty." : message, [], {
      "WWW-Authenticate":
        'Bearer realm="", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize"',
    });
  }
  state.stats.recordClient(state.tokens.clientOf(bearer));
  const version = url.query.get("$version");
  if (version !== PC_VERSION) {
    return sendPcError(res, 400, "badRequest", `The '$version' query parameter must be '${PC_VERSION}'.`, [
      {
        code: "invalidVersion",
        message: version === null ? "'$version' is missing." : `'${version}' is not supported.`,
      },
    ]);
  }
  if (found === null) return sendPcError(res, 404, "notFound", "The requested resource was not found.");
  if (route === null) return sendPcError(res, 405, "methodNotAllowed", "The requested method is not allowed.");
  if (route.productGuid !== undefined && product === undefined)
    return sendPcError(res, 404, "notFound", `Product '${route.productGuid}' was not found.`);
  if (route.jobId !== undefined && job === undefined)
    return sendPcError(res, 404, "notFound", `Configure job '${route.jobId}' was not found.`);

  const now = state.clock.now();
  const base = `${requestBaseUrl(req, state.url)}${url.path}`;
  switch (route.kind) {
    case "pc-products": {
      const externalFilter = url.query.get("externalId")?.toLowerCase();
      const type = url.query.get("type")?.toLowerCase();
      const items = data.products
        .filter((p) => externalFilter === undefined || p.externalId.toLowerCase() === externalFilter)
        .filter((p) => type === undefined || p.type.toLowerCase() === type)
        .map(renderProduct);
      return sendJson(res, 200, page(items, url, base));
    }
    case "pc-product":
      return sendJson(res, 200, renderProduct(product as PcProduct));
    case "pc-resource-tree":
      return sendJson(res, 200, resourceTree(product as PcProduct, url.query.get("targetType") ?? "draft"));
    case "pc-plans": {
      const owner = byGuid(data, (url.query.get("product") ?? "").replace(/^product\//i, ""));
      if (owner === undefined)
        return sendPcError(res, 400, "badRequest", "The 'product' query parameter must name a product.");
      return sendJson(
        res,
        200,
        page(
          owner.plans.map((plan) => renderPlan(owner, plan)),
          url,
          base,
        ),
      );
    }
    case "pc-submissions": {
      const p = product as PcProduct;
      if (p.override?.kind === "raw") return send(res, 200, p.override.raw);
      if (p.override?.kind === "body") return sendJson(res, 200, p.override.body);
      const target = url.query.get("targetType");
      const items = p.submissions
        .filter((sub) => matchesTarget(p, sub, target))
        .map((sub) => renderSubmission(p, sub, now));
      return sendJson(res, 200, page(items, url, base));
    }
    case "pc-configure":
      return configure(state, req, res, now);
    case "pc-job": {
      const j = job!;
      const owner = byGuid(data, j.productGuid)!;
      if (route.template.endsWith("/status")) return sendJson(res, 200, renderJob(owner, j, now));
      if (jobState(j, now).status !== "completed")
        return sendPcError(res, 400, "badRequest", `Configure job '${j.id}' has not completed yet.`, [
          { code: "invalidState", message: "Ask for the job's status until it completes." },
        ]);
      return sendJson(res, 200, { $schema: `${SCHEMA}/configure/${PC_VERSION}`, resources: [] });
    }
    case "pc-cancel": {
      const j = job!;
      const owner = byGuid(data, j.productGuid)!;
      if (jobState(j, now).status === "completed")
        return sendPcError(res, 400, "badRequest", `Configure job '${j.id}' has completed; it cannot be cancelled.`, [
          { code: "invalidState", message: "Only a job that has not completed can be cancelled." },
        ]);
      j.cancelledMs = now;
      // The submission the job would have made never comes to be.
      owner.submissions = owner.submissions.filter((sub) => sub.n !== j.submissionN);
      return sendJson(res, 202, renderJob(owner, j, now));
    }
    default:
      return sendPcError(res, 404, "notFound", "The requested resource was not found.");
  }
}

function byGuid(data: PcDataset, guid: string): PcProduct | undefined {
  const key = guid.toLowerCase();
  return data.products.find((p) => p.guid === key);
}

function renderProduct(p: PcProduct) {
  return {
    $schema: `${SCHEMA}/product/${PC_VERSION}`,
    id: `product/${p.guid}`,
    identity: { externalId: p.externalId },
    type: p.type,
    alias: p.alias,
  };
}

function renderPlan(p: PcProduct, plan: PcProduct["plans"][number]) {
  return {
    $schema: `${SCHEMA}/plan/${PC_VERSION}`,
    id: `plan/${p.guid}/${plan.guid}`,
    product: `product/${p.guid}`,
    identity: { externalId: plan.externalId },
    alias: plan.alias,
  };
}

function resourceTree(p: PcProduct, targetType: string) {
  return {
    $schema: `${SCHEMA}/resource-tree/${PC_VERSION}`,
    root: `product/${p.guid}`,
    target: { targetType },
    resources: [
      renderProduct(p),
      {
        $schema: `${SCHEMA}/listing/${PC_VERSION}`,
        id: `listing/${p.guid}/public/main/default/en-us`,
        product: `product/${p.guid}`,
        kind: "azureListing",
        title: p.title,
        summary: p.summary,
        languageId: "en-us",
      },
      ...p.plans.map((plan) => renderPlan(p, plan)),
    ],
  };
}

/** One page of a list, `$maxpagesize` at most, with `@nextLink` carrying the rest of the query. */
function page(items: unknown[], url: ParsedUrl, base: string): { value: unknown[]; "@nextLink"?: string } {
  const size = Math.min(100, Math.max(1, Number(url.query.get("$maxpagesize")) || DEFAULT_PAGE));
  const token = url.query.get("continuationToken");
  const offset = token === null ? 0 : Number(Buffer.from(token, "base64url").toString("utf8").replace(/^o:/, "")) || 0;
  const value = items.slice(offset, offset + size);
  if (offset + size >= items.length) return { value };
  const next = new URLSearchParams(url.query);
  next.set("continuationToken", Buffer.from(`o:${offset + size}`).toString("base64url"));
  return { value, "@nextLink": `${base}?${next.toString()}` };
}

async function configure(state: EmulatorState, req: IncomingMessage, res: ServerResponse, now: number): Promise<void> {
  let body: unknown;
  try {
    body = await readJson(req);
  } catch (error) {
    if (error instanceof BodyError) return sendPcError(res, 400, "badRequest", error.message);
    throw error;
  }
  const invalid = (message: string) =>
    sendPcError(res, 400, "badRequest", "The request is invalid.", [{ code: "schemaValidationError", message }]);
  if (!isRecord(body) || !Array.isArray(body.resources) || body.resources.length === 0)
    return invalid("'resources' must be a non-empty array.");
  if (typeof body.$schema !== "string" || !body.$schema.includes("/configure/"))
    return invalid("'$schema' must be the configure schema.");
  const resource: unknown = body.resources[0];
  if (body.resources.length !== 1 || !isRecord(resource) || !isRecord(resource.target))
    return invalid("Send one submission resource with a target.");
  const targetType = String(resource.target.targetType ?? "").toLowerCase();
  const productGuid = String(resource.product ?? "").replace(/^product\//i, "");
  const product = byGuid(state.partnerCenter, productGuid);
  if (product === undefined) return invalid(`Product '${String(resource.product)}' was not found.`);
  if (targetType !== "live")
    return sendPcError(res, 400, "badRequest", "Only submissions to live are configured by this emulator.", [
      {
        code: "invalidState",
        message: `Target '${targetType}' is not supported here.`,
        resourceId: String(resource.id),
      },
    ]);
  const busy = product.submissions.some(
    (sub) => sub.target !== "draft" && submissionState(sub, now).status !== "completed",
  );
  if (busy)
    return sendPcError(res, 409, "conflict", "Another publish of this product is in progress.", [
      {
        code: "productLocked",
        message: "Wait for the running submission to complete.",
        resourceId: `product/${product.guid}`,
      },
    ]);
  const newest = [...product.submissions].filter((sub) => sub.target !== "draft").sort((a, b) => b.n - a.n)[0];
  const ready = newest?.target === "preview" && submissionState(newest, now).result === "succeeded";
  if (!ready || resource.id !== `submission/${product.guid}/${newest.n}`)
    return sendPcError(res, 400, "badRequest", "The submission cannot go live.", [
      {
        code: "invalidState",
        message: "The product has no completed preview waiting for publisher sign-off with that id.",
        resourceId: String(resource.id),
      },
    ]);
  const data = state.partnerCenter;
  const n = Math.max(...product.submissions.map((sub) => sub.n)) + 1;
  const jobId = `${product.guid.slice(0, 8)}-job-${++data.jobCounter}`;
  const endMs = now + product.goLive.durationMs;
  const job = {
    id: jobId,
    productGuid: product.guid,
    submissionN: n,
    startMs: now,
    endMs,
    outcome: product.goLive.outcome,
    errors: product.goLive.outcome === "failed" ? goLiveErrors(product) : [],
    cancelledMs: null,
  };
  data.jobs.set(jobId.toLowerCase(), job);
  product.submissions.push({
    n,
    target: "live",
    createdMs: now,
    endMs,
    outcome: product.goLive.outcome,
    lifecycleState: "generallyAvailable",
  });
  sendJson(res, 202, renderJob(product, job, now));
}
