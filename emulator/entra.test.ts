import { constants, createPrivateKey, generateKeyPairSync, randomUUID, sign, type KeyObject } from "node:crypto";
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startTestEmulator, type EmulatorClient } from "./test-client";

interface EntraError {
  error: string;
  error_description: string;
  error_codes: number[];
  timestamp: string;
  trace_id: string;
  correlation_id: string;
}

let client: EmulatorClient;

beforeAll(async () => {
  client = await startTestEmulator();
});
afterAll(async () => {
  await client.close();
});
beforeEach(async () => {
  await client.reset();
});

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");

function assertion(
  key: KeyObject,
  alg: "RS256" | "PS256",
  claims: Record<string, unknown>,
  header: Record<string, unknown> = {},
) {
  const head = `${b64({ alg, typ: "JWT", ...header })}.${b64(claims)}`;
  const signature =
    alg === "RS256"
      ? sign("sha256", Buffer.from(head), key)
      : sign("sha256", Buffer.from(head), { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 });
  return `${head}.${signature.toString("base64url")}`;
}

function clientKey(): KeyObject {
  return createPrivateKey(readFileSync(client.emulator.credentials.clientCertificatePath, "utf8"));
}

function claims(overrides: Record<string, unknown> = {}) {
  const { url, credentials } = client.emulator;
  const now = Math.floor(Date.now() / 1000);
  return {
    aud: `${url}/${credentials.tenantId}/oauth2/v2.0/token`,
    iss: credentials.certificateClientId,
    sub: credentials.certificateClientId,
    jti: randomUUID(),
    nbf: now,
    exp: now + 600,
    ...overrides,
  };
}

function assertionRequest(jwt: string, clientId: string = client.emulator.credentials.certificateClientId) {
  return client.tokenRequest({
    grant_type: "client_credentials",
    client_id: clientId,
    client_assertion_type: "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
    client_assertion: jwt,
    scope: client.emulator.credentials.scope,
  });
}

function secretRequest(overrides: Record<string, string> = {}) {
  const { clientId, clientSecret, scope } = client.emulator.credentials;
  return client.tokenRequest({
    grant_type: "client_credentials",
    client_id: clientId,
    client_secret: clientSecret,
    scope,
    ...overrides,
  });
}

describe("discovery", () => {
  it("serves the OpenID configuration of the tenant", async () => {
    const { url, credentials } = client.emulator;
    const res = await client.request("GET", `/${credentials.tenantId}/v2.0/.well-known/openid-configuration`);
    expect(res.status).toBe(200);
    const doc = res.json<Record<string, unknown>>();
    const root = `${url}/${credentials.tenantId}`;
    expect(doc).toMatchObject({
      issuer: `${root}/v2.0`,
      authorization_endpoint: `${root}/oauth2/v2.0/authorize`,
      token_endpoint: `${root}/oauth2/v2.0/token`,
      end_session_endpoint: `${root}/oauth2/v2.0/logout`,
      jwks_uri: `${root}/discovery/v2.0/keys`,
      tenant_region_scope: null,
      cloud_instance_name: "microsoftonline.com",
    });
    expect(doc.token_endpoint_auth_methods_supported).toEqual(
      expect.arrayContaining(["client_secret_post", "private_key_jwt"]),
    );
    for (const key of [
      "response_types_supported",
      "subject_types_supported",
      "id_token_signing_alg_values_supported",
      "scopes_supported",
    ]) {
      expect(Array.isArray(doc[key])).toBe(true);
    }
    const keys = await client.request("GET", `/${credentials.tenantId}/discovery/v2.0/keys`);
    expect(keys.json()).toEqual({ keys: [expect.objectContaining({ kty: "RSA", use: "sig", alg: "RS256" })] });
  });

  it("answers instance discovery", async () => {
    const host = new URL(client.emulator.url).host;
    const res = await client.request("GET", "/common/discovery/instance?api-version=1.1");
    expect(res.status).toBe(200);
    expect(res.json()).toMatchObject({
      "api-version": "1.1",
      tenant_discovery_endpoint: expect.stringContaining("/v2.0/.well-known/openid-configuration"),
      metadata: [{ preferred_network: host, preferred_cache: host, aliases: [host] }],
    });
  });

  it("rejects an unknown tenant with AADSTS90002", async () => {
    const res = await client.request("GET", "/not-a-tenant/v2.0/.well-known/openid-configuration");
    expect(res.status).toBe(400);
    const body = res.json<EntraError>();
    expect(body.error).toBe("invalid_request");
    expect(body.error_description).toMatch(/^AADSTS90002: Tenant 'not-a-tenant' not found\./);
    const token = await client.tokenRequest({ grant_type: "client_credentials" }, "other-tenant");
    expect(token.status).toBe(400);
    expect(token.json<EntraError>().error_codes).toEqual([90002]);
  });
});

describe("token endpoint", () => {
  it("issues a bearer token for the client secret", async () => {
    const res = await secretRequest();
    expect(res.status).toBe(200);
    expect(res.headers["cache-control"]).toContain("no-store");
    expect(res.headers["content-type"]).toBe("application/json; charset=utf-8");
    const body = res.json<Record<string, unknown>>();
    expect(body).toEqual({
      token_type: "Bearer",
      expires_in: 3600,
      ext_expires_in: 3600,
      access_token: expect.any(String),
    });
  });

  it("answers a wrong secret with 401 invalid_client in Entra's shape", async () => {
    const res = await secretRequest({ client_secret: "wrong" });
    expect(res.status).toBe(401);
    const body = res.json<EntraError>();
    expect(body.error).toBe("invalid_client");
    expect(body.error_codes).toEqual([7000215]);
    expect(body.error_description).toMatch(/^AADSTS7000215: Invalid client secret provided\./);
    expect(body.error_description).toMatch(/\r\nTrace ID: [0-9a-f-]{36}\r\nCorrelation ID: [0-9a-f-]+\r\nTimestamp: /);
    expect(body.trace_id).toMatch(/^[0-9a-f-]{36}$/);
    expect(body.correlation_id).toBeTruthy();
    expect(body.timestamp).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ$/);
  });

  it("answers an unknown client id with AADSTS700016", async () => {
    const res = await secretRequest({ client_id: "11111111-2222-3333-4444-555555555555" });
    expect(res.status).toBe(401);
    const body = res.json<EntraError>();
    expect(body.error).toBe("invalid_client");
    expect(body.error_description).toMatch(
      /^AADSTS700016: Application with identifier '11111111-2222-3333-4444-555555555555' was not found/,
    );
  });

  it("rejects a bad scope, a missing scope and an unsupported grant", async () => {
    const bad = await secretRequest({ scope: "https://management.azure.com/.default" });
    expect(bad.status).toBe(400);
    // Microsoft Graph's scope is the Product Ingestion API's (UPSTREAM=partner-center).
    expect((await secretRequest({ scope: "https://graph.microsoft.com/.default" })).status).toBe(200);
    expect(bad.json<EntraError>()).toMatchObject({ error: "invalid_scope", error_codes: [70011] });
    const missing = await secretRequest({ scope: "" });
    expect(missing.json<EntraError>()).toMatchObject({ error: "invalid_request", error_codes: [900144] });
    const grant = await secretRequest({ grant_type: "password" });
    expect(grant.status).toBe(400);
    expect(grant.json<EntraError>().error).toBe("unsupported_grant_type");
  });

  it("accepts client assertions signed with the client certificate (RS256 and PS256)", async () => {
    const key = clientKey();
    const thumb = Buffer.from(client.emulator.credentials.clientCertificateThumbprintSha256, "hex").toString(
      "base64url",
    );
    for (const alg of ["RS256", "PS256"] as const) {
      const res = await assertionRequest(assertion(key, alg, claims(), { "x5t#S256": thumb }));
      expect(res.status, res.text).toBe(200);
      expect(res.json<{ access_token: string }>().access_token.length).toBeGreaterThan(20);
    }
    const issuerAudience = claims({ aud: `${client.emulator.url}/${client.emulator.credentials.tenantId}/v2.0` });
    expect((await assertionRequest(assertion(key, "RS256", issuerAudience))).status).toBe(200);
  });

  it("rejects forged, expired, mis-addressed and misattributed assertions", async () => {
    const { privateKey: forger } = generateKeyPairSync("rsa", { modulusLength: 2048 });
    const forged = await assertionRequest(assertion(forger, "RS256", claims()));
    expect(forged.status).toBe(401);
    expect(forged.json<EntraError>()).toMatchObject({ error: "invalid_client", error_codes: [700027] });

    const key = clientKey();
    const expired = await assertionRequest(
      assertion(key, "RS256", claims({ exp: Math.floor(Date.now() / 1000) - 10 })),
    );
    expect(expired.json<EntraError>()).toMatchObject({ error: "invalid_client", error_codes: [700024] });
    const wrongAudience = await assertionRequest(assertion(key, "RS256", claims({ aud: "https://example.com/token" })));
    expect(wrongAudience.status).toBe(401);
    const wrongIssuer = await assertionRequest(assertion(key, "RS256", claims({ iss: "someone-else" })));
    expect(wrongIssuer.status).toBe(401);
    const secretClient = await assertionRequest(
      assertion(key, "RS256", claims()),
      client.emulator.credentials.clientId,
    );
    expect(secretClient.status).toBe(401);
    const garbage = await assertionRequest("not.a.jwt");
    expect(garbage.status).toBe(401);
  });

  it("counts every token request in stats, failed ones separately", async () => {
    await secretRequest();
    await secretRequest({ client_secret: "nope" });
    await client.tokenRequest({ grant_type: "client_credentials" }, "nobody");
    const stats = (await client.control("GET", "stats")).json<{ tokenRequests: number; tokenRequestsFailed: number }>();
    expect(stats.tokenRequests).toBe(3);
    expect(stats.tokenRequestsFailed).toBe(2);
  });

  it("honours the configured token lifetime and expires tokens in real time", async () => {
    await client.control("PUT", "config", { tokenLifetimeSeconds: 0 });
    const res = await secretRequest();
    expect(res.json<{ expires_in: number }>().expires_in).toBe(0);
    const token = res.json<{ access_token: string }>().access_token;
    const api = await client.request("GET", "/api/publishers?api-version=2017-10-31", {
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(api.status).toBe(401);
    expect(api.json()).toEqual({ error: { code: "Unauthorized", message: "The access token has expired." } });
    expect(api.headers["www-authenticate"]).toMatch(/^Bearer/);
  });
});
