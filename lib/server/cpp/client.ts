import "server-only";

import type { ServerEnv } from "@/lib/env";

import type { TokenProvider } from "../token";
import {
  createUpstreamClient,
  type UpstreamClient,
  type UpstreamRequest,
  type UpstreamResponse,
} from "../upstream/http-client";
import { wireErrorSchema } from "./wire";

export { backoffDelay, parseRetryAfter } from "../upstream/http-client";

export type CppClient = UpstreamClient;
export type CppRequest<T> = UpstreamRequest<T>;
export type CppResponse<T> = UpstreamResponse<T>;

/** The Cloud Partner Portal's HTTP client: the shared one with CPP's base, api-version and words. */
export function createCppClient(env: ServerEnv, tokens: TokenProvider, fetchImpl: typeof fetch = fetch): CppClient {
  return createUpstreamClient(
    {
      name: "The Cloud Partner Portal",
      baseUrl: env.CPP_API_BASE_URL,
      version: ["api-version", env.CPP_API_VERSION],
      timeoutMs: env.CPP_TIMEOUT_MS,
      maxRetries: env.CPP_MAX_RETRIES,
      maxRetryDelayMs: env.CPP_MAX_RETRY_DELAY_MS,
      scope: env.CPP_SCOPE,
      scopeVariable: "CPP_SCOPE",
      forbidden: (publisherId) =>
        `No publisher '${publisherId}' is visible to the dashboard's service principal: check the publisher id, or add the service principal as a user of that publisher in the Cloud Partner Portal (Users → Add user → Service principal).`,
      errorMessage: (json) => {
        const parsed = wireErrorSchema.safeParse(json);
        return parsed.success ? parsed.data.error.message : null;
      },
    },
    tokens,
    fetchImpl,
  );
}
