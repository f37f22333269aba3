import { NextResponse, type NextRequest } from "next/server";

import { safeReturnTo } from "@/lib/auth/return-to";
import { getEnv } from "@/lib/env";
import { auditSession } from "@/lib/server/audit";
import { SignInError, finishSignIn, sameText, type SignInFailureReason } from "@/lib/server/auth/oidc";
import { newSession, sealSession, sessionCookie } from "@/lib/server/auth/session";
import { readTransaction, transactionCookie, transactionCookieName } from "@/lib/server/auth/transaction";

export const dynamic = "force-dynamic";

type Reason = SignInFailureReason | "expired" | "state" | "denied" | "idp";

const NO_STORE = { "Cache-Control": "no-store" };

// GET /auth/callback?code&state – Entra ID sends the browser back here; check it, then start the session
export async function GET(request: NextRequest): Promise<Response> {
  const env = getEnv();
  const params = request.nextUrl.searchParams;
  const tx = await readTransaction(request.cookies.get(transactionCookieName(env))?.value, env);

  const fail = (reason: Reason, detail: string, idpCode?: string): Response => {
    console.error(
      JSON.stringify({ level: "warn", time: new Date().toISOString(), event: "signin_failed", reason, detail }),
    );
    auditSession({ action: "signin", user: null, outcome: "failed", code: reason });
    const target = new URL("/auth/error", env.APP_BASE_URL);
    target.searchParams.set("reason", reason);
    if (idpCode && /^(AADSTS\d{1,9}|[a-z_]{1,64})$/.test(idpCode)) target.searchParams.set("code", idpCode);
    if (tx) target.searchParams.set("returnTo", tx.returnTo);
    const response = NextResponse.redirect(target, { status: 303, headers: NO_STORE });
    response.cookies.set(transactionCookie(env, "", 0));
    return response;
  };

  if (!tx) return fail("expired", "No sign-in in progress in this browser (cookie missing, expired or not ours).");
  if (!sameText(params.get("state") ?? "", tx.state)) return fail("state", "The state does not match this sign-in.");
  const error = params.get("error");
  if (error !== null) {
    const description = params.get("error_description") ?? "";
    const aadsts = /AADSTS\d+/.exec(description)?.[0];
    return fail(
      error === "access_denied" ? "denied" : "idp",
      `${error}: ${description.slice(0, 500)}`,
      aadsts ?? error,
    );
  }
  const code = params.get("code");
  if (!code) return fail("idp", "Entra ID sent neither a code nor an error.");

  let identity;
  try {
    identity = await finishSignIn(env, { code, state: tx.state, nonce: tx.nonce, codeVerifier: tx.codeVerifier });
  } catch (failure) {
    if (failure instanceof SignInError) return fail(failure.reason, failure.detail, failure.idpCode);
    return fail("token", failure instanceof Error ? failure.message : String(failure));
  }

  const session = newSession(identity, env);
  const response = NextResponse.redirect(new URL(safeReturnTo(tx.returnTo), env.APP_BASE_URL), {
    status: 303,
    headers: NO_STORE,
  });
  response.cookies.set(sessionCookie(env, await sealSession(session, env)));
  response.cookies.set(transactionCookie(env, "", 0));
  auditSession({
    action: "signin",
    user: { oid: session.oid, username: session.username },
    roles: session.roles,
    outcome: "accepted",
    sessionId: session.sid,
  });
  return response;
}
