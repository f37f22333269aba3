import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { audienceOf, authenticate, invalidSecretText } from "./entra-auth";
import { redeemCode } from "./entra-code";
import { handleBrowserEntra } from "./entra-signin";
import { malformedBody } from "./faults";
import { BodyError, readBody, requestBaseUrl, send, sendJson, sleep, type ParsedUrl } from "./http";
import type { EmulatorState } from "./state";

/**
 * The Entra ID part: discovery documents, the signing keys, and the token endpoint (client
 * credentials, and the authorization code of a sign-in). The pages a browser opens
 * (authorize, logout) are in entra-signin.ts.
 */

const NO_STORE = { "Cache-Control": "no-store, no-cache", Pragma: "no-cache" } as const;

function entraTimestamp(date: Date): string {
  return `${date.toISOString().slice(0, 19).replace("T", " ")}Z`;
}

function sendEntraError(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  error: string,
  code: number,
  text: string,
  extraHeaders: Record<string, string> = {},
): void {
  const traceId = randomUUID();
  const header = req.headers["client-request-id"];
  const correlationId = typeof header === "string" && header.length <= 64 ? header : randomUUID();
  const timestamp = entraTimestamp(new Date());
  sendJson(
    res,
    status,
    {
      error,
      error_description: `AADSTS${code}: ${text}\r\nTrace ID: ${traceId}\r\nCorrelation ID: ${correlationId}\r\nTimestamp: ${timestamp}`,
      error_codes: [code],
      timestamp,
      trace_id: traceId,
      correlation_id: correlationId,
      error_uri: `https://login.microsoftonline.com/error?code=${code}`,
    },
    { ...NO_STORE, "client-request-id": correlationId, ...extraHeaders },
  );
}

function tenantNotFound(req: IncomingMessage, res: ServerResponse, tenant: string): void {
  sendEntraError(
    req,
    res,
    400,
    "invalid_request",
    90002,
    `Tenant '${tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud. Check with your subscription administrator, this may happen if there are no active subscriptions for the tenant.`,
  );
}

/** `browserBase`: where the browser-facing endpoints live (the plain-HTTP loopback listener, when on). */
function openIdConfiguration(base: string, tenant: string, browserBase: string) {
  const root = `${base}/${tenant}`;
  const browserRoot = `${browserBase}/${tenant}`;
  return {
    token_endpoint: `${root}/oauth2/v2.0/token`,
    token_endpoint_auth_methods_supported: ["client_secret_post", "private_key_jwt", "client_secret_basic"],
    jwks_uri: `${root}/discovery/v2.0/keys`,
    response_modes_supported: ["query", "fragment", "form_post"],
    subject_types_supported: ["pairwise"],
    id_token_signing_alg_values_supported: ["RS256"],
    response_types_supported: ["code", "id_token", "code id_token", "id_token token"],
    scopes_supported: ["openid", "profile", "email", "offline_access"],
    issuer: `${root}/v2.0`,
    request_uri_parameter_supported: false,
    userinfo_endpoint: `${base}/oidc/userinfo`,
    authorization_endpoint: `${browserRoot}/oauth2/v2.0/authorize`,
    device_authorization_endpoint: `${root}/oauth2/v2.0/devicecode`,
    http_logout_supported: true,
    frontchannel_logout_supported: true,
    end_session_endpoint: `${browserRoot}/oauth2/v2.0/logout`,
    claims_supported: [
      "sub",
      "iss",
      "aud",
      "exp",
      "iat",
      "auth_time",
      "nonce",
      "name",
      "tid",
      "oid",
      "ver",
      "preferred_username",
      "email",
      "roles",
    ],
    code_challenge_methods_supported: ["S256"],
    kerberos_endpoint: `${root}/kerberos`,
    tenant_region_scope: null,
    cloud_instance_name: "microsoftonline.com",
    cloud_graph_host_name: "graph.windows.net",
    msgraph_host: "graph.microsoft.com",
    rbac_url: "https://pas.windows.net",
  };
}

function instanceDiscovery(base: string, tenant: string) {
  const host = new URL(base).host;
  return {
    tenant_discovery_endpoint: `${base}/${tenant}/v2.0/.well-known/openid-configuration`,
    "api-version": "1.1",
    metadata: [{ preferred_network: host, preferred_cache: host, aliases: [host] }],
  };
}

/** Handles Entra routes; returns false when the path is not one of them. */
export async function handleEntra(state: EmulatorState, req: IncomingMessage, res: ServerResponse, url: ParsedUrl) {
  const s = url.segments;
  const [tenant = "", a, b, c] = s;
  const base = requestBaseUrl(req, state.url);
  const tenantOk = tenant.toLowerCase() === state.credentials.tenantId.toLowerCase();
  const method = req.method ?? "GET";

  if (await handleBrowserEntra(state, req, res, url)) return true;
  if (s.length === 3 && a === "discovery" && b === "instance" && method === "GET") {
    const authorize = url.query.get("authorization_endpoint");
    const fromQuery =
      authorize === null ? null : URL.canParse(authorize) ? new URL(authorize).pathname.split("/")[1] : null;
    sendJson(res, 200, instanceDiscovery(base, fromQuery || state.credentials.tenantId), NO_STORE);
    return true;
  }
  const isConfig =
    (s.length === 4 && a === "v2.0" && b === ".well-known" && c === "openid-configuration") ||
    (s.length === 3 && a === ".well-known" && b === "openid-configuration");
  const isKeys =
    (s.length === 4 && a === "discovery" && b === "v2.0" && c === "keys") ||
    (s.length === 3 && a === "discovery" && b === "keys");
  const isToken =
    (s.length === 4 && a === "oauth2" && b === "v2.0" && c === "token") ||
    (s.length === 3 && a === "oauth2" && b === "token");
  if (!isConfig && !isKeys && !isToken) return false;

  if (isToken) {
    if (method !== "POST") {
      sendEntraError(req, res, 405, "invalid_request", 900561, "The endpoint only accepts POST requests.", {
        Allow: "POST",
      });
      return true;
    }
    await handleToken(state, req, res, tenantOk ? state.credentials.tenantId : null, tenant, base, s.length === 3);
    return true;
  }
  if (method !== "GET") return false;
  if (!tenantOk) {
    tenantNotFound(req, res, tenant);
    return true;
  }
  const tenantId = state.credentials.tenantId;
  sendJson(
    res,
    200,
    isConfig ? openIdConfiguration(base, tenantId, state.browserUrl ?? base) : { keys: [state.signingKey.jwk] },
    NO_STORE,
  );
  return true;
}

async function handleToken(
  state: EmulatorState,
  req: IncomingMessage,
  res: ServerResponse,
  tenantId: string | null,
  rawTenant: string,
  base: string,
  v1: boolean,
): Promise<void> {
  let ok = false;
  try {
    const fault = state.faults.take({ target: "token", kind: null });
    if (fault.latencyMs > 0) await sleep(fault.latencyMs);
    const terminal = fault.terminal;
    if (terminal !== null) {
      if (terminal.kind === "reset") {
        req.socket.destroy();
      } else if (terminal.kind === "malformed") {
        ok = true;
        send(res, 200, malformedBody("token"), NO_STORE);
      } else if (terminal.kind === "invalid_client") {
        sendEntraError(req, res, 401, "invalid_client", 7000215, invalidSecretText(state.credentials.clientId));
      } else {
        const status = terminal.status ?? 500;
        const transient = status >= 500 || status === 429;
        const retry: Record<string, string> =
          terminal.retryAfter === undefined ? {} : { "Retry-After": String(terminal.retryAfter) };
        sendEntraError(
          req,
          res,
          status,
          transient ? "temporarily_unavailable" : "invalid_request",
          transient ? 90033 : 90014,
          transient ? "A transient error has occurred. Please try again." : "Injected fault.",
          retry,
        );
      }
      return;
    }
    if (tenantId === null) {
      tenantNotFound(req, res, rawTenant);
      return;
    }
    const form = new URLSearchParams(await readBody(req, 64 * 1024));
    const failure = authenticate(state, req, form, base, tenantId, v1);
    if (failure !== null) {
      sendEntraError(req, res, failure.status, failure.error, failure.code, failure.text);
      return;
    }
    if (form.get("grant_type") === "authorization_code") {
      const redemption = redeemCode(state, form, base, tenantId);
      if ("failure" in redemption) {
        const { status, error, code, text } = redemption.failure;
        sendEntraError(req, res, status, error, code, text);
        return;
      }
      ok = true;
      sendJson(res, 200, redemption.body, NO_STORE);
      return;
    }
    const lifetime = state.tokenLifetimeSeconds;
    const audience = audienceOf(form, v1);
    const accessToken = state.tokens.issue(lifetime, audience, form.get("client_id") ?? "");
    const requestId = req.headers["client-request-id"];
    const headers = { ...NO_STORE, ...(typeof requestId === "string" ? { "client-request-id": requestId } : {}) };
    const nowS = Math.floor(Date.now() / 1000);
    const body = v1
      ? {
          token_type: "Bearer",
          expires_in: String(lifetime),
          ext_expires_in: String(lifetime),
          expires_on: String(nowS + lifetime),
          not_before: String(nowS),
          resource: audience === "graph" ? "https://graph.microsoft.com" : "https://cloudpartner.azure.com",
          access_token: accessToken,
        }
      : { token_type: "Bearer", expires_in: lifetime, ext_expires_in: lifetime, access_token: accessToken };
    ok = true;
    sendJson(res, 200, body, headers);
  } catch (error) {
    if (error instanceof BodyError) sendEntraError(req, res, error.status, "invalid_request", 90014, error.message);
    else throw error;
  } finally {
    state.stats.recordToken(ok);
  }
}
