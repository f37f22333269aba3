import { randomBytes } from "node:crypto";

export type TokenAudience = "cpp" | "graph";

interface IssuedToken {
  expiresAt: number;
  /** The API it was issued for: Microsoft Graph (the Product Ingestion API) or the CPP API. */
  audience: TokenAudience;
  /** The application it was issued to (lower case; "" when unknown), for per-client counts. */
  clientId: string;
}

/**
 * Issued access tokens with their expiry in real time (MSAL judges expiry with the real
 * clock, so the simulated clock must not be used here).
 */
export class TokenStore {
  private tokens = new Map<string, IssuedToken>();

  issue(lifetimeSeconds: number, audience: TokenAudience = "cpp", clientId = ""): string {
    if (this.tokens.size > 10_000) this.prune();
    const token = randomBytes(48).toString("base64url");
    this.tokens.set(token, {
      expiresAt: Date.now() + lifetimeSeconds * 1000,
      audience,
      clientId: clientId.toLowerCase(),
    });
    return token;
  }

  /** A token issued for another API is invalid here, as a real resource server would judge its `aud`. */
  check(token: string, audience: TokenAudience = "cpp"): "valid" | "expired" | "invalid" {
    const entry = this.tokens.get(token);
    if (entry === undefined || entry.audience !== audience) return "invalid";
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
