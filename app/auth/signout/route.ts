import { NextResponse, type NextRequest } from "next/server";

import { getEnv } from "@/lib/env";
import { auditSession } from "@/lib/server/audit";
import { crossOriginRefusal, sessionFromRequest } from "@/lib/server/auth/guard";
import { endSessionUrl } from "@/lib/server/auth/oidc";
import { revoke } from "@/lib/server/auth/revocation";
import { clearedSessionCookie } from "@/lib/server/auth/session";
import { ApiError, toErrorResponse } from "@/lib/server/errors";

export const dynamic = "force-dynamic";

// POST /auth/signout – ends the session, then Entra ID's (back to /auth/signed-out)
export async function POST(request: NextRequest): Promise<Response> {
  const env = getEnv();
  const refusal = crossOriginRefusal(request, env);
  if (refusal) return toErrorResponse(refusal);
  const session = await sessionFromRequest(request, env);
  const target = await endSessionUrl(env);
  // The user menu asks for JSON and navigates itself; a plain form post is redirected.
  const wantsJson = (request.headers.get("accept") ?? "").includes("application/json");
  const response = wantsJson
    ? NextResponse.json({ redirectTo: target }, { headers: { "Cache-Control": "no-store" } })
    : NextResponse.redirect(target, { status: 303, headers: { "Cache-Control": "no-store" } });
  response.cookies.set(clearedSessionCookie(env));
  // A copy of the cookie stops working too (kept as revoked until it would have expired).
  if (session) await revoke(session.sid, session.exp);
  auditSession({
    action: "signout",
    user: session ? { oid: session.oid, username: session.username } : null,
    outcome: "accepted",
    ...(session ? { sessionId: session.sid } : {}),
  });
  return response;
}

// GET /auth/signout – signing out changes state: POST only
export function GET(): Response {
  const response = toErrorResponse(new ApiError(405, "method_not_allowed", "Sign out with POST /auth/signout."));
  response.headers.set("Allow", "POST");
  return response;
}
