import { z } from "zod";

/** Fault injection for tests: latency, error statuses, malformed bodies, connection resets. */

export const ROUTE_KINDS = [
  "publishers",
  "offers",
  "offer",
  "status",
  "publish",
  "golive",
  "cancel",
  "operations",
  // Partner Center's Product Ingestion API (/rp/product-ingestion/).
  "pc-products",
  "pc-product",
  "pc-resource-tree",
  "pc-plans",
  "pc-submissions",
  "pc-configure",
  "pc-job",
  "pc-cancel",
] as const;
export type RouteKind = (typeof ROUTE_KINDS)[number];

export const faultSpecSchema = z
  .object({
    /** `api`: every API request (both APIs); `partner-center`: every Product Ingestion request. */
    target: z.enum(["api", "token", "partner-center", ...ROUTE_KINDS]),
    kind: z.enum(["latency", "status", "malformed", "reset", "invalid_client"]),
    status: z.number().int().min(400).max(599).optional(),
    retryAfter: z.number().int().min(0).max(86_400).optional(),
    latencyMs: z.number().int().min(0).max(120_000).optional(),
    times: z.number().int().min(1).optional(),
    publisherId: z.string().min(1).optional(),
    offerId: z.string().min(1).optional(),
    /**
     * Actions only (`golive`, `cancel`, `publish`): the upstream performs the action first and
     * then the fault spoils its answer (late, reset, an error status, or a 202 with a body that
     * is not JSON and no operation location), as a request that went through but whose answer
     * was lost.
     */
    afterAction: z.boolean().optional(),
  })
  .strict()
  .refine((f) => f.afterAction !== true || ["golive", "cancel", "publish"].includes(f.target), {
    message: "'afterAction' applies to targets 'golive', 'cancel' and 'publish' only",
  })
  .refine((f) => f.kind !== "status" || f.status !== undefined, { message: "kind 'status' needs a status" })
  .refine((f) => f.kind !== "latency" || f.latencyMs !== undefined, { message: "kind 'latency' needs latencyMs" })
  .refine((f) => f.kind !== "invalid_client" || f.target === "token", {
    message: "kind 'invalid_client' applies to target 'token' only",
  });

export type FaultSpec = z.infer<typeof faultSpecSchema>;

export interface Fault extends FaultSpec {
  readonly id: string;
  /** Matching requests it still applies to; null = until cleared. */
  remaining: number | null;
  applied: number;
}

export interface FaultContext {
  readonly target: "api" | "token";
  readonly kind: RouteKind | null;
  readonly publisherId?: string;
  readonly offerId?: string;
  /** After the action was performed (faults with `afterAction`), or before anything (the others). */
  readonly afterAction?: boolean;
}

export interface FaultOutcome {
  readonly latencyMs: number;
  /** The first matching non-latency fault, if any. */
  readonly terminal: Fault | null;
}

const same = (filter: string | undefined, value: string | undefined): boolean =>
  filter === undefined || (value !== undefined && filter.toLowerCase() === value.toLowerCase());

export class FaultRegistry {
  private faults: Fault[] = [];
  private counter = 0;

  add(spec: FaultSpec): Fault {
    const fault: Fault = { ...spec, id: `fault-${++this.counter}`, remaining: spec.times ?? null, applied: 0 };
    this.faults.push(fault);
    return fault;
  }

  list(): readonly Fault[] {
    return this.faults;
  }

  clear(): void {
    this.faults = [];
  }

  private matches(fault: Fault, ctx: FaultContext): boolean {
    const targetOk =
      fault.target === ctx.target ||
      (ctx.target === "api" &&
        ctx.kind !== null &&
        (fault.target === ctx.kind || (fault.target === "partner-center" && ctx.kind.startsWith("pc-"))));
    return (
      targetOk &&
      (fault.afterAction ?? false) === (ctx.afterAction ?? false) &&
      same(fault.publisherId, ctx.publisherId) &&
      same(fault.offerId, ctx.offerId)
    );
  }

  /** Consumes the faults that apply to this request: every latency one and the first other one. */
  take(ctx: FaultContext): FaultOutcome {
    if (this.faults.length === 0) return { latencyMs: 0, terminal: null };
    let latencyMs = 0;
    let terminal: Fault | null = null;
    for (const fault of this.faults) {
      if (!this.matches(fault, ctx)) continue;
      if (fault.kind === "latency") latencyMs += fault.latencyMs ?? 0;
      else if (terminal === null) terminal = fault;
      else continue;
      fault.applied++;
      if (fault.remaining !== null) fault.remaining--;
    }
    this.faults = this.faults.filter((f) => f.remaining === null || f.remaining > 0);
    return { latencyMs, terminal };
  }
}

const API_CODES: Readonly<Record<number, string>> = {
  400: "BadRequest",
  401: "Unauthorized",
  403: "Forbidden",
  404: "NotFound",
  409: "Conflict",
  422: "UnprocessableEntity",
  429: "TooManyRequests",
  500: "InternalServerError",
  502: "BadGateway",
  503: "ServiceUnavailable",
  504: "GatewayTimeout",
};

export function apiFaultError(status: number, retryAfter: number | undefined): { code: string; message: string } {
  const code = API_CODES[status] ?? (status >= 500 ? "InternalServerError" : "BadRequest");
  if (status === 429) {
    const wait = retryAfter === undefined ? "" : ` Try again in ${retryAfter} seconds.`;
    return { code, message: `Rate limit is exceeded.${wait}` };
  }
  if (status >= 500) return { code, message: "The service is temporarily unavailable. Please retry the request." };
  return { code, message: `Injected fault (HTTP ${status}).` };
}

/** A truncated JSON document, as if the connection dropped mid-body. */
export function malformedBody(kind: RouteKind | "token" | null): string {
  switch (kind) {
    case "token":
      return '{"token_type":"Bearer","expires_in":3599,"ext_expires_in":3599,"access_token":"eyJ0eXAiOiJKV1Qi';
    case "pc-products":
    case "pc-submissions":
      return '{"value": [{"$schema": "https://schema.mp.microsoft.com/schema/submission/2022-03-01-preview2", "id": "submiss';
    case "pc-configure":
    case "pc-job":
    case "pc-cancel":
      return '{"jobId": "3b5c1b4e", "jobStatus": "runn';
    case "publishers":
    case "offers":
      return '[{"offerTypeId":"microsoft-azure-virtualmachines","publisherId":"contoso","status":"runn';
    default:
      return '{"status": "running", "steps": [{"id": "displaydummycertify", "status": "comp';
  }
}
