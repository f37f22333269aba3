import { describe, expect, it } from "vitest";

import { attentionOf } from "./attention";
import { labelsFor } from "./labels";
import { countNeedingAttention, filterByFacets, sortOffers } from "./offer-list";
import type { CurrentStep, OfferSummary } from "./schemas/model";
import { parseOfferStatus, parseStepStatus, type Indicator } from "./schemas/vocabulary";

const NOW = Date.parse("2024-06-01T12:00:00Z");
const HOUR = 3_600_000;

function step(status: string, over: Partial<CurrentStep> = {}): CurrentStep {
  return {
    id: "s",
    name: "Step",
    status: parseStepStatus(status),
    progress: 50,
    estimatedTimeFrame: null,
    startedAt: null,
    ...over,
  };
}

function offer(id: string, indicator: Indicator, currentStep: CurrentStep | null = null): OfferSummary {
  return {
    id,
    publisherId: "contoso",
    name: id,
    offerTypeId: "microsoft-azure-virtualmachines",
    version: 1,
    changedTime: "2024-01-01T00:00:00Z",
    status: parseOfferStatus("running"),
    indicator,
    currentStep,
    waitingSince: null,
    warningCount: 0,
    errorCount: 0,
    statusError: null,
    previewLinks: [],
  };
}

const overdueStep = step("inProgress", {
  estimatedTimeFrame: "< 15 min",
  startedAt: new Date(NOW - 3 * HOUR).toISOString(),
});

const offers = [
  offer("live", "live"),
  offer("signoff", "awaitingSignoff", step("waitingForPublisherReview")),
  offer(
    "on-time",
    "publishing",
    step("inProgress", { estimatedTimeFrame: "< 15 min", startedAt: new Date(NOW - 60_000).toISOString() }),
  ),
  offer("blocked", "publishing", step("blocked")),
  offer("overdue", "publishing", overdueStep),
  offer("failed", "failed"),
  offer("draft", "draft"),
];

describe("needs attention", () => {
  it("names the most pressing reason, and none for offers that need nobody", () => {
    expect(Object.fromEntries(offers.map((o) => [o.id, attentionOf(o, NOW)]))).toEqual({
      live: null,
      signoff: "awaitingSignoff",
      "on-time": null,
      blocked: "blocked",
      overdue: "overdue",
      failed: "failed",
      draft: null,
    });
  });

  it("an overdue step is judged against the clock: within its estimate it is not overdue", () => {
    expect(attentionOf(offer("x", "publishing", overdueStep), NOW - 3 * HOUR + 60_000)).toBeNull();
  });

  it("filters to the offers that need a person and counts them", () => {
    const kept = filterByFacets(offers, { status: [], type: [], attention: true, now: NOW }).map((o) => o.id);
    expect(kept).toEqual(["signoff", "blocked", "overdue", "failed"]);
    expect(countNeedingAttention(offers, NOW)).toBe(4);
  });

  it("sorts failed, overdue, blocked, then awaiting sign-off first, the rest after by name", () => {
    const sorted = sortOffers(offers, "attention", "asc", labelsFor("en"), { now: NOW }).map((o) => o.id);
    expect(sorted).toEqual(["failed", "overdue", "blocked", "signoff", "draft", "live", "on-time"]);
  });
});
