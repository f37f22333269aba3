import { createHash, generateKeyPairSync, sign, type KeyObject } from "node:crypto";

/**
 * The key the emulator signs ID tokens with (RS256), published as a JWK set at jwks_uri.
 * Generated once per emulator process and kept across control-API resets, so a reset never
 * invalidates a key a relying party has already cached.
 */
export interface PublicJwk {
  readonly kty: "RSA";
  readonly use: "sig";
  readonly alg: "RS256";
  readonly kid: string;
  readonly n: string;
  readonly e: string;
}

export interface SigningKey {
  readonly kid: string;
  readonly privateKey: KeyObject;
  readonly publicKey: KeyObject;
  readonly jwk: PublicJwk;
}

export function createSigningKey(): SigningKey {
  const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const exported = publicKey.export({ format: "jwk" });
  const n = String(exported.n);
  const e = String(exported.e);
  // RFC 7638 thumbprint: the members in lexicographic order, no whitespace.
  const kid = createHash("sha256")
    .update(JSON.stringify({ e, kty: "RSA", n }))
    .digest("base64url");
  return { kid, privateKey, publicKey, jwk: { kty: "RSA", use: "sig", alg: "RS256", kid, n, e } };
}

const b64 = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString("base64url");

/** A compact JWS (RS256) with `kid` in its header. */
export function signJwt(key: SigningKey, claims: Record<string, unknown>): string {
  const head = `${b64({ typ: "JWT", alg: "RS256", kid: key.kid })}.${b64(claims)}`;
  return `${head}.${sign("sha256", Buffer.from(head), key.privateKey).toString("base64url")}`;
}
