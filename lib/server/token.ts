import "server-only";

import { readFileSync } from "node:fs";
import { X509Certificate, createPrivateKey } from "node:crypto";

import { AuthError, ConfidentialClientApplication, type Configuration } from "@azure/msal-node";

import { getEnv, type ServerEnv } from "@/lib/env";

import { ApiError } from "./errors";

/**
 * Bearer tokens for the Cloud Partner Portal, by client credentials through MSAL.
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

/** Describes an MSAL failure in words an operator can act on. */
export function describeTokenFailure(error: unknown, authorityHost: string): ApiError {
  const host = safeHost(authorityHost);
  if (error instanceof ApiError) return error;
  if (error instanceof AuthError) {
    const code = error.errorCode;
    const aadsts = /AADSTS\d+/.exec(error.errorMessage ?? "")?.[0];
    if (code === "invalid_client" || code === "unauthorized_client") {
      return new ApiError(
        502,
        "token_rejected",
        `The token endpoint at ${host} rejected the client credentials (${code}${aadsts ? `, ${aadsts}` : ""}): check AZURE_CLIENT_ID and AZURE_CLIENT_SECRET or the certificate.`,
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
        `The token endpoint at ${host} refused the request (${code}${aadsts ? `, ${aadsts}` : ""}): check AZURE_TENANT_ID and CPP_SCOPE.`,
      );
    }
    return new ApiError(
      502,
      "token_unavailable",
      `No token could be obtained from ${host} (${code || "error"}): the token endpoint is unreachable or failing.`,
    );
  }
  return new ApiError(
    502,
    "token_unavailable",
    `No token could be obtained from ${host}: the token endpoint is unreachable or failing.`,
  );
}

function safeHost(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return "the authority host";
  }
}

export function createTokenProvider(env: ServerEnv = getEnv()): TokenProvider {
  const authorityUrl = new URL(env.AZURE_AUTHORITY_HOST);
  const app = new ConfidentialClientApplication({
    auth: {
      clientId: env.AZURE_CLIENT_ID,
      authority: `${env.AZURE_AUTHORITY_HOST}/${env.AZURE_TENANT_ID}`,
      // Trust the configured host as is: sovereign clouds and private authorities have no
      // entry in the public instance-discovery endpoint, and nothing should call it.
      knownAuthorities: [authorityUrl.host],
      ...credentialsFrom(env),
    },
    system: { loggerOptions: { piiLoggingEnabled: false, logLevel: 0, loggerCallback: () => undefined } },
  });

  const inFlight: { cached?: Promise<string>; fresh?: Promise<string> } = {};
  let held: { token: string; renewAt: number } | undefined;

  async function acquire(forceRefresh: boolean): Promise<string> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () =>
          reject(
            new ApiError(
              502,
              "token_timeout",
              `The token endpoint at ${authorityUrl.host} did not answer within ${env.TOKEN_TIMEOUT_MS} ms.`,
            ),
          ),
        env.TOKEN_TIMEOUT_MS,
      );
    });
    try {
      const result = await Promise.race([
        app.acquireTokenByClientCredential({ scopes: [env.CPP_SCOPE], skipCache: forceRefresh }),
        timeout,
      ]);
      if (!result?.accessToken)
        throw new ApiError(
          502,
          "token_unavailable",
          `The token endpoint at ${authorityUrl.host} returned no access token.`,
        );
      const renewAt = Math.min(
        (result.expiresOn?.getTime() ?? 0) - RENEWAL_MARGIN_MS,
        result.refreshOn?.getTime() ?? Number.POSITIVE_INFINITY,
      );
      // A refresh always wins; a cache read finishing late must not bring back an older token.
      if (forceRefresh || held === undefined || renewAt >= held.renewAt) held = { token: result.accessToken, renewAt };
      return result.accessToken;
    } catch (error) {
      throw describeTokenFailure(error, env.AZURE_AUTHORITY_HOST);
    } finally {
      clearTimeout(timer);
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
      const started = acquire(fresh).finally(() => {
        inFlight[slot] = undefined;
      });
      inFlight[slot] = started;
      return started;
    },
  };
}
