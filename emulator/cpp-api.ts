import type { IncomingMessage, ServerResponse } from "node:http";
import { cancel, goLive, publish, type ActionResult } from "./actions";
import { matchCppRoute, type CppRoute } from "./cpp-routes";
import { apiFaultError, malformedBody } from "./faults";
import {
  BodyError,
  bearerToken,
  isRecord,
  readJson,
  send,
  sendEmpty,
  sendError,
  sendJson,
  sleep,
  type ParsedUrl,
} from "./http";
import type { OfferRecord, PublisherRecord } from "./model";
import {
  changedTime,
  renderFullOffer,
  renderOperation,
  renderOperationDetail,
  renderPublisher,
  renderStatus,
  renderSummary,
} from "./render";
import { deriveOffer, operationsOf } from "./simulation";
import type { EmulatorState } from "./state";

/** The Cloud Partner Portal API, api-version 2017-10-31. */

export const API_VERSION = "2017-10-31";
const FORBIDDEN = "The client doesn't have access to the specified namespace.";
const listCache = new WeakMap<PublisherRecord, { now: number; rev: number; body: string }>();

export async function handleApi(state: EmulatorState, req: IncomingMessage, res: ServerResponse, url: ParsedUrl) {
  const match = matchCppRoute(req.method ?? "GET", url.segments.slice(1));
  const route = match.type === "route" ? match.route : null;
  state.stats.recordApi(
    route === null ? null : `${route.method} ${route.template}`,
    route?.kind ?? null,
    route?.publisherId,
    route?.offerId,
  );

  const fault = state.faults.take({
    target: "api",
    kind: route?.kind ?? null,
    publisherId: route?.publisherId,
    offerId: route?.offerId,
  });
  if (fault.latencyMs > 0) await sleep(fault.latencyMs);
  const terminal = fault.terminal;
  if (terminal !== null) {
    if (terminal.kind === "reset") req.socket.destroy();
    else if (terminal.kind === "malformed") send(res, 200, malformedBody(route?.kind ?? null));
    else {
      const status = terminal.status ?? 500;
      const { code, message } = apiFaultError(status, terminal.retryAfter);
      sendError(
        res,
        status,
        code,
        message,
        terminal.retryAfter === undefined ? {} : { "Retry-After": terminal.retryAfter },
      );
    }
    return;
  }

  const bearer = bearerToken(req);
  const tokenState = bearer === "" ? "missing" : state.tokens.check(bearer);
  if (tokenState !== "valid") {
    const message =
      tokenState === "expired"
        ? "The access token has expired."
        : tokenState === "missing"
          ? "Authorization has been denied for this request. A bearer token is required."
          : "Authorization has been denied for this request. The access token is invalid.";
    const challenge =
      tokenState === "missing" ? "Bearer" : `Bearer error="invalid_token", error_description="${message}"`;
    sendError(res, 401, "Unauthorized", message, { "WWW-Authenticate": challenge });
    return;
  }
  state.stats.recordClient(state.tokens.clientOf(bearer));
  if (url.query.get("api-version") !== API_VERSION) {
    sendError(res, 400, "InvalidAPIVersion", `Invalid api version. Allowed values are [${API_VERSION}]`);
    return;
  }
  if (route === null) {
    if (match.type === "method")
      sendError(res, 405, "MethodNotAllowed", "The requested method is not allowed.", { Allow: match.allow });
    else sendError(res, 404, "NotFound", "The requested resource was not found.");
    return;
  }
  await dispatch(state, req, res, url, route);
}

async function dispatch(
  state: EmulatorState,
  req: IncomingMessage,
  res: ServerResponse,
  url: ParsedUrl,
  route: CppRoute,
) {
  const data = state.data;
  const now = state.clock.now();
  if (route.kind === "publishers") {
    const granted = [...data.publishers.values()].filter((p) => p.granted);
    sendJson(res, 200, granted.map(renderPublisher));
    return;
  }
  const publisher = data.publishers.get((route.publisherId ?? "").toLowerCase());
  if (publisher === undefined || !publisher.granted) {
    sendError(res, 403, "Forbidden", FORBIDDEN);
    return;
  }
  if (route.kind === "offers") {
    const cached = listCache.get(publisher);
    if (cached !== undefined && cached.now === now && cached.rev === data.rev) {
      send(res, 200, cached.body);
      return;
    }
    const body = JSON.stringify(publisher.offers.map((o) => renderSummary(o, deriveOffer(o, now))));
    listCache.set(publisher, { now, rev: data.rev, body });
    send(res, 200, body);
    return;
  }
  const offer = publisher.byId.get((route.offerId ?? "").toLowerCase());
  if (offer === undefined) {
    sendError(
      res,
      404,
      "NotFound",
      `Offer '${route.offerId ?? ""}' was not found in publisher '${route.publisherId ?? ""}'.`,
    );
    return;
  }
  switch (route.kind) {
    case "offer":
      return getOffer(res, offer, route, now);
    case "status":
      return getStatus(res, offer, now);
    case "publish":
    case "golive":
    case "cancel":
      return postAction(state, req, res, offer, route.kind, now);
    case "operations":
      return getOperations(res, offer, route, url, now);
  }
}

function etag(stamp: string): string {
  return `W/"datetime'${encodeURIComponent(stamp)}'"`;
}

function getOffer(res: ServerResponse, offer: OfferRecord, route: CppRoute, now: number): void {
  const state = deriveOffer(offer, now);
  let version = state.version;
  const notFound = (what: string) =>
    sendError(
      res,
      404,
      "NotFound",
      `${what} of offer '${offer.id}' was not found in publisher '${offer.publisherId}'.`,
    );
  if (route.version !== undefined) {
    if (!/^\d{1,9}$/.test(route.version) || Number(route.version) < 1 || Number(route.version) > state.version) {
      return notFound(`Version '${route.version}'`);
    }
    version = Number(route.version);
  }
  if (route.slot !== undefined) {
    const slot = route.slot.toLowerCase();
    const available =
      slot === "draft" || (slot === "preview" && state.everPreviewed) || (slot === "production" && state.everLive);
    if (!available) return notFound(`Slot '${route.slot}'`);
    if (slot === "preview" && state.run !== null && state.runState?.signoffReachedMs != null) {
      version = state.run.publishingVersion;
    }
  }
  // Older versions changed when they were superseded; approximate with a day per version.
  const changedMs =
    version === state.version ? state.changedMs : state.changedMs - (state.version - version) * 86_400_000;
  const body = renderFullOffer(offer, state, version, changedMs);
  sendJson(res, 200, body, { Etag: etag(changedTime(offer, changedMs)) });
}

function getStatus(res: ServerResponse, offer: OfferRecord, now: number): void {
  const override = offer.override;
  if (override !== null) {
    if (override.kind === "raw") send(res, 200, override.raw);
    else sendJson(res, 200, override.body);
    return;
  }
  sendJson(res, 200, renderStatus(offer, deriveOffer(offer, now)));
}

function operationHeader(
  state: EmulatorState,
  offer: OfferRecord,
  result: Extract<ActionResult, { ok: true }>,
): Record<string, string> {
  const p = encodeURIComponent(offer.publisherId);
  const o = encodeURIComponent(offer.id);
  const query = `?api-version=${API_VERSION}`;
  if (offer.operationLocation) {
    return { "Operation-Location": `${state.url}/api/publishers/${p}/offers/${o}/operations/${result.opId}${query}` };
  }
  if (offer.migrated) return { Location: `/api/publishers/${p}/offers/${o}/operations/${result.opId}${query}` };
  return { Location: `/api/operations/${p}$${o}$${result.run.publishingVersion}$preview${query}` };
}

async function postAction(
  state: EmulatorState,
  req: IncomingMessage,
  res: ServerResponse,
  offer: OfferRecord,
  kind: "publish" | "golive" | "cancel",
  now: number,
): Promise<void> {
  let emails: string | null = null;
  try {
    const body = await readJson(req);
    if (body !== undefined) {
      if (!isRecord(body)) throw new BodyError(400, "BadRequest", "The request body must be a JSON object.");
      const metadata = body.metadata;
      if (metadata !== undefined && !isRecord(metadata))
        throw new BodyError(400, "BadRequest", "'metadata' must be an object.");
      const list = metadata?.["notification-emails"];
      if (list !== undefined && typeof list !== "string") {
        throw new BodyError(400, "BadRequest", "'notification-emails' must be a comma-separated string.");
      }
      emails = list ?? null;
    }
  } catch (error) {
    if (error instanceof BodyError) return sendError(res, error.status, error.code, error.message);
    throw error;
  }
  const data = state.data;
  const result =
    kind === "publish"
      ? publish(data, offer, now, emails)
      : kind === "golive"
        ? goLive(data, offer, now)
        : cancel(data, offer, now);
  if (!result.ok) return sendError(res, result.status, result.code, result.message);
  // Faults with `afterAction`: the action is done; only its answer is spoilt.
  const after = state.faults.take({
    target: "api",
    kind,
    publisherId: offer.publisherId,
    offerId: offer.id,
    afterAction: true,
  });
  if (after.latencyMs > 0) await sleep(after.latencyMs);
  const spoilt = after.terminal;
  if (spoilt === null) return sendEmpty(res, 202, operationHeader(state, offer, result));
  if (spoilt.kind === "reset") return void req.socket.destroy();
  if (spoilt.kind === "malformed") return send(res, 202, '{"operation": "accep');
  const status = spoilt.status ?? 500;
  const { code, message } = apiFaultError(status, spoilt.retryAfter);
  sendError(res, status, code, message, spoilt.retryAfter === undefined ? {} : { "Retry-After": spoilt.retryAfter });
}

function getOperations(res: ServerResponse, offer: OfferRecord, route: CppRoute, url: ParsedUrl, now: number): void {
  const ops = operationsOf(offer);
  if (route.template.endsWith("/submissions")) {
    const filter = (url.query.get("status") ?? url.query.get("submissionState") ?? "").toLowerCase();
    const rendered = ops.map((op) => renderOperation(offer, op, now));
    sendJson(res, 200, filter === "" ? rendered : rendered.filter((op) => op.submissionState.toLowerCase() === filter));
    return;
  }
  const op =
    route.operationId !== undefined
      ? ops.find((candidate) => candidate.id.toLowerCase() === route.operationId?.toLowerCase())
      : ops.find(
          (candidate) =>
            candidate.run.publishingVersion === route.publishingVersion && route.slot?.toLowerCase() === "preview",
        );
  if (op === undefined) {
    const id =
      route.operationId ?? `${offer.publisherId}$${offer.id}$${route.publishingVersion ?? ""}$${route.slot ?? ""}`;
    return sendError(res, 404, "NotFound", `Operation '${id}' was not found.`);
  }
  sendJson(res, 200, renderOperationDetail(offer, op, now));
}
