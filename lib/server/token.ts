import "server-only";

import { readFileSync } from "node:fs";
import { X509Certificate, createPrivateKey } from "node:crypto";

import {
  AuthError,
  ConfidentialClientApplication,
  type Configuration,
  type INetworkModule,
  type NetworkRequestOptions,
} from "@azure/msal-node";

import { getEnv, upstreamScope, type ServerEnv } from "@/lib/env";

import { ApiError, logServerError } from "./errors";

/**
 * Bearer tokens for the configured upstream (its scope by UPSTREAM), by client credentials through MSAL.
 *
 * One ConfidentialClientApplication per process keeps MSAL's token cache warm. MSAL does not
 * coalesce concurrent cold calls (three parallel calls make three token requests), so every
 * caller shares the one acquisition in flight: a burst at start-up or at expiry costs the
 * token endpoint one request.
 *
 * The token in hand is reused until MSAL itself would renew it (5 minutes before expiry, or
 * at its refresh time): asking MSAL's cache costs about 0.1–0.3 ms of CPU per upstream call,
 * which the benchmark's cache-miss figure shows (bench/proxy.ts).
 */
export interface TokenProvider {
  /**
   * `forceRefresh` with `rejected` (the token the upstream just refused): a fresh token,
   * unless another caller has already replaced that one, so a burst of 401s after a
   * revocation costs the token endpoint one request.
   */
  getToken(options?: { forceRefresh?: boolean; rejected?: string }): Promise<string>;
}

/** MSAL's own margin: a token within 5 minutes of its expiry is renewed. */
const RENEWAL_MARGIN_MS = 5 * 60_000;

export function credentialsFrom(env: ServerEnv): Pick<Configuration["auth"], "clientSecret" | "clientCertificate"> {
  const secret = env.AZURE_CLIENT_SECRET?.trim();
  if (secret) return { clientSecret: secret };
  const path = env.AZURE_CLIENT_CERTIFICATE_PATH;
  if (!path)
    throw new ApiError(500, "configuration", "AZURE_CLIENT_SECRET or AZURE_CLIENT_CERTIFICATE_PATH must be set.");
  let pem: string;
  try {
    pem = readFileSync(path, "utf8");
  } catch {
    throw new ApiError(500, "configuration", `AZURE_CLIENT_CERTIFICATE_PATH (${path}) cannot be read.`);
  }
  const certPem = pem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/)?.[0];
  if (!certPem) throw new ApiError(500, "configuration", "AZURE_CLIENT_CERTIFICATE_PATH holds no certificate.");
  let privateKey: string;
  try {
    privateKey = createPrivateKey(pem).export({ format: "pem", type: "pkcs8" }).toString();
  } catch {
    throw new ApiError(500, "configuration", "AZURE_CLIENT_CERTIFICATE_PATH holds no readable private key.");
  }
  const cert = new X509Certificate(certPem);
  return {
    clientCertificate: {
      thumbprintSha256: cert.fingerprint256.replace(/:/g, ""),
      privateKey,
      x5c: certPem,
    },
  };
}

/**
 * Describes an MSAL failure in words an operator can act on. The browser sees the words and
 * the code ("Entra ID", never the authority's address, tenant or scope); the address and the
 * cause go to the server log through the error's cause.
 */
export function describeTokenFailure(error: unknown, authorityHost: string, scopeVariable = "CPP_SCOPE"): ApiError {
  const host = safeHost(authorityHost);
  if (error instanceof ApiError) return error;
  const cause = `${host}: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`;
  if (error instanceof AuthError) {
    const code = error.errorCode;
    const aadsts = /AADSTS\d+/.exec(error.errorMessage ?? "")?.[0];
    if (code === "invalid_client" || code === "unauthorized_client") {
      return new ApiError(
        502,
        "token_rejected",
        `Entra ID rejected the dashboard's client credentials (${code}${aadsts ? `, ${aadsts}` : ""}): check AZURE_CLIENT_ID and AZURE_CLIENT_SECRET or the certificate.`,
        undefined,
        { cause },
      );
    }
    if (
      code === "invalid_request" ||
      code === "invalid_scope" ||
      code === "unsupported_grant_type" ||
      code === "invalid_grant"
    ) {
      return new ApiError(
        502,
        "token_rejected",
        `Entra ID refused the dashboard's token request (${code}${aadsts ? `, ${aadsts}` : ""}): check AZURE_TENANT_ID and ${scopeVariable}.`,
        undefined,
        { cause },
      );
    }
    return new ApiError(
      502,
      "token_unavailable",
      `No token could be obtained from Entra ID (${code || "error"}): its token endpoint is unreachable or failing.`,
      undefined,
      { cause },
    );
  }
  return new ApiError(
    502,
    "token_unavailable",
    "No token could be obtained from Entra ID: its token endpoint is unreachable or failing.",
    undefined,
    { cause },
  );
}

function safeHost(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return "the authority host";
  }
}

/** A 429 or 5xx of the token endpoint, kept by our network module instead of MSAL's throttling cache. */
class TokenEndpointFailure extends Error {
  override readonly name = "TokenEndpointFailure";
  constructor(
    readonly status: number,
    readonly retryAfterMs: number | undefined,
  ) {
    super(`the token endpoint answered HTTP ${status}`);
  }
}

function retryAfterMs(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * MSAL's network module, on fetch, with one difference: a 429 or 5xx of the token endpoint is
 * thrown here, before MSAL sees it. MSAL would otherwise cache it in its throttling cache and
 * refuse to call the endpoint for 60 s, or for as long as Retry-After asks (up to an hour),
 * even after the endpoint is back: the dashboard's own policy decides instead (createTokenProvider).
 */
export function createTokenNetworkModule(onFailure: (failure: TokenEndpointFailure) => void): INetworkModule {
  async function send<T>(url: string, method: "GET" | "POST", options?: NetworkRequestOptions, timeout?: number) {
    const controller = new AbortController();
    const timer = timeout ? setTimeout(() => controller.abort(), timeout) : undefined;
    try {
      const res = await fetch(url, {
        method,
        headers: new Headers(options?.headers ?? {}),
        body: method === "POST" ? (options?.body ?? "") : undefined,
        signal: controller.signal,
        cache: "no-store",
      });
      if (res.status === 429 || res.status >= 500) {
        await res.body?.cancel();
        const failure = new TokenEndpointFailure(res.status, retryAfterMs(res.headers.get("Retry-After")));
        onFailure(failure);
        throw failure;
      }
      const headers: Record<string, string> = {};
      res.headers.forEach((value, key) => {
        headers[key] = value;
      });
      return { headers, body: (await res.json()) as T, status: res.status };
    } finally {
      clearTimeout(timer);
    }
  }
  return {
    sendGetRequestAsync: (url, options, timeout) => send(url, "GET", options, timeout),
    sendPostRequestAsync: (url, options) => send(url, "POST", options),
  };
}

export function createTokenProvider(env: ServerEnv = getEnv()): TokenProvider {
  const authorityUrl = new URL(env.AZURE_AUTHORITY_HOST);
  /** Until when a Retry-After of the token endpoint holds calls back (capped at CPP_MAX_RETRY_DELAY_MS). */
  let blockedUntil = 0;
  let lastFailure: TokenEndpointFailure | undefined;
  const app = new ConfidentialClientApplication({
    auth: {
      clientId: env.AZURE_CLIENT_ID,
      authority: `${env.AZURE_AUTHORITY_HOST}/${env.AZURE_TENANT_ID}`,
      // Trust the configured host as is: sovereign clouds and private authorities have no
      // entry in the public instance-discovery endpoint, and nothing should call it.
      knownAuthorities: [authorityUrl.host],
      ...credentialsFrom(env),
    },
    system: {
      loggerOptions: { piiLoggingEnabled: false, logLevel: 0, loggerCallback: () => undefined },
      networkClient: createTokenNetworkModule((failure) => {
        lastFailure = failure;
        const wait = Math.min(failure.retryAfterMs ?? 0, env.CPP_MAX_RETRY_DELAY_MS);
        blockedUntil = Math.max(blockedUntil, Date.now() + wait);
      }),
    },
  });

  const inFlight: { cached?: Promise<string>; fresh?: Promise<string> } = {};
  let held: { token: string; renewAt: number; expiresAt: number } | undefined;

  /** When the dashboard will call the token endpoint again, in whole seconds (at least 1). */
  const retryAfterSeconds = () => Math.max(1, Math.ceil((blockedUntil - Date.now()) / 1000));

  function endpointFailing(failure: TokenEndpointFailure): ApiError {
    return new ApiError(
      502,
      "token_unavailable",
      `No token could be obtained from Entra ID: its token endpoint answered HTTP ${failure.status}; the dashboard tries again in ${retryAfterSeconds()} s.`,
      retryAfterSeconds(),
      { cause: `${authorityUrl.host}: HTTP ${failure.status}` },
    );
  }

  async function acquire(forceRefresh: boolean): Promise<string> {
    if (Date.now() < blockedUntil && lastFailure) throw endpointFailing(lastFailure);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () =>
          reject(
            new ApiError(
              502,
              "token_timeout",
              `Entra ID's token endpoint did not answer within ${env.TOKEN_TIMEOUT_MS} ms.`,
              undefined,
              { cause: authorityUrl.host },
            ),
          ),
        env.TOKEN_TIMEOUT_MS,
      );
    });
    const failuresBefore = lastFailure;
    try {
      const result = await Promise.race([
        app.acquireTokenByClientCredential({ scopes: [upstreamScope(env).scope], skipCache: forceRefresh }),
        timeout,
      ]);
      if (!result?.accessToken)
        throw new ApiError(502, "token_unavailable", "Entra ID's token endpoint returned no access token.");
      const expiresAt = result.expiresOn?.getTime() ?? 0;
      const renewAt = Math.min(expiresAt - RENEWAL_MARGIN_MS, result.refreshOn?.getTime() ?? Number.POSITIVE_INFINITY);
      // A refresh always wins; a cache read finishing late must not bring back an older token.
      if (forceRefresh || held === undefined || renewAt >= held.renewAt)
        held = { token: result.accessToken, renewAt, expiresAt };
      return result.accessToken;
    } catch (error) {
      if (lastFailure !== failuresBefore && lastFailure) throw endpointFailing(lastFailure);
      throw describeTokenFailure(error, env.AZURE_AUTHORITY_HOST, upstreamScope(env).variable);
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * A proactive renewal (the token is still valid, only near its end) that fails keeps the
   * token in hand: it is never thrown away because the token endpoint had a bad moment.
   */
  async function renew(): Promise<string> {
    const before = held;
    try {
      return await acquire(false);
    } catch (error) {
      if (before && Date.now() < before.expiresAt - 30_000) {
        logServerError(error, { during: "token renewal; the current token is kept" });
        return before.token;
      }
      throw error;
    }
  }

  return {
    getToken({ forceRefresh = false, rejected } = {}) {
      // Another caller's refresh has already replaced the refused token: use the new one.
      const replaced = rejected !== undefined && held !== undefined && held.token !== rejected;
      const fresh = forceRefresh && !replaced;
      if (!fresh) {
        // A refresh is under way because the upstream refused the current token: wait for it.
        if (inFlight.fresh) return inFlight.fresh;
        if (held && Date.now() < held.renewAt) return Promise.resolve(held.token);
      }
      const slot = fresh ? "fresh" : "cached";
      const pending = inFlight[slot];
      if (pending) return pending;
      const started = (fresh ? acquire(true) : renew()).finally(() => {
        inFlight[slot] = undefined;
      });
      inFlight[slot] = started;
      return started;
    },
  };
}
