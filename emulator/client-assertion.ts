import { constants, verify, type KeyObject } from "node:crypto";

/** Verification of private_key_jwt client assertions (RFC 7523) signed with RS256 or PS256. */

export type AssertionCheck =
  { readonly ok: true } | { readonly ok: false; readonly code: number; readonly text: string };

interface AssertionExpectations {
  readonly clientId: string;
  readonly publicKey: KeyObject;
  readonly thumbprintSha256: string;
  /** Accepted audiences: the token endpoint and the tenant issuer (as the client may spell them). */
  readonly audiences: readonly string[];
  readonly nowSeconds: number;
}

function decodeJson(segment: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(segment, "base64url").toString("utf8"));
    return typeof value === "object" && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

const normalize = (url: string): string => url.replace(/\/+$/, "").toLowerCase();

const fail = (code: number, text: string): AssertionCheck => ({ ok: false, code, text });

export function verifyClientAssertion(jwt: string, expect: AssertionExpectations): AssertionCheck {
  const parts = jwt.split(".");
  const [head, body, signature] = parts;
  if (parts.length !== 3 || head === undefined || body === undefined || signature === undefined) {
    return fail(50027, "JWT token is invalid or malformed.");
  }
  const header = decodeJson(head);
  const claims = decodeJson(body);
  if (header === null || claims === null) return fail(50027, "JWT token is invalid or malformed.");

  const x5t256 = header["x5t#S256"];
  if (typeof x5t256 === "string") {
    const hex = Buffer.from(x5t256, "base64url").toString("hex").toUpperCase();
    if (hex !== expect.thumbprintSha256) {
      return fail(
        700027,
        `The certificate with identifier used to sign the client assertion is not registered on application. [Reason - The key was not found., Thumbprint of key used by client: '${hex}']`,
      );
    }
  }
  const data = Buffer.from(`${head}.${body}`);
  const sig = Buffer.from(signature, "base64url");
  let valid = false;
  try {
    if (header.alg === "RS256") {
      valid = verify("sha256", data, { key: expect.publicKey, padding: constants.RSA_PKCS1_PADDING }, sig);
    } else if (header.alg === "PS256") {
      valid = verify(
        "sha256",
        data,
        { key: expect.publicKey, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: constants.RSA_PSS_SALTLEN_AUTO },
        sig,
      );
    } else {
      return fail(5002738, `Invalid JWT token. '${String(header.alg)}' is not a supported signature algorithm.`);
    }
  } catch {
    valid = false;
  }
  if (!valid) return fail(700027, "Client assertion failed signature validation.");

  if (claims.iss !== expect.clientId || claims.sub !== expect.clientId) {
    return fail(700021, "Client assertion application identifier doesn't match 'client_id' parameter.");
  }
  const audiences = (Array.isArray(claims.aud) ? claims.aud : [claims.aud]).filter((a) => typeof a === "string");
  const accepted = new Set(expect.audiences.map(normalize));
  if (!audiences.some((a) => accepted.has(normalize(a)))) {
    return fail(700212, `The audience of the client assertion is invalid. Expected '${expect.audiences[0] ?? ""}'.`);
  }
  if (typeof claims.exp !== "number" || claims.exp <= expect.nowSeconds) {
    return fail(700024, "Client assertion is not within its valid time range.");
  }
  if (typeof claims.nbf === "number" && claims.nbf > expect.nowSeconds + 300) {
    return fail(700024, "Client assertion is not within its valid time range.");
  }
  return { ok: true };
}
