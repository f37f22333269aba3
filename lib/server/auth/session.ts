import "server-only";

import { randomBytes } from "node:crypto";

import { sealData, unsealData } from "iron-session";
import { z } from "zod";

import type { CurrentUser } from "@/lib/auth/user";
import type { ServerEnv } from "@/lib/env";

/**
 * The session: an iron-session seal (AES-256-CBC encrypted, HMAC-SHA-256 signed with
 * SESSION_SECRET) in an HttpOnly, SameSite=Lax cookie, Secure on https. It holds only what the
 * UI and the audit log need (name, username, oid, roles, expiry): no token. The expiry is kept
 * inside the seal too and checked on every read, so a cookie replayed after its max age is
 * rejected even if a client ignored its Max-Age. A tampered, expired or unreadable cookie
 * means signed out.
 */
export const sessionSchema = z.object({
  v: z.literal(1),
  /** Random id of this session, for correlating log lines. */
  sid: z.string().min(1).max(64),
  oid: z.string().min(1).max(64),
  name: z.string().max(256),
  username: z.string().max(256),
  roles: z.array(z.string().max(256)).max(100),
  /** Issued at and expires at, seconds since the epoch. */
  iat: z.number().int(),
  exp: z.number().int(),
});
export type Session = z.infer<typeof sessionSchema>;

export type SessionEnv = Pick<ServerEnv, "SESSION_SECRET" | "SESSION_MAX_AGE_SECONDS" | "APP_BASE_URL">;

/** `__Host-` on https: the browser then insists on Secure, Path=/ and no Domain. */
export function sessionCookieName(env: Pick<ServerEnv, "APP_BASE_URL">): string {
  return isHttps(env) ? "__Host-osd_session" : "osd_session";
}

export function isHttps(env: Pick<ServerEnv, "APP_BASE_URL">): boolean {
  return env.APP_BASE_URL.startsWith("https:");
}

export interface CookieSpec {
  name: string;
  value: string;
  httpOnly: true;
  secure: boolean;
  sameSite: "lax";
  path: "/";
  maxAge: number;
}

export function sessionCookie(env: SessionEnv, value: string, maxAge = env.SESSION_MAX_AGE_SECONDS): CookieSpec {
  return {
    name: sessionCookieName(env),
    value,
    httpOnly: true,
    secure: isHttps(env),
    sameSite: "lax",
    path: "/",
    maxAge,
  };
}

/** The cookie that ends a session. */
export function clearedSessionCookie(env: SessionEnv): CookieSpec {
  return sessionCookie(env, "", 0);
}

export interface SignedInIdentity {
  oid: string;
  name: string;
  username: string;
  roles: readonly string[];
}

export function newSession(identity: SignedInIdentity, env: SessionEnv, nowMs = Date.now()): Session {
  const iat = Math.floor(nowMs / 1000);
  return {
    v: 1,
    sid: randomBytes(12).toString("base64url"),
    oid: identity.oid,
    name: identity.name.slice(0, 256),
    username: identity.username.slice(0, 256),
    roles: [...new Set(identity.roles)].filter((r) => r.length <= 256).slice(0, 100),
    iat,
    exp: iat + env.SESSION_MAX_AGE_SECONDS,
  };
}

export function sealSession(session: Session, env: Pick<SessionEnv, "SESSION_SECRET">): Promise<string> {
  // The seal's own TTL backs up the expiry inside it (iron allows 60 s of clock skew).
  const ttl = Math.max(1, session.exp - session.iat);
  return sealData(session, { password: env.SESSION_SECRET, ttl });
}

/**
 * Unsealing derives keys with PBKDF2 and checks an HMAC: about 0.8 ms of CPU, paid twice per
 * request (the proxy and the route both read the session), which the benchmark's proxy-cost
 * figure shows (bench/proxy.ts). A cookie value always unseals to the same data, so successful
 * unseals are remembered per secret and value, a bounded number of them; only a seal made with
 * the secret gets in. Every check after the unseal (shape, expiry, max age) still runs on
 * every read.
 */
const UNSEALED_MAX = 2_000;
const unsealed = new Map<string, Map<string, unknown>>();

async function unsealOnce(value: string, secret: string): Promise<unknown> {
  let known = unsealed.get(secret);
  if (known?.has(value)) return known.get(value);
  const data = await unsealData<unknown>(value, { password: secret });
  if (!known) {
    known = new Map();
    unsealed.set(secret, known);
  }
  if (known.size >= UNSEALED_MAX) known.delete(known.keys().next().value as string);
  known.set(value, data);
  return data;
}

/** The session in a cookie value, or null: missing, tampered, expired or malformed are all "signed out". */
export async function readSession(
  value: string | undefined | null,
  env: SessionEnv,
  nowMs = Date.now(),
): Promise<Session | null> {
  if (!value || value.length > 4096) return null;
  let data: unknown;
  try {
    data = await unsealOnce(value, env.SESSION_SECRET);
  } catch {
    return null;
  }
  const parsed = sessionSchema.safeParse(data);
  if (!parsed.success) return null;
  const session = parsed.data;
  const now = Math.floor(nowMs / 1000);
  // Expired, issued in the future, or older than the max age configured now (it may have shrunk).
  if (session.exp <= now || session.iat > now + 60 || session.iat + env.SESSION_MAX_AGE_SECONDS <= now) return null;
  return session;
}

export function isApprover(session: Pick<Session, "roles">, env: Pick<ServerEnv, "APPROVER_ROLE">): boolean {
  return session.roles.includes(env.APPROVER_ROLE);
}

/** What the browser may know about the session. */
export function toCurrentUser(session: Session, env: Pick<ServerEnv, "APPROVER_ROLE">): CurrentUser {
  const approver = isApprover(session, env);
  return {
    signedIn: true,
    name: session.name || session.username,
    username: session.username,
    roles: session.roles,
    isApprover: approver,
    approverRole: env.APPROVER_ROLE,
    actionsDisabledReason: approver ? null : "approver_only",
    expiresAt: new Date(session.exp * 1000).toISOString(),
  };
}
