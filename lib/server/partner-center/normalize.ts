import "server-only";

import type { Message, OfferStatus, OfferSummary, Plan, Step } from "@/lib/schemas/model";
import {
  SIGNOFF_STEP_ID,
  countMessages,
  deriveIndicator,
  enumParser,
  findCurrentStep,
  type Indicator,
  type OfferStatusValue,
  type Parsed,
  type StepStatusValue,
} from "@/lib/schemas/vocabulary";

import { htmlToText, sanitizeMessageHtml } from "../cpp/sanitize";
import type { WireJob, WireProduct, WireResourceTree, WireSubmission } from "./wire";

/**
 * Partner Center's model into ours. The Product Ingestion API has submissions (draft, preview,
 * live; status, result, lifecycle state) and configure jobs, but no steps, no per-step messages,
 * no estimates and no "waiting for publisher review": the indicator follows the rules public
 * clients use, and the Status tab's steps are the stages Partner Center shows, derived here.
 */

export const parseTarget = enumParser(["draft", "preview", "live"] as const);
export const parseSubmissionStatus = enumParser(["notStarted", "running", "completed"] as const);
export const parseResult = enumParser(["pending", "succeeded", "failed", "cancelled"] as const);
export const parseLifecycle = enumParser(["generallyAvailable", "deprecated", "deleted"] as const);

/** The offer in Partner Center's own pages. */
export const partnerCenterUrl = (productGuid: string) =>
  `https://partner.microsoft.com/dashboard/commercial-marketplace/offers/${encodeURIComponent(productGuid)}/overview`;

/** "product/<guid>" → "<guid>" (lower case: ids are case-insensitive). */
export const productGuidOf = (id: string) => id.replace(/^product\//i, "").toLowerCase();

const OFFER_TYPES: Readonly<Record<string, string>> = {
  softwareasaservice: "microsoft-azure-saas",
  azurevirtualmachine: "microsoft-azure-virtualmachines",
  azurecontainer: "microsoft-azure-container",
  azureapplication: "microsoft-azure-applications",
  iotedgemodule: "microsoft-azure-iotedge",
  consultingservice: "microsoft-azure-consulting",
};

/** Product type → the offer types the pages know; another type is shown as the upstream spells it. */
export function toOfferTypeId(type: string | null): string {
  const key = (type ?? "").replace(/[\s_-]+/g, "").toLowerCase();
  return OFFER_TYPES[key] ?? (type?.trim() || "unknown");
}

export interface Submission {
  id: string;
  /** The n of submission/<guid>/<n>, to order submissions made in the same instant. */
  n: number;
  target: ReturnType<typeof parseTarget>;
  status: ReturnType<typeof parseSubmissionStatus>;
  result: ReturnType<typeof parseResult>;
  lifecycle: ReturnType<typeof parseLifecycle>;
  created: string | null;
}

export interface Job {
  jobId: string;
  status: ReturnType<typeof parseSubmissionStatus>;
  result: ReturnType<typeof parseResult>;
  start: string | null;
  end: string | null;
  errors: { code: string; message: string }[];
}

function toTimestamp(value: string | null): string | null {
  // Unfinished jobs say 0001-01-01T00:00:00.
  if (!value || value.startsWith("0001-")) return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

export function toSubmission(wire: WireSubmission): Submission {
  return {
    id: wire.id,
    n: Number(/\/(\d+)$/.exec(wire.id)?.[1] ?? 0),
    target: parseTarget(wire.target.targetType),
    status: parseSubmissionStatus(wire.status),
    result: parseResult(wire.result),
    lifecycle: parseLifecycle(wire.lifecycleState),
    created: toTimestamp(wire.created),
  };
}

export function toJob(wire: WireJob): Job {
  return {
    jobId: wire.jobId,
    status: parseSubmissionStatus(wire.jobStatus),
    result: parseResult(wire.jobResult),
    start: toTimestamp(wire.jobStart),
    end: toTimestamp(wire.jobEnd),
    errors: wire.errors.map((e) => ({ code: e.code?.trim() || "error", message: e.message?.trim() || "" })),
  };
}

type StageId = "draft" | "preview-creation" | typeof SIGNOFF_STEP_ID | "publish" | "live";

/** Partner Center's stages with the estimates it gives (none where a person acts). */
const STAGES: readonly { id: StageId; name: string; description: string; estimate: string | null }[] = [
  { id: "draft", name: "Draft", description: "The offer is edited in Partner Center.", estimate: null },
  {
    id: "preview-creation",
    name: "Preview creation",
    description: "Validation, certification and the preview of the offer (a submission to preview).",
    estimate: "up to 3 days",
  },
  {
    id: SIGNOFF_STEP_ID,
    name: "Publisher sign-off",
    description: "The preview waits for the publisher to check it and select Go live.",
    estimate: null,
  },
  {
    id: "publish",
    name: "Publish",
    description: "The offer is published to the marketplace (a submission to live).",
    estimate: "> 30 min",
  },
  { id: "live", name: "Live", description: "The offer is live in the marketplace.", estimate: null },
];

interface Derivation {
  status: Parsed<OfferStatusValue>;
  /** The stage reached and its state; the stages before it are complete, those after it not started. */
  stage: StageId;
  stageStatus: Parsed<StepStatusValue>;
  stageStartedAt: string | null;
}

const step = (value: StepStatusValue, raw: string = value): Parsed<StepStatusValue> => ({ value, raw });
const offer = (value: OfferStatusValue, raw: string = value): Parsed<OfferStatusValue> => ({ value, raw });

const inFlight = (s: { status: Submission["status"] }) =>
  s.status.value === "running" || s.status.value === "notStarted";
const describe = (s: Submission) => `${s.target.raw} ${s.status.raw} ${s.result.raw}`.trim();
const order = (a: Submission, b: Submission) => (a.created ?? "").localeCompare(b.created ?? "") || a.n - b.n;

/** The indicator rules of the reference (SUSE's, cloudpub's), with a job of ours as fresher word. */
function derive(submissions: readonly Submission[], job: (Job & { target: "live" }) | null): Derivation {
  const published = submissions.filter((s) => s.target.value === "preview" || s.target.value === "live").sort(order);
  const unknownTarget = submissions.find((s) => s.target.value === "unknown");
  const newest = published.at(-1);
  const jobRunning = job !== null && inFlight(job);
  const jobAfterNewest = job !== null && (newest?.created ?? "") <= (job.start ?? "");
  const stageOf = (s: Submission): StageId => (s.target.value === "live" ? "publish" : "preview-creation");

  if (jobRunning) {
    return {
      status: offer("running", `job ${job.status.raw}`),
      stage: "publish",
      stageStatus: step("inProgress"),
      stageStartedAt: job.start,
    };
  }
  if (newest === undefined) {
    if (unknownTarget !== undefined)
      return {
        status: offer("unknown", unknownTarget.target.raw),
        stage: "draft",
        stageStatus: step("unknown", unknownTarget.target.raw),
        stageStartedAt: null,
      };
    return {
      status: offer("neverPublished", "draft"),
      stage: "draft",
      stageStatus: step("inProgress"),
      stageStartedAt: null,
    };
  }
  if (job !== null && job.result.value === "cancelled" && jobAfterNewest) {
    return {
      status: offer("canceled", `job ${job.result.raw}`),
      stage: "publish",
      stageStatus: step("canceled"),
      stageStartedAt: job.start,
    };
  }
  if (job !== null && job.result.value === "failed" && jobAfterNewest) {
    return {
      status: offer("failed", `job ${job.result.raw}`),
      stage: "publish",
      stageStatus: step("rejected"),
      stageStartedAt: job.start,
    };
  }
  const stage = stageOf(newest);
  const base = { stage, stageStartedAt: newest.created };
  if (newest.status.value === "unknown")
    return { ...base, status: offer("unknown", newest.status.raw), stageStatus: step("unknown", newest.status.raw) };
  if (inFlight(newest)) return { ...base, status: offer("running", describe(newest)), stageStatus: step("inProgress") };
  switch (newest.result.value) {
    case "failed":
      return { ...base, status: offer("failed", describe(newest)), stageStatus: step("rejected") };
    case "cancelled":
      return { ...base, status: offer("canceled", describe(newest)), stageStatus: step("canceled") };
    case "succeeded":
      break;
    default:
      return { ...base, status: offer("unknown", newest.result.raw), stageStatus: step("unknown", newest.result.raw) };
  }
  if (newest.target.value === "preview")
    return {
      status: offer("waitingForPublisherReview", describe(newest)),
      stage: SIGNOFF_STEP_ID,
      stageStatus: step("waitingForPublisherReview"),
      stageStartedAt: newest.created,
    };
  const live = { stage: "live" as const, stageStartedAt: newest.created };
  switch (newest.lifecycle.value) {
    case "generallyAvailable":
      return { ...live, status: offer("succeeded", describe(newest)), stageStatus: step("complete") };
    case "deprecated":
    case "deleted":
      return { ...live, status: offer("delisted", newest.lifecycle.raw), stageStatus: step("complete") };
    default:
      return {
        ...live,
        status: offer("unknown", newest.lifecycle.raw || "lifecycleState missing"),
        stageStatus: step("unknown", newest.lifecycle.raw),
      };
  }
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function message(level: "information" | "warning" | "error", html: string, timestamp: string | null): Message {
  return { html: sanitizeMessageHtml(html), text: htmlToText(html), level: { value: level, raw: level }, timestamp };
}

/** A configure job's life and its `errors[]`, as messages on the Publish stage. */
function jobMessages(job: Job): Message[] {
  const id = escapeHtml(job.jobId);
  const messages = [message("information", `Go live started (configure job ${id}).`, job.start)];
  if (job.result.value === "succeeded")
    messages.push(message("information", `Configure job ${id} succeeded.`, job.end));
  if (job.result.value === "cancelled")
    messages.push(message("warning", `Configure job ${id} was cancelled.`, job.end));
  for (const error of job.errors)
    messages.push(message("error", `${escapeHtml(error.message || error.code)} (${escapeHtml(error.code)})`, job.end));
  if (job.result.value === "failed" && job.errors.length === 0)
    messages.push(message("error", `Configure job ${id} failed without saying why.`, job.end));
  return messages;
}

/** A job tells about the offer until a newer preview submission starts the next round. */
function relevantJob(job: Job | null, submissions: readonly Submission[]): (Job & { target: "live" }) | null {
  if (job === null) return null;
  const superseded = submissions.some(
    (s) => s.target.value === "preview" && s.created !== null && s.created > (job.start ?? ""),
  );
  return superseded && !inFlight(job) ? null : { ...job, target: "live" };
}

export interface ProductState {
  publisherId: string;
  offerId: string;
  productGuid: string;
  submissions: readonly Submission[];
  /** The newest configure job this dashboard started for the product, with its last status. */
  job: Job | null;
}

/** The Status tab's document, derived from the product's submissions and our configure job. */
export function toOfferStatus(state: ProductState): OfferStatus {
  const job = relevantJob(state.job, state.submissions);
  const d = derive(state.submissions, job);
  const reached = STAGES.findIndex((s) => s.id === d.stage);
  const url = partnerCenterUrl(state.productGuid);
  const steps: Step[] = STAGES.map((stage, i) => {
    const messages: Message[] = [];
    if (stage.id === "publish" && job !== null) messages.push(...jobMessages(job));
    if (i === reached && d.stageStatus.value === "rejected" && messages.every((m) => m.level.value !== "error")) {
      // A submission that failed outside the dashboard: the API says that, not why.
      messages.push(
        message(
          "error",
          `Partner Center reports this submission failed; its API gives no reason. <a href="${url}">See the offer in Partner Center</a>.`,
          d.stageStartedAt,
        ),
      );
    }
    return {
      id: stage.id,
      name: stage.name,
      description: stage.description,
      status: i < reached ? step("complete") : i === reached ? d.stageStatus : step("notStarted"),
      progress: null,
      estimatedTimeFrame: stage.estimate,
      messages,
      startedAt: i === reached ? d.stageStartedAt : null,
    };
  });
  const indicator: Indicator = deriveIndicator(d.status.value, steps);
  const running = job !== null && inFlight(job);
  return {
    publisherId: state.publisherId,
    offerId: state.offerId,
    status: d.status,
    indicator,
    messages: [],
    steps,
    currentStepId: findCurrentStep(steps)?.id ?? null,
    // When the preview was submitted: the API has no time for its completion.
    waitingSince: indicator === "awaitingSignoff" ? d.stageStartedAt : null,
    ...countMessages([], steps),
    previewLinks: [],
    liveLinks: [],
    derivedFrom: "submissions",
    cancelUnavailable:
      (indicator === "publishing" || indicator === "awaitingSignoff") && !running ? "noRunningJob" : null,
    partnerCenterUrl: url,
  };
}

export function toOfferSummary(product: WireProduct, publisherId: string, status: OfferStatus | null): OfferSummary {
  const guid = productGuidOf(product.id);
  const id = product.identity.externalId?.trim() || guid;
  const step = status?.steps.find((s) => s.id === status.currentStepId);
  return {
    id,
    publisherId,
    name: product.alias?.trim() || id,
    offerTypeId: toOfferTypeId(product.type),
    version: null,
    changedTime:
      status?.steps.reduce<string | null>((t, s) => (s.startedAt && (!t || s.startedAt > t) ? s.startedAt : t), null) ??
      null,
    status: status?.status ?? { value: "unknown", raw: "" },
    indicator: status?.indicator ?? "unknown",
    currentStep:
      step === undefined ||
      status?.indicator === "live" ||
      status?.indicator === "delisted" ||
      status?.indicator === "draft"
        ? null
        : {
            id: step.id,
            name: step.name,
            status: step.status,
            progress: step.progress,
            estimatedTimeFrame: step.estimatedTimeFrame,
            startedAt: step.startedAt,
          },
    waitingSince: status?.waitingSince ?? null,
    warningCount: status?.warningCount ?? 0,
    errorCount: status?.errorCount ?? 0,
    statusError: null,
    previewLinks: [],
    partnerCenterUrl: partnerCenterUrl(guid),
  };
}

function field(record: Record<string, unknown>, key: string): string | null {
  const value = record[key];
  return typeof value === "string" && value.trim() ? value.trim() : null;
}

/** Title, summary and plans from the product's resource tree. */
export function fromResourceTree(tree: WireResourceTree): {
  title: string | null;
  summary: string | null;
  plans: Plan[];
} {
  const listing = tree.resources.find((r) => /^listing\//i.test(field(r, "id") ?? ""));
  const plans = tree.resources
    .filter((r) => /^plan\//i.test(field(r, "id") ?? ""))
    .map((r, i): Plan => {
      const identity = r.identity;
      const externalId =
        typeof identity === "object" && identity !== null
          ? field(identity as Record<string, unknown>, "externalId")
          : null;
      return { id: externalId ?? `plan-${i + 1}`, title: field(r, "alias") };
    });
  return {
    title: listing ? field(listing, "title") : null,
    summary: listing ? field(listing, "summary") : null,
    plans,
  };
}
