import "server-only";

import { ZodError } from "zod";

import { ConfigError } from "@/lib/env";
import { ApiError } from "@/lib/schemas/api-error";

export { ApiError };

/** Logs one structured line; details stay on the server, the browser gets only the envelope. */
export function logServerError(error: unknown, context: Record<string, unknown> = {}): void {
  const base = { level: "error", time: new Date().toISOString(), ...context };
  if (error instanceof ApiError) {
    console.error(
      JSON.stringify({
        ...base,
        code: error.code,
        status: error.status,
        message: error.message,
        cause: describeCause(error.cause),
      }),
    );
  } else {
    console.error(
      JSON.stringify({
        ...base,
        code: "internal",
        message: error instanceof Error ? error.message : String(error),
        stack: error instanceof Error ? error.stack : undefined,
      }),
    );
  }
}

function describeCause(cause: unknown): string | undefined {
  if (cause === undefined) return undefined;
  if (cause instanceof Error) return `${cause.name}: ${cause.message}`;
  return String(cause).slice(0, 500);
}

/** Maps any error to the envelope and a fitting status. Never leaks stacks, tokens or upstream bodies. */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  if (error instanceof ConfigError) return new ApiError(500, "configuration", error.message);
  if (error instanceof ZodError) {
    return new ApiError(400, "invalid_request", error.issues[0]?.message ?? "The request is not valid.");
  }
  return new ApiError(500, "internal", "Something went wrong on the dashboard's server. The details are in its log.");
}

export function toErrorResponse(error: unknown, context: Record<string, unknown> = {}): Response {
  const apiError = toApiError(error);
  if (apiError.status >= 500 || !(error instanceof ApiError)) logServerError(error, context);
  const headers = new Headers({ "Cache-Control": "no-store, private" });
  if (apiError.retryAfterSeconds !== undefined) headers.set("Retry-After", String(apiError.retryAfterSeconds));
  return Response.json(apiError.toEnvelope(), { status: apiError.status, headers });
}
