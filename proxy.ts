import { NextResponse, type NextRequest } from "next/server";

import { safeReturnTo } from "@/lib/auth/return-to";
import { getEnv } from "@/lib/env";
import { ApiError } from "@/lib/schemas/api-error";
import { auditOfferAction } from "@/lib/server/audit";
import { crossOriginRefusal, sessionFromRequest, unauthenticated } from "@/lib/server/auth/guard";
import type { Session } from "@/lib/server/auth/session";
import {
  API_CONTENT_SECURITY_POLICY,
  newNonce,
  pageContentSecurityPolicy,
  securityHeaders,
} from "@/lib/server/security-headers";

/**
 * The gate (Next 16's proxy, formerly middleware): every page and API route needs a session
 * except /api/health and the sign-in routes under /auth/. Without one, the API answers the
 * 401 envelope and pages redirect to sign-in, which brings the user back to the page asked
 * for. Anything that changes state must come from our own origin. Every response gets the
 * security headers; pages a CSP with a fresh nonce. Route handlers check again (withRoute).
 */

const ACTION_PATH = /^\/api\/publishers\/([^/]+)\/offers\/([^/]+)\/(golive|cancel)$/;

/**
 * The methods each path answers. Anything else gets the 405 envelope with `Allow` (Next's own
 * 405 has an empty body and no Allow). Pages are read-only: GET and HEAD.
 */
const API_METHODS: readonly [RegExp, string][] = [
  [/^\/api\/publishers\/[^/]+\/offers\/[^/]+\/(golive|cancel)$/, "POST"],
  [/^\/api\/(health|publishers(\/[^/]+\/offers(\/[^/]+(\/status|\/history)?)?)?)$/, "GET, HEAD"],
  [/^\/api\/(activity|attention|events|inbox|watches|deliveries)$/, "GET, HEAD"],
  [/^\/api\/(publishers\/[^/]+\/visit|inbox\/read)$/, "POST"],
  [/^\/api\/publishers\/[^/]+(\/offers\/[^/]+)?\/watch$/, "PUT, DELETE"],
  [/^\/api\/watches\/signoff$/, "PUT"],
];

function allowedMethods(pathname: string): string | null {
  if (pathname === "/api" || pathname.startsWith("/api/")) {
    for (const [pattern, allow] of API_METHODS) if (pattern.test(pathname)) return allow;
    return null; // the catch-all answers 404 envelopes for any method
  }
  if (pathname === "/auth/signout") return "GET, HEAD, POST"; // the sign-out form posts to it
  return "GET, HEAD";
}

/** A path with broken percent-encoding (`a%zz`) cannot be routed: 400, not Next's bare 500. */
function hasMalformedEncoding(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return false;
  } catch {
    return true;
  }
}

function isPublic(pathname: string): boolean {
  return pathname === "/api/health" || pathname === "/auth" || pathname.startsWith("/auth/");
}

function envelope(error: ApiError): NextResponse {
  return NextResponse.json(error.toEnvelope(), {
    status: error.status,
    headers: { "Cache-Control": "no-store, private" },
  });
}

/** Go live / Cancel refused here never reach their handler: the audit line is written here. */
function auditRefusal(request: NextRequest, error: ApiError, session: Session | null): void {
  const match = ACTION_PATH.exec(request.nextUrl.pathname);
  if (!match || request.method !== "POST") return;
  const decode = (s: string) => {
    try {
      return decodeURIComponent(s);
    } catch {
      return s;
    }
  };
  auditOfferAction({
    action: match[3] === "golive" ? "golive" : "cancel",
    publisherId: decode(match[1] ?? ""),
    offerId: decode(match[2] ?? ""),
    user: session ? { oid: session.oid, username: session.username } : null,
    ...(session ? { sessionId: session.sid } : {}),
    outcome: "refused",
    status: error.status,
    code: error.code,
  });
}

export async function proxy(request: NextRequest): Promise<NextResponse> {
  const env = getEnv();
  const { pathname } = request.nextUrl;
  const api = pathname === "/api" || pathname.startsWith("/api/");
  const nonce = api ? null : newNonce();
  const csp = nonce === null ? API_CONTENT_SECURITY_POLICY : pageContentSecurityPolicy(env, nonce);
  const finish = (response: NextResponse): NextResponse => {
    for (const [name, value] of Object.entries(securityHeaders(env, csp))) response.headers.set(name, value);
    return response;
  };

  if (hasMalformedEncoding(pathname)) {
    return finish(
      envelope(new ApiError(400, "invalid_request", "The request's path is not valid (broken %-encoding).")),
    );
  }
  const allow = allowedMethods(pathname);
  if (allow !== null && !allow.split(", ").includes(request.method)) {
    const response = finish(
      envelope(new ApiError(405, "method_not_allowed", `This path answers ${allow} only, not ${request.method}.`)),
    );
    response.headers.set("Allow", allow);
    return response;
  }

  const refusal = crossOriginRefusal(request, env);
  const session = isPublic(pathname) && !refusal ? null : await sessionFromRequest(request, env);
  if (refusal) {
    auditRefusal(request, refusal, session);
    return finish(envelope(refusal));
  }
  if (!isPublic(pathname) && !session) {
    if (api) {
      const error = unauthenticated();
      auditRefusal(request, error, null);
      return finish(envelope(error));
    }
    const search = new URLSearchParams(request.nextUrl.search);
    search.delete("_rsc");
    const query = search.toString();
    const target = request.nextUrl.clone();
    target.pathname = "/auth/signin";
    target.search = "";
    target.searchParams.set("returnTo", safeReturnTo(`${pathname}${query ? `?${query}` : ""}`));
    const response = finish(NextResponse.redirect(target));
    response.headers.set("Cache-Control", "no-store");
    return response;
  }

  // Next.js takes the nonce from the request's CSP header and puts it on its scripts.
  const requestHeaders = new Headers(request.headers);
  if (nonce !== null) {
    requestHeaders.set("x-nonce", nonce);
    requestHeaders.set("Content-Security-Policy", csp);
  }
  return finish(NextResponse.next({ request: { headers: requestHeaders } }));
}

export const config = {
  // Everything but the build's static files (which carry the next.config.mjs headers) and the
  // icons and web app manifest of public/, which the browser fetches before anyone signs in.
  matcher: ["/((?!_next/static|_next/image|favicon\\.ico|favicon\\.svg|manifest\\.webmanifest|icons/).*)"],
};
