import "server-only";

import type { ServerEnv } from "@/lib/env";

import { ApiError } from "../errors";
import type { TokenProvider } from "../token";
import { createUpstreamClient, type UpstreamClient } from "../upstream/http-client";
import { wireErrorSchema } from "./wire";

/** The Product Ingestion API's HTTP client: the shared one with its base, `$version` and words. */
/** Our error, marked as Partner Center's, so the pages name it rather than the Cloud Partner Portal. */
export function asPartnerCenterError(error: unknown): unknown {
  if (!(error instanceof ApiError)) return error;
  return new ApiError(error.status, error.code, error.message, error.retryAfterSeconds, {
    cause: error.cause,
    args: { ...error.args, upstream: "partnerCenter" },
  });
}

export function createPartnerCenterClient(
  env: ServerEnv,
  tokens: TokenProvider,
  fetchImpl: typeof fetch = fetch,
): UpstreamClient {
  const client = createUpstreamClient(
    {
      name: "Partner Center",
      baseUrl: env.PARTNER_CENTER_API_BASE_URL,
      version: ["$version", env.PARTNER_CENTER_API_VERSION],
      timeoutMs: env.CPP_TIMEOUT_MS,
      maxRetries: env.CPP_MAX_RETRIES,
      maxRetryDelayMs: env.CPP_MAX_RETRY_DELAY_MS,
      scope: env.PARTNER_CENTER_SCOPE,
      scopeVariable: "PARTNER_CENTER_SCOPE",
      forbidden: () =>
        "Partner Center refused the dashboard's app registration: add it to the Partner Center account (Account settings → User management → Azure AD applications) with the Manager or Developer role.",
      errorMessage: (json) => {
        const parsed = wireErrorSchema.safeParse(json);
        if (!parsed.success) return null;
        // The details say what the top-level message does not ("invalidState: …").
        const parts = [parsed.data.error.message, ...parsed.data.error.details.map((d) => d.message)];
        return parts.filter((p): p is string => typeof p === "string" && p.trim() !== "").join(" ") || null;
      },
    },
    tokens,
    fetchImpl,
  );
  return {
    request: (req) =>
      client.request(req).catch((error: unknown) => {
        throw asPartnerCenterError(error);
      }),
  };
}
