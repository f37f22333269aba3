import type { IncomingMessage, ServerResponse } from "node:http";
import { z } from "zod";
import { appendMessage, touchOffer } from "./actions";
import { stepsFor } from "./catalog";
import { generateDataset } from "./data";
import { faultSpecSchema } from "./faults";
import { BodyError, isRecord, readJson, sendError, sendJson, type ParsedUrl } from "./http";
import type { BulkOptions, OfferRecord } from "./model";
import { generatePartnerCenter } from "./partner-center-model";
import type { EmulatorState } from "./state";

/** The control API under /_emulator/ (test mode only; no auth). */

const bulkSchema = z.object({
  publisherId: z.string().regex(/^[A-Za-z0-9._-]{1,64}$/),
  offers: z.number().int().min(0).max(100_000),
  awaitingSignoff: z.number().int().min(0),
});

const clockSchema = z.union([
  z.object({ advanceMs: z.number().finite() }).strict(),
  z.object({ set: z.string().refine((s) => !Number.isNaN(Date.parse(s)), "not an ISO date") }).strict(),
]);
const resetSchema = z.object({ seed: z.number().int().optional(), bulk: bulkSchema.nullable().optional() }).strict();
const configSchema = z.object({ tokenLifetimeSeconds: z.number().int().min(0).max(86_400).optional() }).strict();
const messageSchema = z
  .object({ stepId: z.string().min(1), level: z.string().min(1), messageHtml: z.string() })
  .strict();

/** Regenerates the data set and clears faults, stats, tokens and sign-ins; the clock returns to its start. */
function resetEmulator(state: EmulatorState, seed: number, bulk: BulkOptions | null): void {
  state.clock.reset();
  state.data = generateDataset(seed, state.clock.startMs(), bulk);
  state.partnerCenter = generatePartnerCenter(seed, state.clock.startMs());
  state.faults.clear();
  state.stats.reset();
  state.tokens.revokeAll();
  // Pending sign-ins and unused codes go; the signing key stays, so relying parties' caches hold.
  state.signIn.clear();
}

function parse<T>(schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value ?? {});
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue === undefined || issue.path.length === 0 ? "" : ` at '${issue.path.join(".")}'`;
    throw new BodyError(400, "BadRequest", `Invalid request body${where}: ${issue?.message ?? "invalid"}`);
  }
  return result.data;
}

function clockBody(state: EmulatorState) {
  return { now: new Date(state.clock.now()).toISOString() };
}

function findOffer(state: EmulatorState, publisherId: string, offerId: string): OfferRecord | undefined {
  return state.data.publishers.get(publisherId.toLowerCase())?.byId.get(offerId.toLowerCase());
}

export async function handleControl(state: EmulatorState, req: IncomingMessage, res: ServerResponse, url: ParsedUrl) {
  try {
    await route(state, req, res, url.segments.slice(1), req.method ?? "GET");
  } catch (error) {
    if (error instanceof BodyError) sendError(res, error.status, error.code, error.message);
    else throw error;
  }
}

async function route(
  state: EmulatorState,
  req: IncomingMessage,
  res: ServerResponse,
  s: readonly string[],
  method: string,
) {
  const path = s.join("/");
  const notFound = () => sendError(res, 404, "NotFound", "The requested resource was not found.");
  switch (`${method} ${path}`) {
    case "GET stats":
      return sendJson(res, 200, state.stats.snapshot());
    case "POST stats/reset":
      state.stats.reset();
      return sendJson(res, 200, state.stats.snapshot());
    case "GET clock":
      return sendJson(res, 200, clockBody(state));
    case "POST clock": {
      const body = parse(clockSchema, await readJson(req));
      if ("advanceMs" in body) state.clock.advance(body.advanceMs);
      else state.clock.set(Date.parse(body.set));
      return sendJson(res, 200, clockBody(state));
    }
    case "GET faults":
      return sendJson(res, 200, state.faults.list());
    case "POST faults": {
      const fault = state.faults.add(parse(faultSpecSchema, await readJson(req)));
      return sendJson(res, 201, { id: fault.id });
    }
    case "DELETE faults":
      state.faults.clear();
      return sendJson(res, 200, { cleared: true });
    case "POST reset": {
      const body = parse(resetSchema, await readJson(req));
      const bulk = body.bulk === undefined ? state.initialBulk : body.bulk;
      resetEmulator(state, body.seed ?? state.initialSeed, bulk);
      return sendJson(res, 200, { seed: state.data.seed, ...clockBody(state) });
    }
    case "GET tokens":
      return sendJson(res, 200, { tokens: state.tokens.list() });
    case "POST tokens/revoke":
      state.tokens.revokeAll();
      return sendJson(res, 200, { revoked: true });
    case "GET config":
      return sendJson(res, 200, { tokenLifetimeSeconds: state.tokenLifetimeSeconds });
    case "PUT config": {
      const body = parse(configSchema, await readJson(req));
      if (body.tokenLifetimeSeconds !== undefined) state.tokenLifetimeSeconds = body.tokenLifetimeSeconds;
      return sendJson(res, 200, { tokenLifetimeSeconds: state.tokenLifetimeSeconds });
    }
  }
  if (s[0] === "partner-center") return partnerCenterControl(state, req, res, s, method);
  const [publishers, p, offers, o, action] = s;
  if (s.length !== 5 || publishers !== "publishers" || offers !== "offers" || !p || !o) return notFound();
  const offer = findOffer(state, p, o);
  if (action !== "status-override" && action !== "messages") return notFound();
  if (offer === undefined) return sendError(res, 404, "NotFound", `Offer '${o}' was not found in publisher '${p}'.`);
  if (action === "status-override" && method === "PUT") {
    const body = await readJson(req);
    if (isRecord(body) && typeof body.raw === "string") offer.override = { kind: "raw", raw: body.raw };
    else if (isRecord(body) && "body" in body) offer.override = { kind: "body", body: body.body };
    else throw new BodyError(400, "BadRequest", 'Send { "body": <JSON> } or { "raw": "<text>" }.');
    touchOffer(state.data, offer);
    return sendJson(res, 200, { overridden: true });
  }
  if (action === "status-override" && method === "DELETE") {
    offer.override = null;
    touchOffer(state.data, offer);
    return sendJson(res, 200, { overridden: false });
  }
  if (action === "messages" && method === "POST") {
    const body = parse(messageSchema, await readJson(req));
    if (!stepsFor(offer.offerTypeId).some((step) => step.id === body.stepId)) {
      throw new BodyError(400, "BadRequest", `Offer '${offer.id}' has no step '${body.stepId}'.`);
    }
    appendMessage(state.data, offer, state.clock.now(), body);
    return sendJson(res, 201, { appended: true });
  }
  return sendError(res, 405, "MethodNotAllowed", "The requested method is not allowed.");
}

/** PUT / DELETE /_emulator/partner-center/products/{externalId}/submissions-override: serve a body instead. */
async function partnerCenterControl(
  state: EmulatorState,
  req: IncomingMessage,
  res: ServerResponse,
  s: readonly string[],
  method: string,
) {
  const [, products, externalId, action] = s;
  const product = state.partnerCenter.products.find((p) => p.externalId.toLowerCase() === externalId?.toLowerCase());
  if (s.length !== 4 || products !== "products" || action !== "submissions-override")
    return sendError(res, 404, "NotFound", "The requested resource was not found.");
  if (product === undefined) return sendError(res, 404, "NotFound", `Product '${externalId ?? ""}' was not found.`);
  if (method === "DELETE") {
    product.override = null;
    return sendJson(res, 200, { overridden: false });
  }
  if (method !== "PUT") return sendError(res, 405, "MethodNotAllowed", "The requested method is not allowed.");
  const body = await readJson(req);
  if (isRecord(body) && typeof body.raw === "string") product.override = { kind: "raw", raw: body.raw };
  else if (isRecord(body) && "body" in body) product.override = { kind: "body", body: body.body };
  else throw new BodyError(400, "BadRequest", 'Send { "body": <JSON> } or { "raw": "<text>" }.');
  return sendJson(res, 200, { overridden: true });
}
