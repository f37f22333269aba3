import "server-only";

import type { z } from "zod";

import { ApiError } from "../errors";
import type { TokenProvider } from "../token";

/**
 * The HTTP half of an upstream adapter, shared by every upstream: URL, version query, bearer,
 * timeout, bounded retries, and the mapping of every upstream failure onto our error codes.
 * Never caches (Next's fetch cache included): caching is the coalescer's job, with its own TTLs.
 */
export interface UpstreamResponse<T> {
  status: number;
  headers: Headers;
  body: T;
}

export interface UpstreamRequest<T> {
  method?: "GET" | "POST";
  /** Relative to the base URL; or an absolute URL on the base's origin (a `@nextLink`). */
  path: string;
  /** Extra query parameters (the version parameter is always set). */
  query?: Readonly<Record<string, string>>;
  /** A POST's JSON body; `{}` when not given. */
  body?: unknown;
  schema?: z.ZodType<T>;
  /** For messages: what the request was about ("publisher 'contoso'"). */
  subject: string;
  /** A 403 on a publisher path means the service principal lacks access to it. */
  publisherId?: string;
  /** Without a schema: the body as text (undefined when empty), instead of discarding it. */
  readBody?: boolean;
}

export interface UpstreamClient {
  request<T>(req: UpstreamRequest<T>): Promise<UpstreamResponse<T>>;
}

/** What differs between upstreams: where, which version, their name and their words. */
export interface UpstreamHttpOptions {
  /** For messages: "The Cloud Partner Portal", "Partner Center". */
  name: string;
  baseUrl: string;
  /** The query parameter every call carries, e.g. ["api-version", "2017-10-31"]. */
  version: readonly [name: string, value: string];
  timeoutMs: number;
  maxRetries: number;
  maxRetryDelayMs: number;
  /** The token's scope and the variable that sets it, named in a 401's message. */
  scope: string;
  scopeVariable: string;
  /** The message of a 403 on a publisher path. */
  forbidden(publisherId: string): string;
  /** The upstream's own message in an error body, if it sent a readable one. */
  errorMessage(json: unknown): string | null;
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

async function upstreamMessage(res: Response, read: (json: unknown) => string | null): Promise<string | null> {
  try {
    const text = await res.text();
    const message = read(JSON.parse(text));
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

export function createUpstreamClient(
  options: UpstreamHttpOptions,
  tokens: TokenProvider,
  fetchImpl: typeof fetch = fetch,
): UpstreamClient {
  const { name, baseUrl: base } = options;
  const origin = new URL(base).origin;
  const host = new URL(base).host;

  async function request<T>(req: UpstreamRequest<T>): Promise<UpstreamResponse<T>> {
    const method = req.method ?? "GET";
    const url = new URL(req.path, `${base}/`);
    // The token goes to the configured upstream only, whatever a link in a body says.
    if (url.origin !== origin) {
      throw new ApiError(
        502,
        "upstream_contract",
        `${name} answered with a link to another host (${req.subject}).`,
        undefined,
        { cause: `link to ${url.host}, expected ${host}` },
      );
    }
    for (const [key, value] of Object.entries(req.query ?? {})) url.searchParams.set(key, value);
    url.searchParams.set(options.version[0], options.version[1]);
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
        options.timeoutMs,
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
            body: method === "POST" ? JSON.stringify(req.body ?? {}) : undefined,
            cache: "no-store",
            redirect: "manual",
            signal: deadline.signal,
          });
        } catch (error) {
          if (isTimeout(error)) {
            throw new ApiError(
              504,
              "upstream_timeout",
              `${name} did not answer within ${options.timeoutMs} ms (${req.subject}).`,
              undefined,
            );
          }
          if (method === "GET" && attempt < options.maxRetries) {
            attempt++;
            await sleep(backoff(attempt));
            continue;
          }
          // The address and the cause go to the server log (through the cause), never to the browser.
          throw new ApiError(502, "upstream_unreachable", `${name} could not be reached.`, undefined, {
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

        if (retryable(res.status) && attempt < options.maxRetries) {
          const retryAfter = parseRetryAfter(res.headers.get("Retry-After"));
          const delay = retryAfter !== undefined ? retryAfter * 1000 : backoff(attempt + 1);
          if (delay <= options.maxRetryDelayMs) {
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

  const backoff = (attempt: number) => backoffDelay(attempt, options.maxRetryDelayMs);

  async function parseBody<T>(res: Response, req: UpstreamRequest<T>): Promise<T> {
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
        `${name} answered with a body that is not JSON (${req.subject}).`,
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
        `${name} answered in an unexpected shape at ${where} (${req.subject}).`,
        undefined,
        { cause: issue?.message },
      );
    }
    return parsed.data;
  }

  async function toUpstreamError<T>(res: Response, req: UpstreamRequest<T>): Promise<ApiError> {
    const message = await upstreamMessage(res, options.errorMessage);
    const retryAfter = parseRetryAfter(res.headers.get("Retry-After"));
    switch (true) {
      case res.status === 401:
        return new ApiError(
          502,
          "upstream_unauthorized",
          `${name} rejected the dashboard's token twice (${req.subject}): check the app registration and ${options.scopeVariable}.`,
          undefined,
          { cause: `scope ${options.scope} at ${host}` },
        );
      case res.status === 403:
        return new ApiError(
          403,
          "upstream_forbidden",
          req.publisherId ? options.forbidden(req.publisherId) : `${name} refused access (${req.subject}).`,
        );
      case res.status === 404:
        return new ApiError(404, "not_found", message ?? `${name} has no ${req.subject}.`);
      case res.status === 429:
        return new ApiError(
          503,
          "upstream_throttled",
          `${name} is throttling requests; try again${retryAfter !== undefined ? ` in ${retryAfter} s` : " shortly"}.`,
          retryAfter ?? 30,
        );
      case res.status === 503:
        return new ApiError(
          503,
          "upstream_unavailable",
          `${name} is unavailable right now (${req.subject}); try again${retryAfter !== undefined ? ` in ${retryAfter} s` : " shortly"}.`,
          retryAfter ?? 30,
        );
      case res.status === 504:
        return new ApiError(504, "upstream_timeout", `${name} timed out (${req.subject}).`);
      case res.status >= 500:
        return new ApiError(
          502,
          "upstream_error",
          `${name} failed with HTTP ${res.status} (${req.subject}); try again shortly.`,
          retryAfter ?? 10,
        );
      case res.status >= 400:
        return new ApiError(
          res.status,
          res.status === 400 ? "upstream_bad_request" : "upstream_rejected",
          message ?? `${name} refused the request with HTTP ${res.status} (${req.subject}).`,
        );
      default:
        return new ApiError(
          502,
          "upstream_error",
          `${name} answered with an unexpected HTTP ${res.status} (${req.subject}).`,
        );
    }
  }

  return { request };
}
