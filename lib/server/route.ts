import "server-only";

import type { ApiResponse } from "@/lib/schemas/model";
import { offerIdSchema, publisherIdSchema } from "@/lib/schemas/ids";

import type { Fetched } from "./coalescer";
import { ApiError, toErrorResponse } from "./errors";

/**
 * The one wrapper of our route handlers: validates the path's ids before anything reaches
 * the upstream, and turns every failure into the error envelope.
 */
export interface RouteIds {
  publisherId?: string;
  offerId?: string;
}

type Handler<P> = (ids: Required<Pick<RouteIds, keyof P & keyof RouteIds>>, request: Request) => Promise<Response>;

export function withRoute<P extends RouteIds>(handler: Handler<P>) {
  // Next passes no params at all to routes without dynamic segments.
  return async (request: Request, context?: { params?: Promise<P> }): Promise<Response> => {
    try {
      const params = ((await context?.params) ?? {}) as P;
      return await handler(validateIds(params) as Required<Pick<RouteIds, keyof P & keyof RouteIds>>, request);
    } catch (error) {
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
