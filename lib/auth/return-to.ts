/**
 * Where to go after signing in: a same-origin relative path only. Anything that a browser
 * could read as another origin (`//evil.com`, `/\evil.com`, `https://evil.com`,
 * `javascript:…`, the same encoded, or with tabs and newlines a browser strips) falls back
 * to `/`. Shared by the proxy (which builds the address) and the sign-in routes (which
 * follow it).
 */
const FALLBACK = "/";
const MAX_LENGTH = 2048;
const PROBE_ORIGIN = "https://return-to.invalid";

function decodeOnce(value: string): string | null {
  try {
    return decodeURIComponent(value);
  } catch {
    return null;
  }
}

/** True when some decoding of the value could be read as a scheme or another host. */
function looksForeign(value: string): boolean {
  let current = value;
  for (let round = 0; round < 3; round++) {
    // Control characters (tabs, newlines, NUL) are stripped or refused by URL parsers; backslashes
    // are read as slashes by browsers.
    if (/[\u0000-\u001f\u007f\\]/.test(current)) return true;
    if (!current.startsWith("/") || current.startsWith("//")) return true;
    const decoded = decodeOnce(current);
    if (decoded === null) return true;
    if (decoded === current) return false;
    current = decoded;
  }
  return true;
}

export function safeReturnTo(value: string | null | undefined): string {
  if (typeof value !== "string" || value === "" || value.length > MAX_LENGTH) return FALLBACK;
  if (looksForeign(value)) return FALLBACK;
  let url: URL;
  try {
    url = new URL(value, PROBE_ORIGIN);
  } catch {
    return FALLBACK;
  }
  if (url.origin !== PROBE_ORIGIN) return FALLBACK;
  // Back into sign-in or sign-out would loop.
  if (url.pathname === "/auth" || url.pathname.startsWith("/auth/")) return FALLBACK;
  return `${url.pathname}${url.search}${url.hash}`;
}
