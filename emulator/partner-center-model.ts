import { createRng } from "./random";

/**
 * The Product Ingestion API's data (Partner Center, through Microsoft Graph): one seller's
 * products, their submissions and configure jobs. Submissions and jobs carry their timeline
 * (start, end, outcome) and are rendered against the simulated clock, so products move from
 * preview to sign-off, go live or fail as the clock advances.
 */

export const PC_VERSION = "2022-03-01-preview2";
export const SCHEMA = "https://schema.mp.microsoft.com/schema";

export type TargetType = "draft" | "preview" | "live";

export interface PcSubmission {
  /** The n of `submission/<productGuid>/<n>`. */
  readonly n: number;
  readonly target: TargetType;
  readonly createdMs: number;
  /** When it completes; null while it runs on (never within the scenario). */
  readonly endMs: number | null;
  readonly outcome: "succeeded" | "failed";
  lifecycleState: string;
  /** Spelling of the enums ("camel" as documented, "pascal" as some services answer). */
  readonly spelling?: "pascal";
  /** A status outside the documented values, to show the raw text. */
  readonly rawStatus?: string;
}

export interface PcJobError {
  readonly code: string;
  readonly message: string;
  readonly resourceId?: string;
}

export interface PcJob {
  readonly id: string;
  readonly productGuid: string;
  readonly submissionN: number;
  readonly startMs: number;
  readonly endMs: number;
  readonly outcome: "succeeded" | "failed";
  readonly errors: readonly PcJobError[];
  cancelledMs: number | null;
}

export interface PcProduct {
  readonly guid: string;
  readonly externalId: string;
  readonly alias: string;
  readonly type: string;
  readonly title: string;
  readonly summary: string;
  readonly plans: readonly { readonly guid: string; readonly externalId: string; readonly alias: string }[];
  submissions: PcSubmission[];
  /** What a Go live (configure to live) does here: how long it runs and how it ends. */
  readonly goLive: { readonly durationMs: number; readonly outcome: "succeeded" | "failed" };
  /** Spelling of the job id in configure answers ("jobID" in some samples). */
  readonly jobIdField: "jobId" | "jobID";
  /** Control API: a submissions body (or raw text) served instead of the real one. */
  override: { kind: "body"; body: unknown } | { kind: "raw"; raw: string } | null;
}

export interface PcDataset {
  readonly products: PcProduct[];
  readonly jobs: Map<string, PcJob>;
  jobCounter: number;
}

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

/** A GUID that is stable for a seed and a key. */
export function stableGuid(seed: number, key: string): string {
  const rng = createRng(seed, "pc", key);
  const hex = Array.from({ length: 32 }, () => rng.int(0, 15).toString(16)).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

interface Scenario {
  externalId: string;
  alias: string;
  type: string;
  /** Submissions relative to the clock's start. */
  submissions: (Omit<PcSubmission, "n" | "createdMs" | "endMs" | "lifecycleState"> & {
    createdAgo: number;
    /** Ends this long after the start (negative: already ended); null: runs on. */
    endIn: number | null;
    lifecycleState?: string;
  })[];
  goLive?: PcProduct["goLive"];
  jobIdField?: PcProduct["jobIdField"];
}

const ga = "generallyAvailable";

/** The products of the seller: one per derived indicator, and the transitions the tests drive. */
const SCENARIOS: readonly Scenario[] = [
  { externalId: "pc-saas-draft", alias: "Contoso Draft SaaS", type: "softwareAsAService", submissions: [] },
  {
    externalId: "pc-vm-preview",
    alias: "Contoso Hardened VM",
    type: "azureVirtualMachine",
    // Preview creation runs another 30 minutes, then the offer waits for sign-off.
    submissions: [{ target: "preview", outcome: "succeeded", createdAgo: 20 * MIN, endIn: 30 * MIN }],
  },
  {
    externalId: "pc-saas-signoff",
    alias: "Contoso Analytics SaaS",
    type: "softwareAsAService",
    submissions: [{ target: "preview", outcome: "succeeded", createdAgo: 2 * DAY, endIn: -DAY }],
  },
  {
    externalId: "pc-saas-golive",
    alias: "Contoso Billing SaaS",
    type: "softwareAsAService",
    submissions: [{ target: "preview", outcome: "succeeded", createdAgo: 3 * DAY, endIn: -2 * DAY }],
    goLive: { durationMs: 45 * MIN, outcome: "succeeded" },
  },
  {
    externalId: "pc-vm-golive-fails",
    alias: "Contoso GPU VM",
    type: "azureVirtualMachine",
    submissions: [{ target: "preview", outcome: "succeeded", createdAgo: 3 * DAY, endIn: -2 * DAY }],
    goLive: { durationMs: 10 * MIN, outcome: "failed" },
    jobIdField: "jobID",
  },
  {
    externalId: "pc-vm-failing",
    alias: "Contoso Legacy VM",
    type: "azureVirtualMachine",
    submissions: [{ target: "preview", outcome: "failed", createdAgo: 10 * MIN, endIn: 20 * MIN }],
  },
  {
    externalId: "pc-saas-failed",
    alias: "Contoso Failed SaaS",
    type: "softwareAsAService",
    submissions: [{ target: "preview", outcome: "failed", createdAgo: DAY, endIn: -20 * HOUR }],
  },
  {
    externalId: "pc-container-live",
    alias: "Contoso Container Suite",
    type: "azureContainer",
    submissions: [
      { target: "preview", outcome: "succeeded", createdAgo: 30 * DAY, endIn: -29 * DAY },
      { target: "live", outcome: "succeeded", createdAgo: 28 * DAY, endIn: -27 * DAY },
    ],
  },
  {
    externalId: "pc-vm-delisted",
    alias: "Contoso Retired VM",
    type: "azureVirtualMachine",
    submissions: [
      { target: "live", outcome: "succeeded", createdAgo: 90 * DAY, endIn: -89 * DAY, lifecycleState: "deprecated" },
    ],
  },
  {
    externalId: "pc-container-pascal",
    alias: "Contoso Pascal Container",
    type: "AzureContainer",
    submissions: [{ target: "preview", outcome: "succeeded", createdAgo: 5 * MIN, endIn: null, spelling: "pascal" }],
  },
  {
    externalId: "pc-app-paused",
    alias: "Contoso Paused App",
    type: "azureApplication",
    submissions: [{ target: "preview", outcome: "succeeded", createdAgo: HOUR, endIn: null, rawStatus: "paused" }],
  },
  // Live products enough that the product list spans pages.
  ...Array.from({ length: 5 }, (_, i): Scenario => ({
    externalId: `pc-saas-live-${i + 1}`,
    alias: `Contoso Suite ${i + 1}`,
    type: i % 2 === 0 ? "softwareAsAService" : "azureVirtualMachine",
    submissions: [{ target: "live", outcome: "succeeded", createdAgo: (10 + i) * DAY, endIn: -(9 + i) * DAY }],
  })),
];

function toProduct(seed: number, startMs: number, scenario: Scenario): PcProduct {
  const guid = stableGuid(seed, scenario.externalId);
  return {
    guid,
    externalId: scenario.externalId,
    alias: scenario.alias,
    type: scenario.type,
    title: scenario.alias,
    summary: `${scenario.alias}, published through Partner Center.`,
    plans: ["standard", "premium"].map((plan) => ({
      guid: stableGuid(seed, `${scenario.externalId}/${plan}`),
      externalId: plan,
      alias: plan === "standard" ? "Standard" : "Premium",
    })),
    submissions: [
      // Every product has its draft.
      {
        n: 1,
        target: "draft",
        createdMs: startMs - 120 * DAY,
        endMs: startMs - 120 * DAY,
        outcome: "succeeded",
        lifecycleState: ga,
      },
      ...scenario.submissions.map(({ createdAgo, endIn, lifecycleState, ...rest }, i) => ({
        ...rest,
        n: i + 2,
        createdMs: startMs - createdAgo,
        endMs: endIn === null ? null : startMs + endIn,
        lifecycleState: lifecycleState ?? ga,
      })),
    ],
    goLive: scenario.goLive ?? { durationMs: 30 * MIN, outcome: "succeeded" },
    jobIdField: scenario.jobIdField ?? "jobId",
    override: null,
  };
}

export function generatePartnerCenter(seed: number, startMs: number): PcDataset {
  return { products: SCENARIOS.map((s) => toProduct(seed, startMs, s)), jobs: new Map(), jobCounter: 0 };
}

export interface RenderedState {
  status: "notStarted" | "running" | "completed";
  result: "pending" | "succeeded" | "failed" | "cancelled";
}

export function submissionState(sub: PcSubmission, now: number): RenderedState {
  if (sub.endMs === null || now < sub.endMs)
    return { status: now < sub.createdMs ? "notStarted" : "running", result: "pending" };
  return { status: "completed", result: sub.outcome };
}

export function jobState(job: PcJob, now: number): RenderedState {
  if (job.cancelledMs !== null) return { status: "completed", result: "cancelled" };
  if (now < job.endMs) return { status: now < job.startMs ? "notStarted" : "running", result: "pending" };
  return { status: "completed", result: job.outcome };
}

const pascal = (value: string) => value.charAt(0).toUpperCase() + value.slice(1);
const iso = (ms: number) => new Date(ms).toISOString().replace("Z", "0000Z");

export function renderSubmission(product: PcProduct, sub: PcSubmission, now: number): Record<string, unknown> {
  const state = submissionState(sub, now);
  const spell = (v: string) => (sub.spelling === "pascal" ? pascal(v) : v);
  return {
    $schema: `${SCHEMA}/submission/${PC_VERSION}`,
    id: `submission/${product.guid}/${sub.n}`,
    product: `product/${product.guid}`,
    target: { targetType: spell(sub.target) },
    status: sub.rawStatus ?? spell(state.status),
    result: spell(state.result),
    created: iso(sub.createdMs),
    lifecycleState: spell(sub.lifecycleState),
    // A field the dashboard does not know: it must be ignored.
    areaOfInterest: "emulator",
  };
}

export function renderJob(product: PcProduct, job: PcJob, now: number): Record<string, unknown> {
  const state = jobState(job, now);
  const done = state.status === "completed";
  const endMs = job.cancelledMs ?? job.endMs;
  return {
    $schema: `${SCHEMA}/configure-status/${PC_VERSION}`,
    [product.jobIdField]: job.id,
    jobStatus: state.status,
    jobResult: state.result,
    jobStart: iso(job.startMs),
    jobEnd: done ? iso(endMs) : "0001-01-01T00:00:00",
    resourceUri: `https://graph.microsoft.com/rp/product-ingestion/configure/${job.id}`,
    errors: done && state.result === "failed" ? job.errors : [],
  };
}

/** Whether the submission stands for preview now: a preview one, or a live one until the next preview. */
export function matchesTarget(product: PcProduct, sub: PcSubmission, target: string | null): boolean {
  if (target === null) return true;
  const wanted = target.toLowerCase();
  if (sub.target === wanted) return true;
  if (wanted !== "preview" || sub.target !== "live") return false;
  return !product.submissions.some((other) => other.target === "preview" && other.n > sub.n);
}

/** The errors a failing Go live reports (in the shape of the configure status `errors[]`). */
export function goLiveErrors(product: PcProduct): PcJobError[] {
  return [
    {
      code: "businessValidationError",
      message: `The technical configuration of plan '${product.plans[0]?.externalId ?? "standard"}' failed certification: the image's OS disk is larger than 1023 GB.`,
      resourceId: `plan/${product.guid}/${product.plans[0]?.guid ?? ""}`,
    },
    {
      code: "invalidState",
      message: "Certification failed: see https://partner.microsoft.com/dashboard for the report.",
    },
  ];
}
