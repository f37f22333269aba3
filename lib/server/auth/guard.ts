import "server-only";

import { approverOnlyMessage } from "@/lib/auth/user";
import type { ServerEnv } from "@/lib/env";
import { ApiError } from "@/lib/schemas/api-error";

import { isRevoked } from "./revocation";
import { isApprover, readSession, sessionCookieName, type Session, type SessionEnv } from "./session";

/**
 * The checks every protected request passes, shared by the proxy (the gate) and the API
 * wrapper (defence in depth): same origin for anything that changes state, a session, and the
 * approver role for Go live and Cancel.
 */

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export const UNAUTHENTICATED_MESSAGE = "Sign in to use the dashboard.";

export function unauthenticated(): ApiError {
  return new ApiError(401, "unauthenticated", UNAUTHENTICATED_MESSAGE);
}

export function forbiddenRole(env: Pick<ServerEnv, "APPROVER_ROLE">): ApiError {
  return new ApiError(403, "forbidden", approverOnlyMessage(env.APPROVER_ROLE));
}

export function isSafeMethod(method: string): boolean {
  return SAFE_METHODS.has(method.toUpperCase());
}

/**
 * A request that changes state must come from the dashboard's own pages: its Origin must be
 * APP_BASE_URL; without an Origin, the browser's Sec-Fetch-Site must say same-origin. Anything
 * else (another site, another port of the same host, no evidence at all) is refused.
 */
export function crossOriginRefusal(request: Request, env: Pick<ServerEnv, "APP_BASE_URL">): ApiError | null {
  if (isSafeMethod(request.method)) return null;
  const origin = request.headers.get("origin");
  const site = request.headers.get("sec-fetch-site");
  const allowed = origin !== null ? origin === env.APP_BASE_URL : site === "same-origin";
  return allowed
    ? null
    : new ApiError(
        403,
        "cross_origin",
        "Requests that change something must come from the dashboard's own pages (cross-origin request refused).",
      );
}

/** One cookie's value from a Cookie header. */
export function cookieValue(header: string | null, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq !== -1 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

export async function sessionFromRequest(request: Request, env: SessionEnv): Promise<Session | null> {
  const session = await readSession(cookieValue(request.headers.get("cookie"), sessionCookieName(env)), env);
  return session && !(await isRevoked(session.sid)) ? session : null;
}

/** Throws the 401 / 403 envelope unless the request carries a session (with the approver role when asked). */
export async function requireSession(
  request: Request,
  env: SessionEnv & Pick<ServerEnv, "APPROVER_ROLE">,
  options: { approver?: boolean } = {},
): Promise<Session> {
  const session = await sessionFromRequest(request, env);
  if (!session) throw unauthenticated();
  if (options.approver && !isApprover(session, env)) throw forbiddenRole(env);
  return session;
}
