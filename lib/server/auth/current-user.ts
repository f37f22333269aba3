import "server-only";

import { cookies } from "next/headers";

import { SIGNED_OUT, type CurrentUser } from "@/lib/auth/user";
import { getEnv } from "@/lib/env";

import { isRevoked } from "./revocation";
import { readSession, sessionCookieName, toCurrentUser } from "./session";

/** The signed-in user of the request being rendered (server components), or a signed-out one. */
export async function getCurrentUser(): Promise<CurrentUser> {
  const env = getEnv();
  const session = await readSession((await cookies()).get(sessionCookieName(env))?.value, env);
  if (session && !(await isRevoked(session.sid))) return toCurrentUser(session, env);
  return { ...SIGNED_OUT, approverRole: env.APPROVER_ROLE };
}
