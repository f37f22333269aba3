// First: object schemas built in the browser must not probe for eval (see zod-browser.ts).
import "@/lib/zod-browser";

import { z } from "zod";

/** The one error envelope of our API: `{ "error": { "code", "message" } }`. */
export const errorEnvelopeSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    retryAfterSeconds: z.number().optional(),
    /** Values the page puts into its own words for the code (a name, an action), in its language. */
    args: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  }),
});
export type ErrorEnvelope = z.infer<typeof errorEnvelopeSchema>;

/**
 * Marks an ApiError whatever copy of this module made it. Next bundles the server's layers
 * (instrumentation, route handlers, server components) apart, each with its own copy of this
 * class, while the process-wide services they share throw from one of them: `instanceof` must
 * recognise them all, or a 403 from the upstream would be answered as a 500.
 */
const API_ERROR = Symbol.for("offer-status-dashboard.ApiError");

/** An error with a stable code and the HTTP status it maps to; used on both sides. */
export class ApiError extends Error {
  override readonly name = "ApiError";
  readonly [API_ERROR] = true;

  static override [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === "object" && value !== null && (value as { [API_ERROR]?: unknown })[API_ERROR] === true;
  }

  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly retryAfterSeconds?: number,
    options?: ErrorOptions & { args?: Record<string, string | number> },
  ) {
    super(message, options);
    this.args = options?.args;
  }

  readonly args: Record<string, string | number> | undefined;

  toEnvelope(): ErrorEnvelope {
    return {
      error: {
        code: this.code,
        message: this.message,
        ...(this.retryAfterSeconds !== undefined ? { retryAfterSeconds: this.retryAfterSeconds } : {}),
        ...(this.args !== undefined ? { args: this.args } : {}),
      },
    };
  }
}
