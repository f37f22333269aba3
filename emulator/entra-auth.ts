import type { IncomingMessage } from "node:http";
import { verifyClientAssertion } from "./client-assertion";
import type { EmulatorState } from "./state";

/** Client authentication of the token endpoint: grant, client id, secret or assertion, scope. */

const JWT_BEARER = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
const OIDC_SCOPES = new Set(["openid", "profile", "offline_access", "email"]);

export interface TokenFailure {
  readonly status: number;
  readonly error: string;
  readonly code: number;
  readonly text: string;
}

export function invalidSecretText(clientId: string): string {
  return `Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${clientId}'.`;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text.replaceAll("+", " "));
  } catch {
    return text;
  }
}

function missing(name: string): TokenFailure {
  return {
    status: 400,
    error: "invalid_request",
    code: 900144,
    text: `The request body must contain the following parameter: '${name}'.`,
  };
}

/** Validates grant, client credentials and (client credentials) scope; null when the request may get a token. */
export function authenticate(
  state: EmulatorState,
  req: IncomingMessage,
  form: URLSearchParams,
  base: string,
  tenantId: string,
  v1: boolean,
): TokenFailure | null {
  const creds = state.credentials;
  const grant = form.get("grant_type");
  if (grant === null || grant === "") return missing("grant_type");
  // The authorization code grant (sign-in) exists on the v2 endpoint only; its code is checked by the caller.
  const isCodeGrant = grant === "authorization_code" && !v1;
  if (grant !== "client_credentials" && !isCodeGrant) {
    return {
      status: 400,
      error: "unsupported_grant_type",
      code: 70003,
      text: `The app requested an unsupported grant type '${grant}'.`,
    };
  }
  let clientId = form.get("client_id");
  let secret = form.get("client_secret");
  const basic = req.headers.authorization;
  if (basic?.toLowerCase().startsWith("basic ")) {
    const decoded = Buffer.from(basic.slice(6).trim(), "base64").toString("utf8");
    const colon = decoded.indexOf(":");
    if (colon > 0) {
      clientId ??= safeDecode(decoded.slice(0, colon));
      secret ??= safeDecode(decoded.slice(colon + 1));
    }
  }
  if (clientId === null || clientId === "") return missing("client_id");
  const isSecretClient = clientId.toLowerCase() === creds.clientId.toLowerCase();
  const isCertClient = clientId.toLowerCase() === creds.certificateClientId.toLowerCase();
  if (!isSecretClient && !isCertClient) {
    return {
      status: 401,
      error: "invalid_client",
      code: 700016,
      text: `Application with identifier '${clientId}' was not found in the directory '${tenantId}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.`,
    };
  }
  const assertion = form.get("client_assertion");
  if (assertion !== null) {
    if (form.get("client_assertion_type") !== JWT_BEARER) {
      return {
        status: 400,
        error: "invalid_request",
        code: 700023,
        text: "Invalid client_assertion_type. Expected 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer'.",
      };
    }
    if (!isCertClient) {
      return {
        status: 401,
        error: "invalid_client",
        code: 700027,
        text: "The certificate with identifier used to sign the client assertion is not registered on application.",
      };
    }
    const check = verifyClientAssertion(assertion, {
      clientId: creds.certificateClientId,
      publicKey: state.certs.clientPublicKey,
      thumbprintSha256: state.certs.clientThumbprintSha256,
      audiences: [
        `${base}/${tenantId}/oauth2/v2.0/token`,
        `${state.url}/${tenantId}/oauth2/v2.0/token`,
        `${base}/${tenantId}/oauth2/token`,
        `${base}/${tenantId}/v2.0`,
        `${state.url}/${tenantId}/v2.0`,
      ],
      nowSeconds: Math.floor(Date.now() / 1000),
    });
    if (!check.ok) return { status: 401, error: "invalid_client", code: check.code, text: check.text };
  } else if (secret !== null && secret !== "") {
    if (!isSecretClient || secret !== creds.clientSecret) {
      return { status: 401, error: "invalid_client", code: 7000215, text: invalidSecretText(clientId) };
    }
  } else {
    return {
      status: 401,
      error: "invalid_client",
      code: 7000218,
      text: "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.",
    };
  }
  if (isCodeGrant) return null;
  return v1 ? checkResource(form, tenantId) : checkScope(form, [creds.scope, creds.graphScope]);
}

/** The API a client-credentials token is for: the Cloud Partner Portal, or Microsoft Graph (Product Ingestion). */
export type TokenAudience = "cpp" | "graph";

const RESOURCES: Readonly<Record<string, TokenAudience>> = {
  "https://cloudpartner.azure.com": "cpp",
  "https://graph.microsoft.com": "graph",
};

/** The audience of an authenticated token request (its scope, or its v1 resource). */
export function audienceOf(form: URLSearchParams, v1: boolean): TokenAudience {
  const resource = v1 ? (form.get("resource") ?? "") : (form.get("scope") ?? "").replace(/\/\.default\b/g, "");
  return Object.entries(RESOURCES).find(([url]) => resource.includes(url))?.[1] ?? "cpp";
}

function checkScope(form: URLSearchParams, accepted: readonly string[]): TokenFailure | null {
  const scope = form.get("scope");
  if (scope === null || scope.trim() === "") return missing("scope");
  const requested = scope.split(/\s+/).filter((s) => s !== "" && !OIDC_SCOPES.has(s));
  if (requested.length === 1 && accepted.includes(requested[0] ?? "")) return null;
  return {
    status: 400,
    error: "invalid_scope",
    code: 70011,
    text: `The provided request must include a 'scope' input parameter. The provided value for the input parameter 'scope' is not valid. The scope ${scope} is not valid.`,
  };
}

function checkResource(form: URLSearchParams, tenantId: string): TokenFailure | null {
  const resource = form.get("resource");
  if (resource === null || resource === "") return missing("resource");
  if (resource.replace(/\/+$/, "") in RESOURCES) return null;
  return {
    status: 400,
    error: "invalid_resource",
    code: 500011,
    text: `The resource principal named ${resource} was not found in the tenant named ${tenantId}. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You might have sent your authentication request to the wrong tenant.`,
  };
}
