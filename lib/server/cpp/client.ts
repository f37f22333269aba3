import "server-only";

import type { z } from "zod";

import type { ServerEnv } from "@/lib/env";

import { ApiError } from "../errors";
import type { TokenProvider } from "../token";
import { wireErrorSchema } from "./wire";

/**
 * The HTTP half of the adapter: URL, api-version, bearer, timeout, bounded retries, and the
 * mapping of every upstream failure onto our error codes. Never caches (Next's fetch cache
 * included): caching is the coalescer's job, with its own TTLs.
 */
export interface CppResponse<T> {
  status: number;
  headers: Headers;
  body: T;
}

export interface CppRequest<T> {
  method?: "GET" | "POST";
  path: string;
  schema?: z.ZodType<T>;
  /** For messages: what the request was about ("publisher 'contoso'"). */
  subject: string;
  /** A 403 on a publisher path means the service principal lacks access to it. */
  publisherId?: string;
  /** Without a schema: the body as text (undefined when empty), instead of discarding it. */
  readBody?: boolean;
}

export interface CppClient {
  request<T>(req: CppRequest<T>): Promise<CppResponse<T>>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Retry-After in seconds (delta or HTTP date), or undefined. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.ceil(seconds);
  const date = Date.parse(value);
  if (!Number.isNaN(date)) return Math.max(0, Math.ceil((date - now) / 1000));
  return undefined;
}

async function upstreamMessage(res: Response): Promise<string | null> {
  try {
    const text = await res.text();
    const parsed = wireErrorSchema.safeParse(JSON.parse(text));
    const message = parsed.success ? parsed.data.error.message : null;
    // Only the documented message field crosses to the browser, as plain, bounded text.
    return message
      ? message
          .replace(/[\u0000-\u001f<>]/g, " ")
          .trim()
          .slice(0, 300)
      : null;
  } catch {
    return null;
  }
}

/**
 * The wait before retry `attempt` (1, 2, …): 200 ms doubling, with ±25 % jitter, and never more
 * than `capMs`. The cap applies after the jitter: a wait above it would mean no retry at all.
 */
export function backoffDelay(attempt: number, capMs: number, random: () => number = Math.random): number {
  return Math.min(capMs, 200 * 2 ** (attempt - 1) * (0.75 + random() * 0.5));
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

function isTimeout(error: unknown): boolean {
  return error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError");
}

export function createCppClient(env: ServerEnv, tokens: TokenProvider, fetchImpl: typeof fetch = fetch): CppClient {
  const base = env.CPP_API_BASE_URL;
  const host = new URL(base).host;

  async function request<T>(req: CppRequest<T>): Promise<CppResponse<T>> {
    const method = req.method ?? "GET";
    const url = new URL(req.path, `${base}/`);
    url.searchParams.set("api-version", env.CPP_API_VERSION);
    // A POST is retried only when the upstream says it did not take it (429).
    const retryable = (status: number) => status === 429 || (method === "GET" && status >= 500);

    let refreshedToken = false;
    let rejected: string | undefined;
    let attempt = 0;
    for (;;) {
      const token = await tokens.getToken(rejected === undefined ? {} : { forceRefresh: true, rejected });
      rejected = undefined;
      // One deadline per attempt, cleared as soon as the attempt is over. AbortSignal.timeout()
      // keeps its timer, and with it the request's async context (Next's stores, the request and
      // response), until a GC has collected the signal (bench: 1,500 finished requests held).
      const deadline = new AbortController();
      const timer = setTimeout(
        () => deadline.abort(new DOMException("The upstream did not answer in time.", "TimeoutError")),
        env.CPP_TIMEOUT_MS,
      );
      try {
        let res: Response;
        try {
          res = await fetchImpl(url, {
            method,
            headers: {
              Authorization: `Bearer ${token}`,
              Accept: "application/json",
              ...(method === "POST" ? { "Content-Type": "application/json" } : {}),
            },
            body: method === "POST" ? "{}" : undefined,
            cache: "no-store",
            redirect: "manual",
            signal: deadline.signal,
          });
        } catch (error) {
          if (isTimeout(error)) {
            throw new ApiError(
              504,
              "upstream_timeout",
              `The Cloud Partner Portal did not answer within ${env.CPP_TIMEOUT_MS} ms (${req.subject}).`,
              undefined,
            );
          }
          if (method === "GET" && attempt < env.CPP_MAX_RETRIES) {
            attempt++;
            await sleep(backoff(attempt));
            continue;
          }
          // The address and the cause go to the server log (through the cause), never to the browser.
          throw new ApiError(502, "upstream_unreachable", "The Cloud Partner Portal could not be reached.", undefined, {
            cause: new Error(
              `${host}: ${describe(error instanceof Error && error.cause instanceof Error ? error.cause : error)}`,
            ),
          });
        }

        if (res.status === 401 && !refreshedToken) {
          // The token may have been revoked or rotated early: one fresh token, one retry.
          await res.body?.cancel();
          refreshedToken = true;
          rejected = token;
          continue;
        }

        if (retryable(res.status) && attempt < env.CPP_MAX_RETRIES) {
          const retryAfter = parseRetryAfter(res.headers.get("Retry-After"));
          const delay = retryAfter !== undefined ? retryAfter * 1000 : backoff(attempt + 1);
          if (delay <= env.CPP_MAX_RETRY_DELAY_MS) {
            await res.body?.cancel();
            attempt++;
            await sleep(delay);
            continue;
          }
        }

        if (res.status >= 200 && res.status < 300)
          return { status: res.status, headers: res.headers, body: await parseBody(res, req) };
        throw await toUpstreamError(res, req);
      } finally {
        clearTimeout(timer);
      }
    }
  }

  const backoff = (attempt: number) => backoffDelay(attempt, env.CPP_MAX_RETRY_DELAY_MS);

  async function parseBody<T>(res: Response, req: CppRequest<T>): Promise<T> {
    if (!req.schema) {
      if (!req.readBody) {
        await res.body?.cancel();
        return undefined as T;
      }
      // A body cut off mid-way reads as what arrived; the caller judges whether it is readable.
      const text = await res.text().catch(() => "\u0000");
      return (text === "" ? undefined : text) as T;
    }
    const text = await res.text();
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      // The excerpt goes to the server log only (through the cause), never to the browser.
      throw new ApiError(
        502,
        "upstream_contract",
        `The Cloud Partner Portal answered with a body that is not JSON (${req.subject}).`,
        undefined,
        { cause: `body starts with: ${text.slice(0, 120)}` },
      );
    }
    const parsed = req.schema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue?.path.length ? issue.path.join(".") : "the body";
      throw new ApiError(
        502,
        "upstream_contract",
        `The Cloud Partner Portal answered in an unexpected shape at ${where} (${req.subject}).`,
        undefined,
        { cause: issue?.message },
      );
    }
    return parsed.data;
  }

  async function toUpstreamError<T>(res: Response, req: CppRequest<T>): Promise<ApiError> {
    const message = await upstreamMessage(res);
    const retryAfter = parseRetryAfter(res.headers.get("Retry-After"));
    switch (true) {
      case res.status === 401:
        return new ApiError(
          502,
          "upstream_unauthorized",
          `The Cloud Partner Portal rejected the dashboard's token twice (${req.subject}): check the app registration and CPP_SCOPE.`,
          undefined,
          { cause: `scope ${env.CPP_SCOPE} at ${host}` },
        );
      case res.status === 403:
        return new ApiError(
          403,
          "upstream_forbidden",
          req.publisherId
            ? `No publisher '${req.publisherId}' is visible to the dashboard's service principal: check the publisher id, or add the service principal as a user of that publisher in the Cloud Partner Portal (Users → Add user → Service principal).`
            : `The Cloud Partner Portal refused access (${req.subject}).`,
        );
      case res.status === 404:
        return new ApiError(404, "not_found", message ?? `The Cloud Partner Portal has no ${req.subject}.`);
      case res.status === 429:
        return new ApiError(
          503,
          "upstream_throttled",
          `The Cloud Partner Portal is throttling requests; try again${retryAfter !== undefined ? ` in ${retryAfter} s` : " shortly"}.`,
          retryAfter ?? 30,
        );
      case res.status === 503:
        return new ApiError(
          503,
          "upstream_unavailable",
          `The Cloud Partner Portal is unavailable right now (${req.subject}); try again${retryAfter !== undefined ? ` in ${retryAfter} s` : " shortly"}.`,
          retryAfter ?? 30,
        );
      case res.status === 504:
        return new ApiError(504, "upstream_timeout", `The Cloud Partner Portal timed out (${req.subject}).`);
      case res.status >= 500:
        return new ApiError(
          502,
          "upstream_error",
          `The Cloud Partner Portal failed with HTTP ${res.status} (${req.subject}); try again shortly.`,
          retryAfter ?? 10,
        );
      case res.status >= 400:
        return new ApiError(
          res.status,
          res.status === 400 ? "upstream_bad_request" : "upstream_rejected",
          message ?? `The Cloud Partner Portal refused the request with HTTP ${res.status} (${req.subject}).`,
        );
      default:
        return new ApiError(
          502,
          "upstream_error",
          `The Cloud Partner Portal answered with an unexpected HTTP ${res.status} (${req.subject}).`,
        );
    }
  }

  return { request };
}
