import { randomBytes } from "node:crypto";

/**
 * Issued access tokens with their expiry in real time (MSAL judges expiry with the real
 * clock, so the simulated clock must not be used here).
 */
export class TokenStore {
  private tokens = new Map<string, number>();
  /** Tokens for Microsoft Graph (the Product Ingestion API); every other one is for the CPP API. */
  private graph = new Set<string>();

  issue(lifetimeSeconds: number, audience: "cpp" | "graph" = "cpp"): string {
    if (this.tokens.size > 10_000) this.prune();
    const token = randomBytes(48).toString("base64url");
    this.tokens.set(token, Date.now() + lifetimeSeconds * 1000);
    if (audience === "graph") this.graph.add(token);
    return token;
  }

  /** A token issued for another API is invalid here, as a real resource server would judge its `aud`. */
  check(token: string, audience: "cpp" | "graph" = "cpp"): "valid" | "expired" | "invalid" {
    const expiresAt = this.tokens.get(token);
    if (expiresAt === undefined || this.graph.has(token) !== (audience === "graph")) return "invalid";
    return Date.now() < expiresAt ? "valid" : "expired";
  }

  /** Valid tokens, for tests that prove no token leaks to a browser. */
  list(): string[] {
    const now = Date.now();
    return [...this.tokens].filter(([, expiresAt]) => expiresAt > now).map(([token]) => token);
  }

  revokeAll(): void {
    this.tokens.clear();
    this.graph.clear();
  }

  private prune(): void {
    const now = Date.now();
    for (const [token, expiresAt] of this.tokens) {
      if (expiresAt > now) continue;
      this.tokens.delete(token);
      this.graph.delete(token);
    }
  }
}
