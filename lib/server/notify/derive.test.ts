import { describe, expect, it } from "vitest";

import type { Step } from "@/lib/schemas/model";
import { parseStepStatus } from "@/lib/schemas/vocabulary";
import type { Change } from "@/lib/server/recorder/changes";

import { eventsFromChanges, overdueEvent } from "./derive";
import { retryDelay } from "./notifier";

const context = { indicator: "failed" as const, currentStep: null, errors: 2 };
const indicator = (from: Change["from"], to: string): Change =>
  ({ kind: "indicator", stepId: null, from, to, detail: {} }) as Change;

describe("which changes are events", () => {
  it("names an arrival at sign-off, failure, live, cancel or delisting after the first sighting", () => {
    const events = eventsFromChanges(
      [
        { transitionId: 7, change: indicator("publishing", "failed") },
        { transitionId: 8, change: indicator(null, "awaitingSignoff") },
        { transitionId: 9, change: indicator("awaitingSignoff", "publishing") },
      ],
      context,
    );
    expect(events).toEqual([
      {
        key: "transition:7",
        event: "failed",
        indicator: "failed",
        previousIndicator: "publishing",
        step: null,
        detail: { errors: 2 },
      },
    ]);
  });

  it("gives an offer that fails, is published again and fails again two events", () => {
    const first = eventsFromChanges([{ transitionId: 1, change: indicator("publishing", "failed") }], context);
    const again = eventsFromChanges([{ transitionId: 5, change: indicator("publishing", "failed") }], context);
    expect([...first, ...again].map((e) => e.key)).toEqual(["transition:1", "transition:5"]);
  });

  it("tells a new error message, not a new warning", () => {
    const message = (level: string): Change => ({
      kind: "message",
      stepId: "displaycertify",
      from: null,
      to: level,
      detail: { stepName: "Certification", level, text: `A ${level}` },
    });
    const events = eventsFromChanges(
      [
        { transitionId: 3, change: message("warning") },
        { transitionId: 4, change: message("error") },
      ],
      { indicator: "publishing", currentStep: null, errors: 1 },
    );
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      key: "transition:4",
      event: "newError",
      step: { id: "displaycertify", name: "Certification" },
      detail: { text: "A error", errors: 1 },
    });
  });
});

describe("an overdue step", () => {
  const step = (estimatedTimeFrame: string | null): Step => ({
    id: "displaycertify",
    name: "Certification",
    description: "",
    status: parseStepStatus("inProgress"),
    progress: 40,
    estimatedTimeFrame,
    messages: [],
    startedAt: null,
  });
  const started = new Date("2026-11-29T10:00:00Z");
  const run = { startedAt: started, firstSeenAt: started };
  const at = (minutes: number) => started.getTime() + minutes * 60_000;

  it("is told a quarter past its estimate, not at the estimate itself", () => {
    expect(overdueEvent("contoso", "o", step("< 15 min"), run, "publishing", at(16))).toBeNull();
    expect(overdueEvent("contoso", "o", step("< 15 min"), run, "publishing", at(18.7))).toBeNull();
    const event = overdueEvent("contoso", "o", step("< 15 min"), run, "publishing", at(19));
    expect(event).toMatchObject({ event: "overdue", detail: { estimate: "< 15 min", runningMs: 19 * 60_000 } });
  });

  it("is one event per run of the step, and none without an estimate to trust", () => {
    const first = overdueEvent("contoso", "o", step("< 15 min"), run, "publishing", at(60));
    const later = overdueEvent("contoso", "o", step("< 15 min"), run, "publishing", at(600));
    expect(later?.key).toBe(first?.key);
    const rerun = { startedAt: new Date(at(700)), firstSeenAt: new Date(at(700)) };
    expect(overdueEvent("contoso", "o", step("< 15 min"), rerun, "publishing", at(800))?.key).not.toBe(first?.key);
    expect(overdueEvent("contoso", "o", step(null), run, "publishing", at(6000))).toBeNull();
    expect(overdueEvent("contoso", "o", step("> 1 day"), run, "publishing", at(60_000))).toBeNull();
  });
});

describe("retries", () => {
  it("double from the base, stay within the bound, and spread by ±20 %", () => {
    expect([1, 2, 3, 4].map((n) => retryDelay(n, 5_000, 60_000, 0.5))).toEqual([5_000, 10_000, 20_000, 40_000]);
    expect(retryDelay(10, 5_000, 60_000, 0.5)).toBe(60_000);
    expect(retryDelay(1, 5_000, 60_000, 0)).toBe(4_000);
    expect(retryDelay(1, 5_000, 60_000, 0.999)).toBeLessThanOrEqual(6_000);
  });
});
