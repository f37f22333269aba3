import { createHash, randomBytes, randomUUID, timingSafeEqual } from "node:crypto";
import type { TokenFailure } from "./entra-auth";
import { signJwt } from "./signing-key";
import type { EmulatorState } from "./state";
import { findDemoUser, type DemoUser } from "./users";

/**
 * Redemption of an authorization code at the token endpoint (grant_type=authorization_code,
 * after client authentication): the code must be known, unexpired and unused, issued to this
 * client for this redirect URI, and the PKCE code_verifier must hash (S256) to its challenge.
 * The answer carries a signed ID token (RS256, `kid`) with the demo user's claims.
 */

const ID_TOKEN_LIFETIME_S = 3600;

const invalidGrant = (code: number, text: string): TokenFailure => ({
  status: 400,
  error: "invalid_grant",
  code,
  text,
});

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** A stable pairwise subject per user and client, as Entra ID issues it. */
function pairwiseSubject(user: DemoUser, clientId: string): string {
  return createHash("sha256").update(`${user.oid}|${clientId.toLowerCase()}`).digest("base64url").slice(0, 43);
}

export type Redemption = { readonly failure: TokenFailure } | { readonly body: Record<string, unknown> };

export function redeemCode(state: EmulatorState, form: URLSearchParams, base: string, tenantId: string): Redemption {
  const code = form.get("code") ?? "";
  if (code === "") {
    return {
      failure: {
        status: 400,
        error: "invalid_request",
        code: 900144,
        text: "The request body must contain the following parameter: 'code'.",
      },
    };
  }
  const record = state.signIn.findCode(code);
  if (record === undefined)
    return { failure: invalidGrant(9002313, "Invalid request. Request is malformed or invalid.") };
  if (record.redeemed) {
    return {
      failure: invalidGrant(
        54005,
        "OAuth2 Authorization code was already redeemed, please retry with a new valid code or use an existing refresh token.",
      ),
    };
  }
  // Single use: any redemption attempt consumes the code, successful or not.
  record.redeemed = true;
  if (record.expiresAt <= Date.now()) {
    return {
      failure: invalidGrant(
        70008,
        "The provided authorization code or refresh token has expired due to inactivity. Send a new interactive authorization request for this user and resource.",
      ),
    };
  }
  const { request } = record;
  const clientId = form.get("client_id") ?? "";
  if (clientId.toLowerCase() !== request.clientId.toLowerCase()) {
    return {
      failure: invalidGrant(
        700005,
        "Provided Authorization Code is intended to use against other client, thus rejected.",
      ),
    };
  }
  if (form.get("redirect_uri") !== request.redirectUri) {
    return {
      failure: invalidGrant(
        500112,
        "The reply address does not match the reply address used in the authorization request for this code.",
      ),
    };
  }
  const verifier = form.get("code_verifier") ?? "";
  if (!/^[A-Za-z0-9._~-]{43,128}$/.test(verifier)) {
    return {
      failure: invalidGrant(
        50148,
        "The code_verifier is missing or malformed; it is required for a code issued with a code_challenge.",
      ),
    };
  }
  const challenge = createHash("sha256").update(verifier).digest("base64url");
  if (!sameText(challenge, request.codeChallenge)) {
    return {
      failure: invalidGrant(
        501481,
        "The Code_Verifier does not match the code_challenge supplied in the authorization request.",
      ),
    };
  }
  const user = findDemoUser(record.userKey);
  if (user === undefined) return { failure: invalidGrant(50034, "The user account does not exist in the directory.") };

  const now = Math.floor(Date.now() / 1000);
  const claims: Record<string, unknown> = {
    aud: request.clientId,
    iss: `${base}/${tenantId}/v2.0`,
    iat: now,
    nbf: now,
    exp: now + ID_TOKEN_LIFETIME_S,
    ...(request.nonce === null ? {} : { nonce: request.nonce }),
    name: user.name,
    oid: user.oid,
    preferred_username: user.username,
    email: user.username,
    // Entra ID leaves the claim out when the user has no app role assignment.
    ...(user.roles.length > 0 ? { roles: [...user.roles] } : {}),
    sid: randomUUID(),
    sub: pairwiseSubject(user, request.clientId),
    tid: tenantId,
    uti: randomBytes(16).toString("base64url"),
    ver: "2.0",
  };
  const scopes = request.scope.split(/\s+/).filter((s) => s !== "");
  const clientInfo = Buffer.from(JSON.stringify({ uid: user.oid, utid: tenantId })).toString("base64url");
  return {
    body: {
      token_type: "Bearer",
      scope: scopes.filter((s) => s !== "openid" && s !== "offline_access").join(" ") || "openid profile email",
      expires_in: ID_TOKEN_LIFETIME_S,
      ext_expires_in: ID_TOKEN_LIFETIME_S,
      // An opaque user token for another resource: the CPP part of the emulator never accepts it.
      access_token: randomBytes(48).toString("base64url"),
      ...(scopes.includes("offline_access") ? { refresh_token: randomBytes(48).toString("base64url") } : {}),
      id_token: signJwt(state.signingKey, claims),
      client_info: clientInfo,
    },
  };
}
