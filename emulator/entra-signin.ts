import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { BodyError, readBody, type ParsedUrl } from "./http";
import type { AuthorizationRequest } from "./signin-store";
import type { EmulatorState } from "./state";
import { demoUsers, findDemoUser } from "./users";

/**
 * The pages a person's browser opens: the authorization endpoint (a sign-in page offering
 * the demo users; authorization code flow with PKCE S256 only) and the end-session endpoint.
 * Errors about the client or its redirect URI are shown on the page (never redirected to an
 * unchecked address); the others go back to the redirect URI as `error` / `error_description`.
 */

const PAGE_HEADERS = {
  "Content-Type": "text/html; charset=utf-8",
  "Cache-Control": "no-store",
  "X-Frame-Options": "DENY",
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "no-referrer",
  // No form-action: the sign-in form redirects to the relying party's callback.
  "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'",
} as const;

const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

/** Redirect URIs the emulator's app registration accepts: any loopback http(s) URL, plus the configured ones. */
export function isRegisteredRedirectUri(state: EmulatorState, uri: string): boolean {
  if (state.redirectUris.includes(uri)) return true;
  if (!URL.canParse(uri)) return false;
  const url = new URL(uri);
  return (
    (url.protocol === "http:" || url.protocol === "https:") &&
    LOOPBACK_HOSTS.has(url.hostname) &&
    url.username === "" &&
    url.password === "" &&
    url.hash === "" &&
    !uri.includes("#")
  );
}

function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c,
  );
}

const STYLE = `
  body { font-family: system-ui, sans-serif; background: #f1f5f9; color: #0f172a; margin: 0; }
  main { max-width: 28rem; margin: 4rem auto; background: #fff; border: 1px solid #cbd5e1; border-radius: 0.5rem; padding: 2rem; }
  h1 { font-size: 1.4rem; margin: 0 0 0.5rem; }
  p { color: #334155; line-height: 1.5; }
  ul { list-style: none; padding: 0; margin: 1.5rem 0; display: grid; gap: 0.75rem; }
  button { width: 100%; text-align: left; font: inherit; padding: 0.75rem 1rem; border-radius: 0.375rem; border: 1px solid #1d4ed8; background: #1d4ed8; color: #fff; cursor: pointer; }
  button.secondary { background: #fff; color: #1e293b; border-color: #94a3b8; }
  button:focus-visible { outline: 3px solid #f59e0b; outline-offset: 2px; }
  .who { display: block; font-size: 0.85rem; color: #475569; margin: 0.25rem 0 0 0.25rem; }
  code { font-size: 0.85rem; }
`;

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body><main>${body}</main></body>
</html>`;
}

function sendHtml(res: ServerResponse, status: number, html: string): void {
  if (res.headersSent || res.destroyed) return;
  const payload = Buffer.from(html, "utf8");
  res.writeHead(status, { ...PAGE_HEADERS, "Content-Length": payload.length });
  res.end(payload);
}

function sendErrorPage(res: ServerResponse, status: number, code: number, text: string): void {
  sendHtml(
    res,
    status,
    page(
      "Sign-in error",
      `<h1>Sorry, but we’re having trouble signing you in.</h1><p><strong>AADSTS${code}</strong>: ${escapeHtml(text)}</p>` +
        `<p>Trace ID: <code>${randomUUID()}</code></p>`,
    ),
  );
}

function redirect(res: ServerResponse, location: string): void {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(302, { Location: location, "Cache-Control": "no-store", "Content-Length": 0 });
  res.end();
}

function redirectWith(redirectUri: string, params: Record<string, string | null>): string {
  const url = new URL(redirectUri);
  for (const [key, value] of Object.entries(params)) if (value !== null) url.searchParams.set(key, value);
  return url.toString();
}

function redirectError(
  res: ServerResponse,
  redirectUri: string,
  state: string | null,
  error: string,
  code: number,
  text: string,
) {
  redirect(
    res,
    redirectWith(redirectUri, {
      error,
      error_description: `AADSTS${code}: ${text} Trace ID: ${randomUUID()}`,
      error_codes: String(code),
      state,
    }),
  );
}

function isKnownClient(state: EmulatorState, clientId: string): boolean {
  const { clientId: secretClient, certificateClientId } = state.credentials;
  return [secretClient, certificateClientId].some((id) => id.toLowerCase() === clientId.toLowerCase());
}

/** GET /{tenant}/oauth2/v2.0/authorize: validates the request, then shows the demo users. */
function authorizeGet(state: EmulatorState, res: ServerResponse, query: URLSearchParams, tenantId: string): void {
  const clientId = query.get("client_id") ?? "";
  if (clientId === "" || !isKnownClient(state, clientId)) {
    sendErrorPage(
      res,
      400,
      700016,
      `Application with identifier '${clientId}' was not found in the directory '${tenantId}'.`,
    );
    return;
  }
  const redirectUri = query.get("redirect_uri") ?? "";
  if (!isRegisteredRedirectUri(state, redirectUri)) {
    sendErrorPage(
      res,
      400,
      50011,
      `The redirect URI '${redirectUri}' specified in the request does not match the redirect URIs configured for the application '${clientId}'.`,
    );
    return;
  }
  const requestState = query.get("state");
  const fail = (error: string, code: number, text: string) =>
    redirectError(res, redirectUri, requestState, error, code, text);
  if (query.get("response_type") !== "code") {
    return fail("unsupported_response_type", 700054, "The emulator supports response_type 'code' only.");
  }
  const mode = query.get("response_mode");
  if (mode !== null && mode !== "query") {
    return fail("invalid_request", 900144, "The emulator answers with response_mode 'query' only.");
  }
  const scope = query.get("scope") ?? "";
  if (!scope.split(/\s+/).includes("openid")) {
    return fail("invalid_scope", 70011, "The provided value for the input parameter 'scope' must include 'openid'.");
  }
  const challenge = query.get("code_challenge") ?? "";
  if (!/^[A-Za-z0-9_-]{43}$/.test(challenge) || query.get("code_challenge_method") !== "S256") {
    return fail(
      "invalid_request",
      501491,
      "The emulator requires PKCE: a code_challenge with code_challenge_method 'S256'.",
    );
  }
  const requestId = state.signIn.hold({
    tenantId,
    clientId,
    redirectUri,
    scope,
    state: requestState,
    nonce: query.get("nonce"),
    codeChallenge: challenge,
  });
  sendHtml(res, 200, signInPage(requestId, tenantId, redirectUri));
}

function signInPage(requestId: string, tenantId: string, redirectUri: string): string {
  const action = `/${encodeURIComponent(tenantId)}/oauth2/v2.0/authorize`;
  const users = demoUsers
    .map(
      (user) =>
        `<li><button type="submit" name="user" value="${escapeHtml(user.key)}">Sign in as ${escapeHtml(user.name)} (${escapeHtml(user.label)})</button>` +
        `<span class="who">${escapeHtml(user.username)}${user.roles.length > 0 ? ` · app role ${escapeHtml(user.roles.join(", "))}` : " · no app role"}</span></li>`,
    )
    .join("");
  return page(
    "Sign in · Entra ID emulator",
    `<h1>Sign in</h1>
<p>Entra ID emulator: pick a demo user to sign in to <strong>${escapeHtml(new URL(redirectUri).host)}</strong>.</p>
<form method="post" action="${escapeHtml(action)}">
<input type="hidden" name="request_id" value="${escapeHtml(requestId)}">
<ul>${users}</ul>
<button type="submit" name="user" value="" class="secondary">Cancel sign-in</button>
</form>`,
  );
}

/** POST /{tenant}/oauth2/v2.0/authorize: the user's choice on the sign-in page. */
async function authorizePost(state: EmulatorState, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const form = new URLSearchParams(await readBody(req, 16 * 1024));
  const request: AuthorizationRequest | undefined = state.signIn.take(form.get("request_id") ?? "");
  if (request === undefined) {
    sendErrorPage(
      res,
      400,
      50058,
      "This sign-in request has expired or was already used. Go back to the application and sign in again.",
    );
    return;
  }
  const userKey = form.get("user") ?? "";
  if (userKey === "") {
    redirectError(res, request.redirectUri, request.state, "access_denied", 65004, "User declined to sign in.");
    return;
  }
  if (findDemoUser(userKey) === undefined) {
    sendErrorPage(res, 400, 50034, `The user account '${userKey}' does not exist in the directory.`);
    return;
  }
  const code = state.signIn.issueCode(request, userKey);
  redirect(res, redirectWith(request.redirectUri, { code, state: request.state, session_state: randomUUID() }));
}

/** GET /{tenant}/oauth2/v2.0/logout: back to post_logout_redirect_uri when it is registered. */
function logout(state: EmulatorState, res: ServerResponse, query: URLSearchParams): void {
  const target = query.get("post_logout_redirect_uri");
  if (target !== null && isRegisteredRedirectUri(state, target)) {
    redirect(res, redirectWith(target, { state: query.get("state") }));
    return;
  }
  sendHtml(
    res,
    200,
    page(
      "Signed out · Entra ID emulator",
      "<h1>You signed out of your account</h1><p>It’s a good idea to close all browser windows.</p>",
    ),
  );
}

/**
 * Handles /{tenant}/oauth2/v2.0/authorize and /{tenant}/oauth2/v2.0/logout; returns false for
 * any other route. Served on the HTTPS listener and on the optional plain-HTTP one.
 */
export async function handleBrowserEntra(
  state: EmulatorState,
  req: IncomingMessage,
  res: ServerResponse,
  url: ParsedUrl,
): Promise<boolean> {
  const s = url.segments;
  const [tenant = "", a, b, c] = s;
  if (s.length !== 4 || a !== "oauth2" || b !== "v2.0" || (c !== "authorize" && c !== "logout")) return false;
  const method = req.method ?? "GET";
  if (tenant.toLowerCase() !== state.credentials.tenantId.toLowerCase()) {
    sendErrorPage(res, 400, 90002, `Tenant '${tenant}' not found.`);
    return true;
  }
  try {
    if (c === "logout" && method === "GET") logout(state, res, url.query);
    else if (c === "authorize" && method === "GET") authorizeGet(state, res, url.query, state.credentials.tenantId);
    else if (c === "authorize" && method === "POST") await authorizePost(state, req, res);
    else sendErrorPage(res, 405, 900561, `The endpoint does not accept ${method} requests.`);
  } catch (error) {
    if (error instanceof BodyError) sendErrorPage(res, error.status, 90014, error.message);
    else throw error;
  }
  return true;
}
