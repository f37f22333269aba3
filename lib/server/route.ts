import "server-only";

import { z } from "zod";

import { getEnv } from "@/lib/env";
import type { ApiResponse, OperationAccepted } from "@/lib/schemas/model";
import { offerIdSchema, publisherIdSchema } from "@/lib/schemas/ids";
import { findSignoffStep } from "@/lib/schemas/vocabulary";

import type { ActionHolder } from "./action-guard";
import { auditOfferAction, type AuditOutcome } from "./audit";
import { crossOriginRefusal, forbiddenRole, requireSession, sessionFromRequest, unauthenticated } from "./auth/guard";
import { isApprover, type Session } from "./auth/session";
import type { Fetched } from "./coalescer";
import { canonicalId, type Cpp } from "./cpp";
import { ApiError, toApiError, toErrorResponse } from "./errors";
import { getServices } from "./services";

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

/** How long an offer's slot stays taken after the upstream took (or may have taken) a Go live / Cancel. */
export const ACTION_SETTLE_MS = 15_000;
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
 * Codes of a request that was sent but whose answer says nothing about what the upstream did:
 * it may have applied it (a Go live answered late, a dropped connection, a 5xx after the fact).
 */
const OUTCOME_UNKNOWN_CODES: ReadonlySet<string> = new Set([
  "upstream_timeout",
  "upstream_unreachable",
  "upstream_error",
  "upstream_unavailable",
  "upstream_contract",
]);

const ACTION_WORDS = { golive: "Go live", cancel: "Cancel publish" } as const;

/**
 * Go live / Cancel publish: same origin, a session with APPROVER_ROLE, valid ids, the offer's
 * slot in the action guard (409 `action_in_flight` while another is in flight or settling);
 * then the upstream. One audit line per attempt (who, what, when, and the answer), refused,
 * failed and unknown ones included. The outcome is never misreported: an answer that does not
 * say what happened is `unknown` (the browser verifies against the offer's status), and an
 * offer someone else already took live (or canceled) is told as such, not as a failure.
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
        ...(session ? { sessionId: session.sid, roles: session.roles } : {}),
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
      const { guard, cpp } = getServices();
      const key = `${canonicalId(publisherId)}/${canonicalId(offerId)}`;
      const previous = await guard.lastHolder(key);
      const slot = await guard.tryAcquire(key, { action, by: session.username });
      if (!slot.acquired) {
        const { holder } = slot;
        throw new ApiError(
          409,
          "action_in_flight",
          `A ${ACTION_WORDS[holder.action]} of this offer by ${holder.by} is in flight or settling; wait for its outcome.`,
          undefined,
          { args: { action: holder.action, by: holder.by } },
        );
      }
      let settleMs = 0;
      try {
        calledUpstream = true;
        const operation = await run(publisherId, offerId);
        settleMs = ACTION_SETTLE_MS;
        const status = operation.upstreamStatus === 200 && operation.outcome === "accepted" ? 200 : 202;
        record(operation.outcome, status, null, operation);
        return json({ value: operation, fetchedAt: Date.now() }, { status });
      } catch (error) {
        const apiError = toApiError(error);
        if (OUTCOME_UNKNOWN_CODES.has(apiError.code)) {
          settleMs = ACTION_SETTLE_MS;
          throw new ApiError(
            apiError.status,
            "action_outcome_unknown",
            `The ${ACTION_WORDS[action]} was sent, but the upstream's answer does not say whether it went through; check the offer's status.`,
            undefined,
            { cause: error, args: { action } },
          );
        }
        if (apiError.status === 400 || apiError.status === 409) {
          const already = await alreadyDone(cpp, action, publisherId, offerId, previous);
          if (already) throw already;
        }
        throw error;
      } finally {
        await guard.release(key, slot.lease, settleMs);
      }
    } catch (error) {
      const apiError = toApiError(error);
      const outcome: AuditOutcome =
        apiError.code === "action_outcome_unknown" ? "unknown" : calledUpstream ? "failed" : "refused";
      record(outcome, apiError.status, apiError.code);
      return toErrorResponse(error, { method: request.method, path: new URL(request.url).pathname });
    }
  };
}

/**
 * After the upstream refused a Go live / Cancel: is that because it is already done? Then it
 * is information (409 `already_live`, `already_going_live`, `already_canceled`), with who did
 * it when this dashboard knows.
 */
async function alreadyDone(
  cpp: Cpp,
  action: OperationAccepted["action"],
  publisherId: string,
  offerId: string,
  previous: ActionHolder | null,
): Promise<ApiError | null> {
  let indicator: string;
  let signedOff: boolean;
  try {
    cpp.invalidateOffer(publisherId, offerId);
    const { value } = await cpp.getOfferStatus(publisherId, offerId);
    indicator = value.indicator;
    signedOff = findSignoffStep(value.steps)?.status.value === "complete";
  } catch {
    return null;
  }
  const by = previous && previous.action === action ? previous.by : null;
  const args = { action, ...(by ? { by } : {}) };
  const byWords = by ? `, by ${by}` : "";
  if (action === "golive" && indicator === "live")
    return new ApiError(409, "already_live", `The offer is already live${byWords}.`, undefined, { args });
  if (action === "golive" && indicator === "publishing" && signedOff)
    return new ApiError(409, "already_going_live", `The offer is already going live${byWords}.`, undefined, {
      args,
    });
  if (action === "cancel" && indicator === "canceled")
    return new ApiError(409, "already_canceled", `The publish was already canceled${byWords}.`, undefined, { args });
  return null;
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

/** The success envelope: the data and when the upstream data behind it was fetched. */
export function apiResponse<T>(fetched: Fetched<T>): ApiResponse<T> {
  return { data: fetched.value, fetchedAt: new Date(fetched.fetchedAt).toISOString() };
}

/** A successful read, as a response. */
export function json<T>(fetched: Fetched<T>, init: ResponseInit = {}): Response {
  return Response.json(apiResponse(fetched), { ...init, headers: { ...NO_STORE, ...init.headers } });
}

/** A request's JSON body, validated by `schema`; anything else is the 400 envelope. */
export async function readJson<S extends z.ZodType>(request: Request, schema: S): Promise<z.infer<S>> {
  let raw: unknown;
  try {
    raw = await request.json();
  } catch {
    throw new ApiError(400, "invalid_request", "The request body is not JSON.");
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success)
    throw new ApiError(400, "invalid_request", parsed.error.issues[0]?.message ?? "The request body is not valid.");
  return parsed.data;
}
