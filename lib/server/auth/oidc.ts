import "server-only";

import { randomBytes, timingSafeEqual } from "node:crypto";

import { AuthError, ConfidentialClientApplication, CryptoProvider } from "@azure/msal-node";
import { createRemoteJWKSet, errors as joseErrors, jwtVerify, type JWTVerifyGetKey } from "jose";
import { z } from "zod";

import type { ServerEnv } from "@/lib/env";

import { credentialsFrom } from "../token";

/**
 * Sign-in with Entra ID: the authorization code flow with PKCE through MSAL (the same app
 * registration as the API access), and our own verification of the ID token with jose:
 * signature against the authority's published keys, issuer, audience, expiry and nonce.
 * MSAL decodes the ID token but does not check its signature, so its claims are not trusted
 * until jose has.
 */

/** Scopes of the sign-in: an ID token with the user's name, username and e-mail; no API access. */
const SIGN_IN_SCOPES = ["openid", "profile", "email"];
const METADATA_TTL_MS = 60 * 60_000;
const CLOCK_TOLERANCE_S = 120;

export type SignInFailureReason = "unavailable" | "token" | "id_token";

/** A sign-in that cannot go on; `reason` picks the words shown to the user, `detail` goes to the log. */
export class SignInError extends Error {
  override readonly name = "SignInError";
  constructor(
    readonly reason: SignInFailureReason,
    readonly detail: string,
    readonly idpCode?: string,
  ) {
    super(detail);
  }
}

const metadataSchema = z.object({
  issuer: z.string().url(),
  authorization_endpoint: z.string().url(),
  token_endpoint: z.string().url(),
  jwks_uri: z
    .string()
    .url()
    .refine((v) => v.startsWith("https://"), "jwks_uri must be https"),
  end_session_endpoint: z.string().url().optional(),
});
export type OidcMetadata = z.infer<typeof metadataSchema>;

type AuthEnv = ServerEnv;

export function redirectUri(env: Pick<ServerEnv, "APP_BASE_URL">): string {
  return `${env.APP_BASE_URL}/auth/callback`;
}

export function postLogoutRedirectUri(env: Pick<ServerEnv, "APP_BASE_URL">): string {
  return `${env.APP_BASE_URL}/auth/signed-out`;
}

interface Cached<T> {
  key: string;
  value: Promise<T>;
  at: number;
}

let metadataCache: Cached<OidcMetadata> | undefined;
let jwksCache: { uri: string; keys: JWTVerifyGetKey } | undefined;
let clientCache: { key: string; app: ConfidentialClientApplication } | undefined;

/** The authority's OpenID configuration (cached for an hour; a failure is not cached). */
export function getOidcMetadata(env: AuthEnv): Promise<OidcMetadata> {
  const url = `${env.AZURE_AUTHORITY_HOST}/${env.AZURE_TENANT_ID}/v2.0/.well-known/openid-configuration`;
  if (metadataCache && metadataCache.key === url && Date.now() - metadataCache.at < METADATA_TTL_MS) {
    return metadataCache.value;
  }
  const value = (async () => {
    let res: Response;
    try {
      res = await fetch(url, { signal: AbortSignal.timeout(env.TOKEN_TIMEOUT_MS), cache: "no-store" });
    } catch (error) {
      throw new SignInError("unavailable", `OpenID configuration at ${url} unreachable: ${String(error)}`);
    }
    if (!res.ok) throw new SignInError("unavailable", `OpenID configuration at ${url} answered ${res.status}`);
    const parsed = metadataSchema.safeParse(await res.json().catch(() => null));
    if (!parsed.success) {
      throw new SignInError(
        "unavailable",
        `OpenID configuration at ${url} is not usable: ${parsed.error.issues[0]?.message}`,
      );
    }
    return parsed.data;
  })();
  metadataCache = { key: url, value, at: Date.now() };
  value.catch(() => {
    if (metadataCache?.value === value) metadataCache = undefined;
  });
  return value;
}

function keySet(uri: string, env: AuthEnv): JWTVerifyGetKey {
  // jose caches the keys and refetches (at most every 30 s) when a token names an unknown kid.
  if (jwksCache?.uri !== uri) {
    jwksCache = { uri, keys: createRemoteJWKSet(new URL(uri), { timeoutDuration: env.TOKEN_TIMEOUT_MS }) };
  }
  return jwksCache.keys;
}

function signInClient(env: AuthEnv): ConfidentialClientApplication {
  const key = `${env.AZURE_AUTHORITY_HOST}|${env.AZURE_TENANT_ID}|${env.AZURE_CLIENT_ID}`;
  if (clientCache?.key !== key) {
    // A client of its own, apart from the client-credentials one: the user's tokens it caches
    // are removed right after each sign-in.
    const app = new ConfidentialClientApplication({
      auth: {
        clientId: env.AZURE_CLIENT_ID,
        authority: `${env.AZURE_AUTHORITY_HOST}/${env.AZURE_TENANT_ID}`,
        knownAuthorities: [new URL(env.AZURE_AUTHORITY_HOST).host],
        ...credentialsFrom(env),
      },
      system: { loggerOptions: { piiLoggingEnabled: false, logLevel: 0, loggerCallback: () => undefined } },
    });
    clientCache = { key, app };
  }
  return clientCache.app;
}

const crypto = new CryptoProvider();

export interface SignInStart {
  url: string;
  state: string;
  nonce: string;
  codeVerifier: string;
}

/** The authorization URL (PKCE S256, state and nonce) and the secrets to check on the way back. */
export async function startSignIn(env: AuthEnv): Promise<SignInStart> {
  const { verifier, challenge } = await crypto.generatePkceCodes();
  const state = randomBytes(32).toString("base64url");
  const nonce = randomBytes(32).toString("base64url");
  try {
    const url = await withTimeout(
      signInClient(env).getAuthCodeUrl({
        scopes: SIGN_IN_SCOPES,
        redirectUri: redirectUri(env),
        codeChallenge: challenge,
        codeChallengeMethod: "S256",
        state,
        nonce,
        prompt: "select_account",
      }),
      env,
    );
    return { url, state, nonce, codeVerifier: verifier };
  } catch (error) {
    throw asSignInError(error, "unavailable");
  }
}

export interface VerifiedIdentity {
  oid: string;
  name: string;
  username: string;
  roles: string[];
}

const idTokenClaimsSchema = z.object({
  oid: z.string().min(1).max(64),
  name: z.string().optional(),
  preferred_username: z.string().optional(),
  email: z.string().optional(),
  upn: z.string().optional(),
  roles: z.array(z.string()).optional(),
});

/** Redeems the code (with the PKCE verifier) and returns the identity of a verified ID token. */
export async function finishSignIn(
  env: AuthEnv,
  input: { code: string; state: string; nonce: string; codeVerifier: string },
): Promise<VerifiedIdentity> {
  const app = signInClient(env);
  let idToken: string;
  try {
    const result = await withTimeout(
      app.acquireTokenByCode(
        {
          code: input.code,
          scopes: SIGN_IN_SCOPES,
          redirectUri: redirectUri(env),
          codeVerifier: input.codeVerifier,
          state: input.state,
          nonce: input.nonce,
        },
        { code: input.code, state: input.state, nonce: input.nonce },
      ),
      env,
    );
    if (result.account) await app.getTokenCache().removeAccount(result.account);
    idToken = result.idToken;
  } catch (error) {
    throw asSignInError(error, "token");
  }
  if (!idToken) throw new SignInError("token", "The token endpoint answered no ID token.");
  return verifyIdToken(env, idToken, input.nonce);
}

/** Verifies an ID token with jose: RS256 signature against jwks_uri, issuer, audience, expiry, nonce. */
export async function verifyIdToken(env: AuthEnv, idToken: string, expectedNonce: string): Promise<VerifiedIdentity> {
  const metadata = await getOidcMetadata(env);
  let payload: Record<string, unknown>;
  try {
    ({ payload } = await jwtVerify(idToken, keySet(metadata.jwks_uri, env), {
      issuer: metadata.issuer,
      audience: env.AZURE_CLIENT_ID,
      algorithms: ["RS256"],
      requiredClaims: ["exp", "iat", "nonce"],
      clockTolerance: CLOCK_TOLERANCE_S,
    }));
  } catch (error) {
    const what = error instanceof joseErrors.JOSEError ? `${error.code}: ${error.message}` : String(error);
    throw new SignInError("id_token", `The ID token failed verification (${what}).`);
  }
  if (typeof payload.nonce !== "string" || !sameText(payload.nonce, expectedNonce)) {
    throw new SignInError("id_token", "The ID token's nonce does not match this sign-in.");
  }
  const claims = idTokenClaimsSchema.safeParse(payload);
  if (!claims.success) {
    throw new SignInError("id_token", `The ID token lacks a usable claim: ${claims.error.issues[0]?.path.join(".")}.`);
  }
  const c = claims.data;
  return {
    oid: c.oid,
    name: c.name ?? c.preferred_username ?? "",
    username: c.preferred_username ?? c.email ?? c.upn ?? "",
    roles: c.roles ?? [],
  };
}

/** The end-session address that brings the browser back to /auth/signed-out. */
export async function endSessionUrl(env: AuthEnv): Promise<string> {
  const fallback = postLogoutRedirectUri(env);
  try {
    const metadata = await getOidcMetadata(env);
    if (!metadata.end_session_endpoint) return fallback;
    const url = new URL(metadata.end_session_endpoint);
    url.searchParams.set("post_logout_redirect_uri", fallback);
    url.searchParams.set("client_id", env.AZURE_CLIENT_ID);
    return url.toString();
  } catch {
    // The dashboard's own session is gone either way; say so rather than fail.
    return fallback;
  }
}

export function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function asSignInError(error: unknown, reason: SignInFailureReason): SignInError {
  if (error instanceof SignInError) return error;
  if (error instanceof AuthError) {
    const aadsts = /AADSTS\d+/.exec(error.errorMessage ?? "")?.[0];
    return new SignInError(reason, `${error.errorCode}: ${error.errorMessage}`, aadsts ?? error.errorCode);
  }
  return new SignInError(reason, error instanceof Error ? error.message : String(error));
}

async function withTimeout<T>(work: Promise<T>, env: Pick<ServerEnv, "TOKEN_TIMEOUT_MS">): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new SignInError("unavailable", `Entra ID did not answer within ${env.TOKEN_TIMEOUT_MS} ms.`)),
      env.TOKEN_TIMEOUT_MS,
    );
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
