import { randomBytes } from "node:crypto";

/**
 * Issued access tokens with their expiry in real time (MSAL judges expiry with the real
 * clock, so the simulated clock must not be used here).
 */
export class TokenStore {
  private tokens = new Map<string, { expiresAt: number; clientId: string }>();

  /** A new token for `clientId` (the application it was issued to, for per-client counts). */
  issue(lifetimeSeconds: number, clientId = ""): string {
    if (this.tokens.size > 10_000) this.prune();
    const token = randomBytes(48).toString("base64url");
    this.tokens.set(token, { expiresAt: Date.now() + lifetimeSeconds * 1000, clientId: clientId.toLowerCase() });
    return token;
  }

  check(token: string): "valid" | "expired" | "invalid" {
    const entry = this.tokens.get(token);
    if (entry === undefined) return "invalid";
    return Date.now() < entry.expiresAt ? "valid" : "expired";
  }

  /** The application a token was issued to ("" when unknown). */
  clientOf(token: string): string {
    return this.tokens.get(token)?.clientId ?? "";
  }

  /** Valid tokens, for tests that prove no token leaks to a browser. */
  list(): string[] {
    const now = Date.now();
    return [...this.tokens].filter(([, entry]) => entry.expiresAt > now).map(([token]) => token);
  }

  revokeAll(): void {
    this.tokens.clear();
  }

  private prune(): void {
    const now = Date.now();
    for (const [token, entry] of this.tokens) if (entry.expiresAt <= now) this.tokens.delete(token);
  }
}
