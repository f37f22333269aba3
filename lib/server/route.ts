import "server-only";

import { z } from "zod";

import { getEnv } from "@/lib/env";
import type { ApiResponse, OperationAccepted } from "@/lib/schemas/model";
import { offerIdSchema, publisherIdSchema } from "@/lib/schemas/ids";

import { auditOfferAction, type AuditOutcome } from "./audit";
import { crossOriginRefusal, forbiddenRole, requireSession, sessionFromRequest, unauthenticated } from "./auth/guard";
import { isApprover, type Session } from "./auth/session";
import type { Fetched } from "./coalescer";
import { ApiError, toApiError, toErrorResponse } from "./errors";

/**
 * The one wrapper of our route handlers: refuses cross-origin requests that change state,
 * requires a session (the proxy is the gate; this is the second lock), validates the path's
 * ids before anything reaches the upstream, and turns every failure into the error envelope.
 */
export interface RouteIds {
  publisherId?: string;
  offerId?: string;
}

type Ids<P> = Required<Pick<RouteIds, keyof P & keyof RouteIds>>;
type Handler<P> = (ids: Ids<P>, request: Request, session: Session) => Promise<Response>;

export interface RouteOptions {
  /** Only users with APPROVER_ROLE may call it (403 `forbidden` otherwise). */
  approver?: boolean;
}

export function withRoute<P extends RouteIds>(handler: Handler<P>, options: RouteOptions = {}) {
  return async (request: Request, context?: { params?: Promise<P> }): Promise<Response> => {
    try {
      const env = getEnv();
      const refusal = crossOriginRefusal(request, env);
      if (refusal) throw refusal;
      const session = await requireSession(request, env, { approver: options.approver === true });
      // Next passes no params at all to a route without dynamic segments (e.g. /api/publishers).
      const params = ((await context?.params) ?? {}) as P;
      return await handler(validateIds(params) as Ids<P>, request, session);
    } catch (error) {
      return toErrorResponse(error, { method: request.method, path: new URL(request.url).pathname });
    }
  };
}

type OfferIds = { publisherId: string; offerId: string };

/** The optional JSON body of Go live / Cancel: what the person confirmed. */
const actionBodySchema = z
  .object({
    acknowledgedErrors: z
      .number({ error: "acknowledgedErrors must be a number" })
      .int("acknowledgedErrors must be a whole number")
      .min(0, "acknowledgedErrors must be at least 0")
      .max(100_000, "acknowledgedErrors is too large")
      .optional(),
  })
  .strict();
export type ActionBody = z.infer<typeof actionBodySchema>;

/** An empty body is no confirmation at all; anything else must be the schema's JSON. */
async function readActionBody(request: Request): Promise<ActionBody> {
  const text = await request.text();
  if (!text.trim()) return {};
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new ApiError(400, "invalid_request", "The request body is not JSON.");
  }
  const parsed = actionBodySchema.safeParse(raw);
  if (!parsed.success)
    throw new ApiError(400, "invalid_request", parsed.error.issues[0]?.message ?? "The request body is not valid.");
  return parsed.data;
}

/**
 * Go live / Cancel publish: same origin, a session with APPROVER_ROLE, valid ids; then the
 * upstream. One audit line per attempt (who, what, when, and the answer), refused and failed
 * ones included.
 */
export function withOfferAction(
  action: OperationAccepted["action"],
  run: (publisherId: string, offerId: string) => Promise<OperationAccepted>,
) {
  return async (request: Request, context: { params: Promise<OfferIds> }): Promise<Response> => {
    let params: Partial<OfferIds> = {};
    let session: Session | null = null;
    let calledUpstream = false;
    let body: ActionBody = {};
    const record = (outcome: AuditOutcome, status: number, code: string | null, operation?: OperationAccepted) =>
      auditOfferAction({
        action,
        publisherId: String(params.publisherId ?? ""),
        offerId: String(params.offerId ?? ""),
        user: session ? { oid: session.oid, username: session.username } : null,
        ...(session ? { sessionId: session.sid } : {}),
        outcome,
        status,
        code,
        ...(operation ? { upstreamStatus: operation.upstreamStatus, operationId: operation.operationId } : {}),
        ...(body.acknowledgedErrors !== undefined ? { acknowledgedErrors: body.acknowledgedErrors } : {}),
      });
    try {
      params = (await context?.params) ?? {};
      const env = getEnv();
      session = await sessionFromRequest(request, env);
      const refusal = crossOriginRefusal(request, env);
      if (refusal) throw refusal;
      if (!session) throw unauthenticated();
      if (!isApprover(session, env)) throw forbiddenRole(env);
      const { publisherId, offerId } = validateIds(params) as OfferIds;
      body = await readActionBody(request);
      calledUpstream = true;
      const operation = await run(publisherId, offerId);
      const status = operation.upstreamStatus === 200 ? 200 : 202;
      record("accepted", status, null, operation);
      return json({ value: operation, fetchedAt: Date.now() }, { status });
    } catch (error) {
      const apiError = toApiError(error);
      record(calledUpstream ? "failed" : "refused", apiError.status, apiError.code);
      return toErrorResponse(error, { method: request.method, path: new URL(request.url).pathname });
    }
  };
}

export function validateIds<P extends RouteIds>(params: P): P {
  const checks = [
    ["publisherId", publisherIdSchema],
    ["offerId", offerIdSchema],
  ] as const;
  for (const [key, schema] of checks) {
    const value = params[key];
    if (value === undefined) continue;
    const result = schema.safeParse(value);
    if (!result.success)
      throw new ApiError(400, "invalid_id", result.error.issues[0]?.message ?? `The ${key} is not valid.`);
  }
  return params;
}

const NO_STORE = { "Cache-Control": "no-store, private" };

/** A successful read: the data and when the upstream data behind it was fetched. */
export function json<T>(fetched: Fetched<T>, init: ResponseInit = {}): Response {
  const body: ApiResponse<T> = { data: fetched.value, fetchedAt: new Date(fetched.fetchedAt).toISOString() };
  return Response.json(body, { ...init, headers: { ...NO_STORE, ...init.headers } });
}
