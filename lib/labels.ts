import type { Indicator, MessageLevelValue, Parsed, StepStatusValue } from "@/lib/schemas/vocabulary";

/**
 * English wording of the status vocabulary (the portal's words; "sign-off", not the
 * portal's "sign out" slip). Unknown values show their raw text, never a blank.
 */
export const INDICATOR_LABELS: Record<Exclude<Indicator, "unknown">, string> = {
  draft: "Draft",
  publishing: "Publish in progress",
  awaitingSignoff: "Awaiting publisher sign-off",
  failed: "Publish failed",
  canceled: "Publish canceled",
  live: "Live",
  delisted: "Delisted",
};

export const STEP_STATUS_LABELS: Record<Exclude<StepStatusValue, "unknown">, string> = {
  notStarted: "Not started",
  inProgress: "In progress",
  waitingForPublisherReview: "Waiting for publisher sign-off",
  waitingForApproval: "Waiting for approval",
  blocked: "Blocked",
  rejected: "Rejected",
  complete: "Complete",
  canceled: "Canceled",
};

export const MESSAGE_LEVEL_LABELS: Record<Exclude<MessageLevelValue, "unknown">, string> = {
  information: "Information",
  warning: "Warning",
  error: "Error",
};

export const OFFER_TYPE_LABELS: Record<string, string> = {
  "microsoft-azure-virtualmachines": "Virtual machine",
  "microsoft-azure-corevm": "Core virtual machine",
  "microsoft-azure-applications": "Azure application",
  "microsoft-azure-container": "Container",
  "microsoft-azure-containers": "Container",
  "microsoft-azure-saas": "SaaS",
  "microsoft-azure-iotedge": "IoT Edge module",
  "microsoft-azure-consulting": "Consulting service",
};

function unknownLabel(raw: string): string {
  return raw.trim() ? `Unknown (${raw.trim().slice(0, 60)})` : "Unknown (empty)";
}

export function indicatorLabel(indicator: Indicator, rawStatus: string): string {
  return indicator === "unknown" ? unknownLabel(rawStatus) : INDICATOR_LABELS[indicator];
}

export function stepStatusLabel(status: Parsed<StepStatusValue>): string {
  return status.value === "unknown" ? unknownLabel(status.raw) : STEP_STATUS_LABELS[status.value];
}

export function messageLevelLabel(level: Parsed<MessageLevelValue>): string {
  return level.value === "unknown" ? unknownLabel(level.raw) : MESSAGE_LEVEL_LABELS[level.value];
}

/** A readable name for each offerTypeId; the raw id for types we do not know. */
export function offerTypeLabel(offerTypeId: string): string {
  return OFFER_TYPE_LABELS[offerTypeId.toLowerCase()] ?? offerTypeId;
}
