import { randomBytes } from "node:crypto";

/**
 * The sign-in variables the launcher fills in when they are not set: APP_BASE_URL (the
 * address it prints) and SESSION_SECRET (random per start, so sessions end when it stops).
 */
export function sessionEnv(
  source: Record<string, string | undefined>,
  port: number,
): { vars: { APP_BASE_URL: string; SESSION_SECRET: string }; generatedSecret: boolean } {
  const baseUrl = source.APP_BASE_URL?.trim() || `http://localhost:${port}`;
  const secret = source.SESSION_SECRET ?? "";
  const generatedSecret = secret.trim() === "";
  return {
    vars: { APP_BASE_URL: baseUrl, SESSION_SECRET: generatedSecret ? randomBytes(48).toString("base64url") : secret },
    generatedSecret,
  };
}
