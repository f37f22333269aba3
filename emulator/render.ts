import { REGIONS, SIGNOFF_STEP_ID, TYPE_LABELS } from "./catalog";
import type { OfferRecord, PublisherRecord } from "./model";
import { createRng, dotNetTicks, formatTimestamp } from "./random";
import { deriveRun, operationState, type OfferState, type OperationView, type StepView } from "./simulation";

/** Wire shapes of the CPP API, field names and order as in the reference docs. */

export interface Link {
  readonly displayText: string;
  readonly uri: string;
}

const pascal = (value: string): string => value.charAt(0).toUpperCase() + value.slice(1);

function cased(offer: OfferRecord, value: string): string {
  return offer.casing === "pascal" ? pascal(value) : value;
}

export function changedTime(offer: OfferRecord, ms: number): string {
  return formatTimestamp(ms, 7, offer.salt);
}

export function renderPublisher(publisher: PublisherRecord) {
  return {
    version: 0,
    id: publisher.id,
    definition: {
      displayText: publisher.displayText,
      offerTypeCategories: publisher.offerTypeCategories,
      sellerId: publisher.sellerId,
    },
  };
}

export function renderSummary(offer: OfferRecord, state: OfferState) {
  return {
    offerTypeId: offer.offerTypeId,
    publisherId: offer.publisherId,
    status: cased(offer, state.listStatus),
    id: offer.id,
    version: state.version,
    definition: { displayText: offer.displayText },
    changedTime: changedTime(offer, state.changedMs),
  };
}

function renderSteps(offer: OfferRecord, steps: readonly StepView[]) {
  const progressKey = offer.casing === "pascal" ? "processPercentage" : "progressPercentage";
  return steps.map((step) => {
    const withEta = step.def.id !== SIGNOFF_STEP_ID || offer.signoffEta;
    return {
      ...(withEta ? { estimatedTimeFrame: step.def.estimatedTimeFrame } : {}),
      id: step.def.id,
      stepName: step.def.stepName,
      description: step.def.description,
      status: cased(offer, step.status),
      messages: step.messages.map((m) => ({
        messageHtml: m.messageHtml,
        level: cased(offer, m.level),
        timestamp: m.timestamp,
      })),
      [progressKey]: step.progress,
    };
  });
}

export function previewLinks(offer: OfferRecord): Link[] {
  return [
    {
      displayText: "Azure Marketplace (preview)",
      uri: `https://azuremarketplace.microsoft.com/marketplace/apps/${offer.publisherId}.${offer.id}-preview?tab=Overview`,
    },
    {
      displayText: "Azure portal (preview)",
      uri: `https://portal.azure.com/#create/${offer.publisherId}.${offer.id}-previewplan`,
    },
  ];
}

export function liveLinks(offer: OfferRecord): Link[] {
  return [
    {
      displayText: "Azure Marketplace",
      uri: `https://azuremarketplace.microsoft.com/marketplace/apps/${offer.publisherId}.${offer.id}?tab=Overview`,
    },
  ];
}

export function renderStatus(offer: OfferRecord, state: OfferState) {
  return {
    status: cased(offer, state.status),
    messages: [],
    steps: renderSteps(offer, state.steps),
    previewLinks: state.previewVisible ? previewLinks(offer) : [],
    liveLinks: state.liveNow ? liveLinks(offer) : [],
    ...(offer.migrated ? {} : { notificationEmails: offer.emails }),
  };
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

/** The full offer definition: namespaced marketplace properties and plans, seeded per offer. */
export function renderFullOffer(offer: OfferRecord, state: OfferState, version: number, changedMs: number) {
  const rng = createRng(offer.salt, "definition");
  const type = offer.offerTypeId;
  const label = TYPE_LABELS[type] ?? "Offer";
  const planCount = rng.int(1, 3);
  const plans = Array.from({ length: planCount }, (_, i) => {
    const regions = REGIONS.filter(() => rng.chance(0.5));
    const tier = ["Standard", "Premium", "Enterprise"][i] ?? "Standard";
    const planId = `${slug(offer.id).slice(0, 30)}-${tier.toLowerCase()}`;
    return {
      planId,
      regions: regions.length > 0 ? regions : ["US"],
      [`${type}.skuTitle`]: `${offer.displayText} ${tier}`,
      [`${type}.skuSummary`]: `${tier} plan of ${offer.displayText}.`,
      [`${type}.hideSKUForSolutionTemplate`]: false,
      ...(type.endsWith("virtualmachines") || type.endsWith("corevm")
        ? {
            [`${type}.vmImages`]: {
              [`1.0.${version}`]: {
                osVhdUrl: `https://${offer.publisherId}images.blob.core.windows.net/vhds/${planId}-${version}.vhd`,
                lunVhdDetails: [],
              },
            },
            virtualMachinePricing: { isByol: rng.chance(0.4), freeTrialDurationInMonths: rng.pick([0, 1, 3]) },
          }
        : {}),
    };
  });
  return {
    offerTypeId: type,
    publisherId: offer.publisherId,
    status: cased(offer, state.listStatus),
    id: offer.id,
    version,
    definition: {
      displayText: offer.displayText,
      offer: {
        "microsoft-azure-marketplace.title": offer.displayText,
        "microsoft-azure-marketplace.summary": `${offer.displayText}: a ${label.toLowerCase()} for modern teams.`,
        "microsoft-azure-marketplace.longSummary": `${offer.displayText} helps you run and secure your workloads on Azure with built-in monitoring.`,
        "microsoft-azure-marketplace.description": `<p>${offer.displayText} is a ${label} offer published by ${offer.publisherId}.</p><ul><li>Fast to deploy</li><li>Enterprise support</li></ul>`,
        "microsoft-azure-marketplace.keywords": [label, offer.publisherId, "azure"],
        "microsoft-azure-marketplace.categoryMap": [
          { categoryL1: rng.pick(["analytics", "security", "networking", "storage"]) },
        ],
        "microsoft-azure-marketplace.privacyURL": `https://www.${offer.publisherId}.com/privacy`,
        "microsoft-azure-marketplace.supportContactEmail": `support@${offer.publisherId}.com`,
        "microsoft-azure-marketplace-testdrive.enabled": false,
      },
      plans,
    },
    changedTime: changedTime(offer, changedMs),
  };
}

export function renderOperation(offer: OfferRecord, op: OperationView, now: number) {
  const state = operationState(op, deriveRun(offer, op.run, now));
  return {
    id: op.id,
    offerId: offer.id,
    offerVersion: op.run.offerVersion,
    offerTypeId: offer.offerTypeId,
    publisherId: offer.publisherId,
    submissionType: op.submissionType,
    submissionState: state.submissionState,
    publishingVersion: op.run.publishingVersion,
    slot: "staging",
    version: dotNetTicks(op.createdMs),
    definition: { metadata: { emails: op.run.emails } },
    changedTime: formatTimestamp(state.changedMs, 6, offer.salt),
  };
}

export function renderOperationDetail(offer: OfferRecord, op: OperationView, now: number) {
  const runState = deriveRun(offer, op.run, now);
  const isCurrent = offer.runs[offer.runs.length - 1] === op.run;
  const inProgress = runState.phase === "running" || runState.phase === "held" || runState.phase === "signoff";
  return {
    status: cased(offer, runState.status),
    messages: [],
    publishingVersion: op.run.publishingVersion,
    offerVersion: op.run.offerVersion,
    cancellationRequestState: isCurrent && inProgress ? "canCancel" : "cannotCancel",
    steps: renderSteps(offer, runState.steps),
    previewLinks:
      isCurrent && runState.signoffReachedMs !== null && runState.phase !== "canceled" ? previewLinks(offer) : [],
    liveLinks: runState.phase === "succeeded" && !offer.delisted ? liveLinks(offer) : [],
    ...(offer.migrated ? {} : { notificationEmails: op.run.emails }),
  };
}
