import { describe, expect, it } from "vitest";

import { labelsFor } from "./labels";

import type { OfferStatus, Step } from "./schemas/model";
import { parseStepStatus } from "./schemas/vocabulary";
import { describeTransitions } from "./status-transitions";

function step(id: string, name: string, status: string): Step {
  return {
    id,
    name,
    description: "",
    status: parseStepStatus(status),
    progress: null,
    estimatedTimeFrame: null,
    messages: [],
    startedAt: null,
  };
}

function offer(indicator: OfferStatus["indicator"], raw: string, steps: Step[]): OfferStatus {
  return {
    publisherId: "contoso",
    offerId: "vm",
    status: { value: raw === "running" || raw === "succeeded" ? raw : "unknown", raw },
    indicator,
    messages: [],
    steps,
    currentStepId: null,
    waitingSince: null,
    warningCount: 0,
    errorCount: 0,
    previewLinks: [],
    liveLinks: [],
  };
}

const en = labelsFor("en");

describe("describeTransitions", () => {
  const first = offer("publishing", "running", [
    step("certify", "Certification", "inProgress"),
    step("provision", "Provisioning", "notStarted"),
  ]);

  it("says nothing on the first load or when a poll changes nothing", () => {
    expect(describeTransitions(null, first, en)).toEqual([]);
    expect(describeTransitions(first, structuredClone(first), en)).toEqual([]);
  });

  it("names each step that changed status, in API order", () => {
    const next = offer("publishing", "running", [
      step("certify", "Certification", "complete"),
      step("provision", "Provisioning", "inProgress"),
    ]);
    expect(describeTransitions(first, next, en)).toEqual(["Certification: Complete.", "Provisioning: In progress."]);
  });

  it("announces the offer's new indicator", () => {
    const next = offer("live", "succeeded", [
      step("certify", "Certification", "complete"),
      step("provision", "Provisioning", "complete"),
    ]);
    expect(describeTransitions(first, next, en)[0]).toBe("Offer status changed to Live.");
    expect(describeTransitions(first, next, labelsFor("zh-TW"))[0]).toBe("供應項目狀態已變更為已上線。");
  });

  it("reads unknown values by their raw text", () => {
    const next = offer("publishing", "running", [
      step("certify", "Certification", "paused"),
      step("provision", "Provisioning", "notStarted"),
    ]);
    expect(describeTransitions(first, next, en)).toEqual(["Certification: Unknown (paused)."]);
  });

  it("ignores casing-only changes and a different offer", () => {
    const pascal = offer("publishing", "running", [
      step("certify", "Certification", "InProgress"),
      step("provision", "Provisioning", "NotStarted"),
    ]);
    expect(describeTransitions(first, pascal, en)).toEqual([]);
    expect(describeTransitions(first, { ...pascal, offerId: "other" }, en)).toEqual([]);
  });
});
