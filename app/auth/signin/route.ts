import { NextResponse, type NextRequest } from "next/server";

import { safeReturnTo } from "@/lib/auth/return-to";
import { getEnv } from "@/lib/env";
import { SignInError, startSignIn } from "@/lib/server/auth/oidc";
import { sealTransaction, transactionCookie } from "@/lib/server/auth/transaction";
import { logServerError } from "@/lib/server/errors";

export const dynamic = "force-dynamic";

// GET /auth/signin?returnTo=/path – starts sign-in at Entra ID (authorization code flow with PKCE)
export async function GET(request: NextRequest): Promise<Response> {
  const env = getEnv();
  const returnTo = safeReturnTo(request.nextUrl.searchParams.get("returnTo"));
  // Sign in on APP_BASE_URL's host, where the callback will look for this sign-in's cookie
  // (once: a proxy that rewrites Host must not make this loop).
  const canonicalHost = new URL(env.APP_BASE_URL).host;
  // The Host header, not nextUrl (which spells every loopback address "localhost").
  const host = request.headers.get("host") ?? new URL(request.url).host;
  if (host !== canonicalHost && !request.nextUrl.searchParams.has("hop")) {
    const target = new URL("/auth/signin", env.APP_BASE_URL);
    target.searchParams.set("returnTo", returnTo);
    target.searchParams.set("hop", "1");
    return NextResponse.redirect(target, { status: 303, headers: { "Cache-Control": "no-store" } });
  }
  try {
    const start = await startSignIn(env);
    const sealed = await sealTransaction(
      { state: start.state, nonce: start.nonce, codeVerifier: start.codeVerifier, returnTo },
      env,
    );
    const response = NextResponse.redirect(start.url, { status: 302, headers: { "Cache-Control": "no-store" } });
    response.cookies.set(transactionCookie(env, sealed));
    return response;
  } catch (error) {
    logServerError(error, { path: "/auth/signin", detail: error instanceof SignInError ? error.detail : undefined });
    const target = new URL("/auth/error", env.APP_BASE_URL);
    target.searchParams.set("reason", "unavailable");
    target.searchParams.set("returnTo", returnTo);
    return NextResponse.redirect(target, { status: 303, headers: { "Cache-Control": "no-store" } });
  }
}
