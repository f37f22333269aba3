import { randomBytes } from "node:crypto";

/**
 * Authorization requests waiting for the user to pick an account, and the authorization
 * codes issued for them. Both expire in real time (the relying party and MSAL judge time with
 * the real clock; the simulated clock only moves offers), codes are single-use.
 */
export interface AuthorizationRequest {
  readonly tenantId: string;
  readonly clientId: string;
  readonly redirectUri: string;
  readonly scope: string;
  readonly state: string | null;
  readonly nonce: string | null;
  readonly codeChallenge: string;
  readonly expiresAt: number;
}

export interface AuthorizationCode {
  readonly request: AuthorizationRequest;
  readonly userKey: string;
  readonly expiresAt: number;
  redeemed: boolean;
}

export const PENDING_LIFETIME_MS = 10 * 60_000;
export const CODE_LIFETIME_MS = 5 * 60_000;
const MAX_ENTRIES = 10_000;

const newId = (): string => randomBytes(32).toString("base64url");

export class SignInStore {
  private pending = new Map<string, AuthorizationRequest>();
  private codes = new Map<string, AuthorizationCode>();

  /** Keeps the request until the user picks an account; returns its id for the sign-in form. */
  hold(request: Omit<AuthorizationRequest, "expiresAt">): string {
    this.prune();
    const id = newId();
    this.pending.set(id, { ...request, expiresAt: Date.now() + PENDING_LIFETIME_MS });
    return id;
  }

  /** The pending request (once: the form cannot be replayed). */
  take(id: string): AuthorizationRequest | undefined {
    const request = this.pending.get(id);
    this.pending.delete(id);
    return request !== undefined && request.expiresAt > Date.now() ? request : undefined;
  }

  issueCode(request: AuthorizationRequest, userKey: string): string {
    this.prune();
    const code = newId();
    this.codes.set(code, { request, userKey, expiresAt: Date.now() + CODE_LIFETIME_MS, redeemed: false });
    return code;
  }

  /** The code's record; the caller marks it redeemed on first use. */
  findCode(code: string): AuthorizationCode | undefined {
    return this.codes.get(code);
  }

  clear(): void {
    this.pending.clear();
    this.codes.clear();
  }

  private prune(): void {
    if (this.pending.size + this.codes.size < MAX_ENTRIES) return;
    const now = Date.now();
    for (const [id, request] of this.pending) if (request.expiresAt <= now) this.pending.delete(id);
    for (const [code, record] of this.codes) if (record.expiresAt <= now) this.codes.delete(code);
  }
}
