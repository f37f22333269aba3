import "server-only";

import type {
  CurrentStep,
  Link,
  Message,
  OfferDetail,
  OfferStatus,
  OfferSummary,
  Plan,
  Publisher,
  Step,
} from "@/lib/schemas/model";
import {
  countMessages,
  deriveIndicator,
  findCurrentStep,
  findSignoffStep,
  parseMessageLevel,
  parseOfferStatus,
  parseStepStatus,
  reconcileIndicator,
  type OfferStatusValue,
  type Parsed,
} from "@/lib/schemas/vocabulary";

import { htmlToText, sanitizeMessageHtml } from "./sanitize";
import type {
  WireLink,
  WireMessage,
  WireOffer,
  WireOfferStatus,
  WireOfferSummary,
  WirePublisher,
  WireStep,
} from "./wire";

/** Named reshape functions, wire in, app model out (one per upstream shape). */

export function toPublisher(wire: WirePublisher): Publisher {
  return { id: wire.id, name: wire.definition.displayText?.trim() || wire.id };
}

function toTimestamp(value: string | null): string | null {
  if (!value) return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

export function toMessage(wire: WireMessage): Message {
  const raw = wire.messageHtml ?? "";
  return {
    html: sanitizeMessageHtml(raw),
    text: htmlToText(raw),
    level: parseMessageLevel(wire.level),
    timestamp: toTimestamp(wire.timestamp),
  };
}

function toProgress(step: WireStep): number | null {
  const value = step.progressPercentage ?? step.processPercentage;
  if (value === null) return null;
  return Math.min(100, Math.max(0, Math.round(value)));
}

function earliest(timestamps: (string | null)[]): string | null {
  let best: string | null = null;
  for (const t of timestamps) if (t && (best === null || t < best)) best = t;
  return best;
}

function latest(timestamps: (string | null)[]): string | null {
  let best: string | null = null;
  for (const t of timestamps) if (t && (best === null || t > best)) best = t;
  return best;
}

export function toStep(wire: WireStep, index: number): Step {
  const messages = wire.messages.map(toMessage);
  return {
    // Steps are keyed by id; a step without one still needs a stable key and anchor.
    id: wire.id?.trim() || `step-${index + 1}`,
    name: wire.stepName?.trim() || wire.id?.trim() || `Step ${index + 1}`,
    description: wire.description?.trim() ?? "",
    status: parseStepStatus(wire.status),
    progress: toProgress(wire),
    estimatedTimeFrame: wire.estimatedTimeFrame?.trim() || null,
    messages,
    startedAt: earliest(messages.map((m) => m.timestamp)),
  };
}

function toLink(wire: WireLink): Link | null {
  const url = typeof wire === "string" ? wire : wire.url;
  if (!url || !/^https?:\/\//i.test(url)) return null;
  const text = typeof wire === "string" ? wire : wire.text?.trim() || url;
  return { text, url };
}

/** When the sign-off wait began: the sign-off step's first message, else the previous step's last one. */
function waitingSinceOf(steps: Step[]): string | null {
  const signoff = findSignoffStep(steps);
  if (!signoff) return null;
  if (signoff.startedAt) return signoff.startedAt;
  const index = steps.indexOf(signoff);
  for (let i = index - 1; i >= 0; i--) {
    const last = latest(steps[i]?.messages.map((m) => m.timestamp) ?? []);
    if (last) return last;
  }
  return null;
}

export function toOfferStatus(publisherId: string, offerId: string, wire: WireOfferStatus): OfferStatus {
  const steps = wire.steps.map(toStep);
  const messages = wire.messages.map(toMessage);
  const status = parseOfferStatus(wire.status);
  const indicator = deriveIndicator(status.value, steps);
  return {
    publisherId,
    offerId,
    status,
    indicator,
    messages,
    steps,
    currentStepId: findCurrentStep(steps)?.id ?? null,
    waitingSince: indicator === "awaitingSignoff" ? waitingSinceOf(steps) : null,
    ...countMessages(messages, steps),
    previewLinks: wire.previewLinks.map(toLink).filter((l): l is Link => l !== null),
    liveLinks: wire.liveLinks.map(toLink).filter((l): l is Link => l !== null),
  };
}

export function toOfferSummary(publisherId: string, wire: WireOfferSummary): OfferSummary {
  const status = parseOfferStatus(wire.status);
  return {
    id: wire.id,
    publisherId: wire.publisherId?.trim() || publisherId,
    name: wire.definition.displayText?.trim() || wire.id,
    offerTypeId: wire.offerTypeId?.trim() || "unknown",
    version: wire.version,
    changedTime: toTimestamp(wire.changedTime),
    status,
    indicator: deriveIndicator(status.value),
    currentStep: null,
    waitingSince: null,
    warningCount: 0,
    errorCount: 0,
    statusError: null,
    previewLinks: [],
  };
}

/**
 * The status document with the one indicator of the offer (see reconcileIndicator): the
 * offer's own status joins the document's, so a delisted offer whose last run succeeded is
 * delisted on its Status tab as in the list.
 */
export function reconcileStatus(status: OfferStatus, offerStatus: Parsed<OfferStatusValue> | null): OfferStatus {
  const indicator = reconcileIndicator(offerStatus?.value ?? null, status.status.value, status.steps);
  if (indicator === status.indicator) return status;
  return {
    ...status,
    indicator,
    waitingSince: indicator === "awaitingSignoff" ? status.waitingSince : null,
    // Links to a live listing that is no longer there would be false.
    liveLinks: indicator === "delisted" ? [] : status.liveLinks,
  };
}

/** Adds what the offer's status document tells the list: the current step, sign-off, counts. */
export function withStatus(summary: OfferSummary, document: OfferStatus): OfferSummary {
  const status = reconcileStatus(document, summary.status);
  const step = status.steps.find((s) => s.id === status.currentStepId);
  const currentStep: CurrentStep | null = step
    ? {
        id: step.id,
        name: step.name,
        status: step.status,
        progress: step.progress,
        estimatedTimeFrame: step.estimatedTimeFrame,
        startedAt: step.startedAt,
      }
    : null;
  return {
    ...summary,
    // The list's status may lag the status document; the document is the fresher word.
    status: status.status.value === "unknown" || status.indicator === "delisted" ? summary.status : status.status,
    indicator: status.indicator,
    currentStep,
    waitingSince: status.waitingSince ?? (status.indicator === "awaitingSignoff" ? summary.changedTime : null),
    warningCount: status.warningCount,
    errorCount: status.errorCount,
    previewLinks: status.previewLinks,
  };
}

function stringField(record: Record<string, unknown> | null | undefined, suffix: string): string | null {
  if (!record) return null;
  for (const [key, value] of Object.entries(record)) {
    if ((key === suffix || key.endsWith(`.${suffix}`)) && typeof value === "string" && value.trim())
      return value.trim();
  }
  return null;
}

export function toOfferDetail(publisherId: string, wire: WireOffer): OfferDetail {
  const plans: Plan[] = wire.definition.plans.map((plan, i) => ({
    id: typeof plan.planId === "string" ? plan.planId : `plan-${i + 1}`,
    title: stringField(plan, "skuTitle") ?? stringField(plan, "title"),
  }));
  return {
    id: wire.id,
    publisherId: wire.publisherId?.trim() || publisherId,
    name: wire.definition.displayText?.trim() || wire.id,
    offerTypeId: wire.offerTypeId?.trim() || "unknown",
    version: wire.version,
    changedTime: toTimestamp(wire.changedTime),
    status: parseOfferStatus(wire.status),
    title: stringField(wire.definition.offer, "title"),
    summary: stringField(wire.definition.offer, "summary"),
    plans,
  };
}
