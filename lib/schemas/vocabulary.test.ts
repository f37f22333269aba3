import { describe, expect, it } from "vitest";

import { deriveIndicator, findCurrentStep, parseMessageLevel, parseOfferStatus, parseStepStatus } from "./vocabulary";

const step = (id: string, status: string, name = id) => ({ id, name, status: parseStepStatus(status) });

describe("status vocabulary", () => {
  it("parses offer statuses case-insensitively and keeps the raw spelling", () => {
    expect(parseOfferStatus("Running")).toEqual({ value: "running", raw: "Running" });
    expect(parseOfferStatus("WAITINGFORPUBLISHERREVIEW").value).toBe("waitingForPublisherReview");
    expect(parseOfferStatus("neverPublished").value).toBe("neverPublished");
    expect(parseOfferStatus("published").value).toBe("published");
    expect(parseOfferStatus("not started").value).toBe("notStarted");
  });

  it("maps anything else to unknown without losing the raw text", () => {
    expect(parseOfferStatus("underReview")).toEqual({ value: "unknown", raw: "underReview" });
    expect(parseOfferStatus(null)).toEqual({ value: "unknown", raw: "" });
    expect(parseOfferStatus(42)).toEqual({ value: "unknown", raw: "42" });
    expect(parseStepStatus("paused")).toEqual({ value: "unknown", raw: "paused" });
    expect(parseMessageLevel("verbose")).toEqual({ value: "unknown", raw: "verbose" });
  });

  it("parses every documented step status and message level in both casings", () => {
    for (const s of [
      "NotStarted",
      "InProgress",
      "WaitingForPublisherReview",
      "WaitingForApproval",
      "Blocked",
      "Rejected",
      "Complete",
      "Canceled",
    ]) {
      expect(parseStepStatus(s).value).not.toBe("unknown");
      expect(parseStepStatus(s[0]!.toLowerCase() + s.slice(1)).value).not.toBe("unknown");
    }
    for (const l of ["Information", "warning", "ERROR"]) expect(parseMessageLevel(l).value).not.toBe("unknown");
  });

  it("derives the indicator of the design's table", () => {
    expect(deriveIndicator("neverPublished")).toBe("draft");
    expect(deriveIndicator("notStarted")).toBe("draft");
    expect(deriveIndicator("running")).toBe("publishing");
    expect(deriveIndicator("waitingForPublisherReview")).toBe("awaitingSignoff");
    expect(deriveIndicator("failed")).toBe("failed");
    expect(deriveIndicator("canceled")).toBe("canceled");
    expect(deriveIndicator("succeeded")).toBe("live");
    expect(deriveIndicator("published")).toBe("live");
    expect(deriveIndicator("delisted")).toBe("delisted");
    expect(deriveIndicator("unknown")).toBe("unknown");
  });

  it("derives awaiting sign-off from a running offer's sign-off step, by id first then by name", () => {
    expect(
      deriveIndicator("running", [step("a", "complete"), step("publisher-signoff", "waitingForPublisherReview")]),
    ).toBe("awaitingSignoff");
    expect(deriveIndicator("running", [step("x9", "WaitingForPublisherReview", "Publisher signoff")])).toBe(
      "awaitingSignoff",
    );
    expect(deriveIndicator("running", [step("publisher-signoff", "notStarted")])).toBe("publishing");
  });

  it("finds the current step: active first, then failed, else none", () => {
    const steps = [step("a", "complete"), step("b", "rejected"), step("c", "inProgress"), step("d", "notStarted")];
    expect(findCurrentStep(steps)?.id).toBe("c");
    expect(findCurrentStep([step("a", "complete"), step("b", "rejected")])?.id).toBe("b");
    expect(findCurrentStep([step("a", "complete"), step("b", "complete")])).toBeUndefined();
  });
});
