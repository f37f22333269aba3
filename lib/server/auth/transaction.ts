import "server-only";

import { sealData, unsealData } from "iron-session";
import { z } from "zod";

import type { ServerEnv } from "@/lib/env";

import { isHttps, type CookieSpec } from "./session";

/**
 * One sign-in in progress: the state, nonce and PKCE verifier to check when Entra ID sends
 * the browser back, and where to go then. Sealed like the session, in its own short-lived
 * cookie (SameSite=Lax, so it comes back with the top-level redirect from Entra ID).
 */
export const TRANSACTION_TTL_SECONDS = 10 * 60;

const transactionSchema = z.object({
  state: z.string().min(16).max(256),
  nonce: z.string().min(16).max(256),
  codeVerifier: z.string().min(43).max(128),
  returnTo: z.string().startsWith("/").max(2048),
  exp: z.number().int(),
});
export type SignInTransaction = z.infer<typeof transactionSchema>;

type Env = Pick<ServerEnv, "SESSION_SECRET" | "APP_BASE_URL">;

export function transactionCookieName(env: Pick<ServerEnv, "APP_BASE_URL">): string {
  return isHttps(env) ? "__Host-osd_signin" : "osd_signin";
}

export function transactionCookie(env: Env, value: string, maxAge = TRANSACTION_TTL_SECONDS): CookieSpec {
  return {
    name: transactionCookieName(env),
    value,
    httpOnly: true,
    secure: isHttps(env),
    sameSite: "lax",
    path: "/",
    maxAge,
  };
}

export function sealTransaction(tx: Omit<SignInTransaction, "exp">, env: Env, nowMs = Date.now()): Promise<string> {
  const value: SignInTransaction = { ...tx, exp: Math.floor(nowMs / 1000) + TRANSACTION_TTL_SECONDS };
  return sealData(value, { password: env.SESSION_SECRET, ttl: TRANSACTION_TTL_SECONDS });
}

export async function readTransaction(
  value: string | undefined,
  env: Env,
  nowMs = Date.now(),
): Promise<SignInTransaction | null> {
  if (!value || value.length > 4096) return null;
  try {
    const parsed = transactionSchema.safeParse(await unsealData<unknown>(value, { password: env.SESSION_SECRET }));
    return parsed.success && parsed.data.exp > Math.floor(nowMs / 1000) ? parsed.data : null;
  } catch {
    return null;
  }
}
