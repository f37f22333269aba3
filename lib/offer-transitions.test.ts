import { describe, expect, it } from "vitest";

import { labelsFor } from "./labels";

import { describeTransitions, diffOffers } from "./offer-transitions";
import type { CurrentStep, OfferSummary } from "./schemas/model";
import { parseOfferStatus, parseStepStatus, type Indicator } from "./schemas/vocabulary";

function offer(id: string, indicator: Indicator, over: Partial<OfferSummary> = {}): OfferSummary {
  const raw: Record<Indicator, string> = {
    draft: "neverPublished",
    publishing: "running",
    awaitingSignoff: "waitingForPublisherReview",
    failed: "failed",
    canceled: "canceled",
    live: "succeeded",
    delisted: "delisted",
    unknown: "mystery",
  };
  return {
    id,
    publisherId: "contoso",
    name: id === "saas" ? "Contoso SaaS" : id,
    offerTypeId: "microsoft-azure-saas",
    version: 1,
    changedTime: null,
    status: parseOfferStatus(raw[indicator]),
    indicator,
    currentStep: null,
    waitingSince: null,
    warningCount: 0,
    errorCount: 0,
    statusError: null,
    previewLinks: [],
    ...over,
  };
}

const step = (id: string, name: string, status: string, progress: number | null = null): CurrentStep => ({
  id,
  name,
  status: parseStepStatus(status),
  progress,
  estimatedTimeFrame: null,
  startedAt: null,
});

const en = labelsFor("en");

describe("diffOffers", () => {
  it("reports a status change in the portal's words", () => {
    const transitions = diffOffers([offer("saas", "awaitingSignoff")], [offer("saas", "live")], en);
    expect(transitions).toEqual([
      expect.objectContaining({ offerId: "saas", kind: "indicator", from: "Awaiting publisher sign-off", to: "Live" }),
    ]);
    expect(describeTransitions(transitions, en)).toBe("Contoso SaaS: Awaiting publisher sign-off → Live.");
  });

  it("reports a new current step but not progress creeping forward", () => {
    const before = offer("vm", "publishing", {
      currentStep: step("displaycertify", "Certification", "inProgress", 10),
    });
    const later = offer("vm", "publishing", { currentStep: step("displaycertify", "Certification", "inProgress", 60) });
    const next = offer("vm", "publishing", { currentStep: step("displayprovision", "Provisioning", "inProgress", 0) });
    expect(diffOffers([before], [later], en)).toEqual([]);
    expect(describeTransitions(diffOffers([later], [next], en), en)).toBe("vm: Certification → Provisioning.");
  });

  it("reports a step that changes state, with the state in words", () => {
    const before = offer("vm", "publishing", { currentStep: step("cert", "Certification", "inProgress") });
    const after = offer("vm", "publishing", { currentStep: step("cert", "Certification", "blocked") });
    expect(describeTransitions(diffOffers([before], [after], en), en)).toBe(
      "vm: Certification → Certification (blocked).",
    );
  });

  it("says nothing when a step could not be read, or for offers that come and go", () => {
    const before = offer("vm", "publishing", { currentStep: step("cert", "Certification", "inProgress") });
    const unreadable = offer("vm", "publishing", { currentStep: null, statusError: "timeout" });
    expect(diffOffers([before], [unreadable], en)).toEqual([]);
    expect(diffOffers([before], [before, offer("new", "draft")], en)).toEqual([]);
    expect(diffOffers([before], [], en)).toEqual([]);
  });

  it("reports an unknown status that changes its raw value", () => {
    const a = offer("x", "unknown", { status: parseOfferStatus("mystery") });
    const b = offer("x", "unknown", { status: parseOfferStatus("enigma") });
    expect(describeTransitions(diffOffers([a], [b], en), en)).toBe("x: Unknown (mystery) → Unknown (enigma).");
  });

  it("sums up a busy poll in one announcement, status changes first", () => {
    const prev = [
      offer("a", "publishing", { currentStep: step("s1", "One", "inProgress") }),
      offer("b", "publishing", { currentStep: step("s1", "One", "inProgress") }),
      offer("c", "publishing"),
      offer("d", "publishing"),
      offer("e", "publishing"),
    ];
    const next = [
      offer("a", "publishing", { currentStep: step("s2", "Two", "inProgress") }),
      offer("b", "publishing", { currentStep: step("s2", "Two", "inProgress") }),
      offer("c", "failed"),
      offer("d", "live"),
      offer("e", "live"),
    ];
    expect(describeTransitions(diffOffers(prev, next, en), en)).toBe(
      "c: Publish in progress → Publish failed. d: Publish in progress → Live. e: Publish in progress → Live. 2 more offers changed.",
    );
    expect(describeTransitions([], en)).toBe("");
    expect(describeTransitions(diffOffers(prev, next, labelsFor("zh-TW")), labelsFor("zh-TW"))).toBe(
      "c：正在發行 → 發行失敗。 d：正在發行 → 已上線。 e：正在發行 → 已上線。 另有 2 個供應項目已變更。",
    );
  });
});
