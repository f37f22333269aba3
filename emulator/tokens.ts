import { randomBytes } from "node:crypto";

/**
 * Issued access tokens with their expiry in real time (MSAL judges expiry with the real
 * clock, so the simulated clock must not be used here).
 */
export class TokenStore {
  private tokens = new Map<string, number>();

  issue(lifetimeSeconds: number): string {
    if (this.tokens.size > 10_000) this.prune();
    const token = randomBytes(48).toString("base64url");
    this.tokens.set(token, Date.now() + lifetimeSeconds * 1000);
    return token;
  }

  check(token: string): "valid" | "expired" | "invalid" {
    const expiresAt = this.tokens.get(token);
    if (expiresAt === undefined) return "invalid";
    return Date.now() < expiresAt ? "valid" : "expired";
  }

  /** Valid tokens, for tests that prove no token leaks to a browser. */
  list(): string[] {
    const now = Date.now();
    return [...this.tokens].filter(([, expiresAt]) => expiresAt > now).map(([token]) => token);
  }

  revokeAll(): void {
    this.tokens.clear();
  }

  private prune(): void {
    const now = Date.now();
    for (const [token, expiresAt] of this.tokens) if (expiresAt <= now) this.tokens.delete(token);
  }
}
