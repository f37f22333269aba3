import {
  APP,
  CONTAINER,
  CORE_VM,
  IOT_EDGE,
  NAME_FIRST,
  NAME_SECOND,
  SAAS,
  SIGNOFF_STEP_ID,
  stepsFor,
  VM,
} from "./catalog";
import type { BulkOptions, Dataset, Failure, OfferRecord, PublisherRecord } from "./model";
import {
  addRun,
  DAY,
  demoDurations,
  finishedAgo,
  historicDurations,
  HOUR,
  jitter,
  makeOffer,
  MINUTE,
  mixedDurations,
  SECOND,
  startAtSignoff,
  startAtStep,
} from "./offer-factory";
import { createRng, type Rng, type StampStyle } from "./random";
import { buildScenarioOffers } from "./scenarios";

/** Seeded data set: publishers, named scenario offers, generated filler and the bulk publisher. */

type FillerKind =
  | "live"
  | "published"
  | "delisted"
  | "advancing"
  | "signoff"
  | "signoffWaiting"
  | "failLater"
  | "draft"
  | "notStarted"
  | "canceled"
  | "failed";

interface FillerSlot {
  readonly kind: FillerKind;
  readonly type?: string;
}

const GENERAL_TYPES = [VM, VM, APP, CONTAINER, SAAS] as const;

interface PublisherSpec {
  readonly id: string;
  readonly displayText: string;
  readonly shortName: string;
  readonly sellerId: number;
  readonly granted: boolean;
  readonly filler: readonly FillerSlot[];
}

const PUBLISHERS: readonly PublisherSpec[] = [
  {
    id: "contoso",
    displayText: "Contoso Ltd.",
    shortName: "Contoso",
    sellerId: 1234,
    granted: true,
    filler: [
      { kind: "live", type: CORE_VM },
      { kind: "live" },
      { kind: "published" },
      { kind: "advancing" },
      { kind: "advancing" },
      { kind: "signoff" },
      { kind: "signoffWaiting" },
      { kind: "failLater", type: VM },
      { kind: "draft" },
      { kind: "notStarted" },
      { kind: "canceled" },
      { kind: "failed" },
      { kind: "live", type: IOT_EDGE },
    ],
  },
  {
    id: "fabrikam",
    displayText: "Fabrikam, Inc.",
    shortName: "Fabrikam",
    sellerId: 5678,
    granted: true,
    filler: [
      { kind: "live", type: CORE_VM },
      { kind: "live" },
      { kind: "published" },
      { kind: "advancing" },
      { kind: "advancing" },
      { kind: "signoff" },
      { kind: "signoffWaiting" },
      { kind: "draft" },
      { kind: "notStarted" },
      { kind: "canceled" },
      { kind: "failed" },
      { kind: "delisted" },
      { kind: "live" },
      { kind: "live", type: CORE_VM },
    ],
  },
  {
    id: "northwind",
    displayText: "Northwind Traders",
    shortName: "Northwind",
    sellerId: 9012,
    granted: false,
    filler: [{ kind: "live" }, { kind: "advancing" }, { kind: "signoff" }, { kind: "draft" }, { kind: "failed" }],
  },
];

const GENERIC_FAILURE = [
  {
    level: "error",
    html: 'The offer listing failed validation: the <b>privacy policy URL</b> returned HTTP 404. See <a href="https://learn.microsoft.com/azure/marketplace/marketplace-criteria-content-validation">content validation</a>.',
  },
] as const;

const LATE_FAILURE = [
  {
    level: "error",
    html: 'Certification found an issue: the image does not respond on the documented health endpoint. <a href="https://learn.microsoft.com/azure/marketplace/azure-vm-certification-faq">Learn more</a>.',
  },
] as const;

function failureAt(type: string, stepIndex: number, afterMs: number, messages: Failure["messages"]): Failure {
  const step = stepsFor(type)[stepIndex] ?? stepsFor(type)[0];
  return { stepId: step?.id ?? "validate-prerequisites", afterMs, messages };
}

/** Builds one generated offer of the given kind (filler and bulk). */
function buildFiller(
  seed: number,
  t0: number,
  publisherId: string,
  id: string,
  displayText: string,
  type: string,
  kind: FillerKind,
  rng: Rng,
): OfferRecord {
  const live = kind === "live" || kind === "published" || kind === "delisted";
  const offer = makeOffer({
    seed,
    t0,
    publisherId,
    id,
    offerTypeId: type,
    displayText,
    baseStatus: kind === "notStarted" ? "notStarted" : "neverPublished",
    baseVersion: kind === "draft" || kind === "notStarted" ? 1 : rng.int(1, 5),
    createdAgoMs: rng.int(1, 120) * DAY,
    liveAlias: kind === "published" ? "published" : null,
    delisted: kind === "delisted",
    migrated: rng.chance(0.4),
    zeroProgressQuirk: live && rng.chance(0.3),
    signoffEta: rng.chance(0.8),
    stampStyle: rng.pick<StampStyle>([3, 7, 7]),
    signoffStatus: kind === "signoffWaiting" ? "waitingForPublisherReview" : "running",
    pastLive: kind === "advancing" && rng.chance(0.5),
  });
  const signoff = stepsFor(type).findIndex((s) => s.id === SIGNOFF_STEP_ID);
  switch (kind) {
    case "live":
    case "published":
    case "delisted": {
      const durations = historicDurations(rng, type);
      addRun(offer, {
        seed,
        durations,
        ...finishedAgo(t0, type, durations, jitter(rng, rng.int(1, 60) * DAY, HOUR), rng.int(1, 48) * HOUR),
      });
      break;
    }
    case "advancing": {
      const durations = demoDurations(rng, type);
      addRun(offer, { seed, durations, startMs: t0 - rng.int(0, 60 * SECOND) });
      break;
    }
    case "signoff":
    case "signoffWaiting": {
      const durations = mixedDurations(rng, type);
      addRun(offer, { seed, durations, startMs: startAtSignoff(t0, type, durations, rng.int(10 * MINUTE, 72 * HOUR)) });
      break;
    }
    case "failLater": {
      // Fails partway a few minutes after the clock starts, so the demo shows a failure happen.
      const durations = demoDurations(rng, type);
      durations[0] = 40 * SECOND;
      durations[1] = 8 * MINUTE;
      addRun(offer, {
        seed,
        durations,
        startMs: t0 - 10 * SECOND,
        failure: failureAt(type, 1, 4 * MINUTE, LATE_FAILURE),
      });
      break;
    }
    case "canceled": {
      const durations = historicDurations(rng, type);
      const cancelMs = t0 - jitter(rng, rng.int(1, 20) * DAY, HOUR);
      addRun(offer, { seed, durations, startMs: startAtSignoff(cancelMs, type, durations, HOUR), cancelMs });
      break;
    }
    case "failed": {
      const durations = historicDurations(rng, type);
      const index = rng.int(0, Math.max(signoff - 1, 0));
      const step = stepsFor(type)[index];
      const afterMs = Math.floor((durations[index] ?? HOUR) * 0.6);
      const startMs = startAtStep(t0 - jitter(rng, rng.int(1, 10) * DAY, HOUR), type, durations, step?.id ?? "", 0.6);
      addRun(offer, { seed, durations, startMs, failure: failureAt(type, index, afterMs, GENERIC_FAILURE) });
      break;
    }
    case "draft":
    case "notStarted":
      break;
  }
  return offer;
}

function publisherRecord(spec: Omit<PublisherSpec, "filler" | "shortName">, offers: OfferRecord[]): PublisherRecord {
  const types = [...new Set(offers.map((o) => o.offerTypeId))].sort();
  return {
    id: spec.id,
    displayText: spec.displayText,
    sellerId: spec.sellerId,
    granted: spec.granted,
    offerTypeCategories: types,
    offers,
    byId: new Map(offers.map((o) => [o.id.toLowerCase(), o])),
  };
}

function uniqueName(rng: Rng, used: Set<string>): [string, string] {
  for (;;) {
    const pair: [string, string] = [rng.pick(NAME_FIRST), rng.pick(NAME_SECOND)];
    const key = pair.join(" ");
    if (!used.has(key)) {
      used.add(key);
      return pair;
    }
  }
}

export function generateDataset(seed: number, t0: number, bulk: BulkOptions | null): Dataset {
  const scenarios = buildScenarioOffers(seed, t0);
  const publishers = new Map<string, PublisherRecord>();
  for (const spec of PUBLISHERS) {
    const rng = createRng(seed, spec.id, "filler");
    const used = new Set<string>();
    const offers = scenarios.filter((o) => o.publisherId === spec.id);
    for (const slot of spec.filler) {
      const [first, second] = uniqueName(rng, used);
      const type = slot.type ?? rng.pick(GENERAL_TYPES);
      const id = `${spec.id}-${first}-${second}`.toLowerCase();
      const displayText = `${spec.shortName} ${first} ${second}`;
      offers.push(buildFiller(seed, t0, spec.id, id, displayText, type, slot.kind, createRng(seed, spec.id, id)));
    }
    publishers.set(spec.id, publisherRecord(spec, offers));
  }
  if (bulk !== null) {
    const record = buildBulkPublisher(seed, t0, bulk);
    publishers.set(record.id.toLowerCase(), record);
  }
  return { seed, startMs: t0, publishers, rev: 0 };
}

const BULK_PATTERN: readonly FillerKind[] = [
  "live",
  "live",
  "live",
  "published",
  "advancing",
  "draft",
  "failed",
  "canceled",
  "live",
  "notStarted",
];

/** `offers` offers, the first `awaitingSignoff` of them waiting at publisher sign-off. */
function buildBulkPublisher(seed: number, t0: number, bulk: BulkOptions): PublisherRecord {
  const offers: OfferRecord[] = [];
  const awaiting = Math.min(bulk.awaitingSignoff, bulk.offers);
  for (let i = 0; i < bulk.offers; i++) {
    const rng = createRng(seed, bulk.publisherId, i);
    const kind: FillerKind =
      i < awaiting ? (i % 2 === 0 ? "signoff" : "signoffWaiting") : (BULK_PATTERN[i % BULK_PATTERN.length] ?? "live");
    const type = rng.pick(GENERAL_TYPES);
    const number = String(i + 1).padStart(5, "0");
    const displayText = `${rng.pick(NAME_FIRST)} ${rng.pick(NAME_SECOND)} ${number}`;
    offers.push(
      buildFiller(seed, t0, bulk.publisherId, `${bulk.publisherId}-offer-${number}`, displayText, type, kind, rng),
    );
  }
  return publisherRecord(
    { id: bulk.publisherId, displayText: "Tailspin Toys (bulk)", sellerId: 424242, granted: true },
    offers,
  );
}
