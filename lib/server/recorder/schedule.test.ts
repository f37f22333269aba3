import { describe, expect, it } from "vitest";

import type { OfferStatus, OfferSummary, Step } from "@/lib/schemas/model";
import { parseOfferStatus, parseStepStatus, type Indicator } from "@/lib/schemas/vocabulary";

import { backoff, statusInterval, wantsStatusRead } from "./schedule";

const pace = { minMs: 10_000, maxMs: 600_000 };

const step = (id: string, status: string, estimate: string | null): Step => ({
  id,
  name: id,
  description: "",
  status: parseStepStatus(status),
  progress: null,
  estimatedTimeFrame: estimate,
  messages: [],
  startedAt: null,
});

const status = (indicator: Indicator, current: Step | null): OfferStatus => ({
  publisherId: "p",
  offerId: "o",
  status: parseOfferStatus(indicator === "publishing" ? "running" : indicator),
  indicator,
  messages: [],
  steps: current ? [current] : [],
  currentStepId: current?.id ?? null,
  waitingSince: null,
  warningCount: 0,
  errorCount: 0,
  previewLinks: [],
  liveLinks: [],
});

const summary = (raw: string): OfferSummary => ({
  id: "o",
  publisherId: "p",
  name: "o",
  offerTypeId: "t",
  version: 1,
  changedTime: null,
  status: parseOfferStatus(raw),
  indicator: "unknown",
  currentStep: null,
  waitingSince: null,
  warningCount: 0,
  errorCount: 0,
  statusError: null,
  previewLinks: [],
});

describe("the watcher's pace", () => {
  it("reads a step in flight at a tenth of its estimate, within the bounds", () => {
    expect(statusInterval(status("publishing", step("a", "inProgress", "< 15 min")), pace)).toBe(90_000);
    expect(statusInterval(status("publishing", step("a", "inProgress", "~2-3 days")), pace)).toBe(600_000);
    expect(statusInterval(status("publishing", step("a", "inProgress", "< 1 min")), pace)).toBe(10_000);
    // No estimate to go by: a steady, fairly quick pace.
    expect(statusInterval(status("publishing", step("a", "inProgress", null)), pace)).toBe(30_000);
  });

  it("reads sign-off slowly and finished offers not at all", () => {
    expect(
      statusInterval(status("awaitingSignoff", step("publisher-signoff", "waitingForPublisherReview", null)), pace),
    ).toBe(600_000);
    for (const done of ["live", "failed", "canceled", "draft", "delisted"] as const) {
      expect(statusInterval(status(done, null), pace)).toBeNull();
    }
  });

  it("reads a status when the list says so: in flight and unscheduled, changed, or a publish that just ended", () => {
    expect(wantsStatusRead(summary("running"), null, false, false)).toBe(true);
    expect(wantsStatusRead(summary("running"), summary("running"), false, true)).toBe(false);
    expect(wantsStatusRead(summary("succeeded"), summary("succeeded"), false, false)).toBe(false);
    expect(wantsStatusRead(summary("succeeded"), summary("running"), true, true)).toBe(true);
    expect(wantsStatusRead(summary("failed"), null, true, false)).toBe(true);
    // A new live offer: its list entry says all there is.
    expect(wantsStatusRead(summary("succeeded"), null, true, false)).toBe(false);
  });

  it("backs off exponentially, never past the bound, never before Retry-After", () => {
    expect([1, 2, 3, 4].map((n) => backoff(n, pace))).toEqual([10_000, 20_000, 40_000, 80_000]);
    expect(backoff(20, pace)).toBe(600_000);
    expect(backoff(1, pace, 120)).toBe(120_000);
  });
});
