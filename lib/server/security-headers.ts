import "server-only";

import { randomBytes } from "node:crypto";

import type { ServerEnv } from "@/lib/env";

/**
 * Security headers the proxy puts on every page and API response. Pages get a
 * Content-Security-Policy with a fresh nonce per request: Next.js reads it from the request's
 * CSP header and puts it on its own scripts and styles, and 'strict-dynamic' lets those load
 * the rest. Inline style *attributes* (progress bar widths) are allowed through
 * style-src-attr; <style> elements and every script still need the nonce. The API answers
 * JSON only, so its policy allows nothing at all.
 */
export function newNonce(): string {
  return randomBytes(16).toString("base64");
}

export function pageContentSecurityPolicy(
  env: Pick<ServerEnv, "APP_BASE_URL">,
  nonce: string,
  dev = process.env.NODE_ENV === "development",
): string {
  const https = env.APP_BASE_URL.startsWith("https:");
  const directives = [
    "default-src 'self'",
    // React's development build needs eval for its error overlays; production does not.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    dev ? "style-src 'self' 'unsafe-inline'" : `style-src 'self' 'nonce-${nonce}'`,
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    // Forms post to ourselves only (sign-out navigates to Entra ID by script, see SignOutButton).
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}

export const API_CONTENT_SECURITY_POLICY =
  "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** The headers every response of the proxy carries; `csp` differs between pages and the API. */
export function securityHeaders(env: Pick<ServerEnv, "APP_BASE_URL">, csp: string): Record<string, string> {
  return {
    "Content-Security-Policy": csp,
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
    "Cross-Origin-Opener-Policy": "same-origin",
    ...(env.APP_BASE_URL.startsWith("https:")
      ? { "Strict-Transport-Security": "max-age=31536000; includeSubDomains" }
      : {}),
  };
}
