import { describe, expect, it } from "vitest";

import type { Message, Step } from "./schemas/model";
import { parseMessageLevel, parseStepStatus } from "./schemas/vocabulary";
import { stepTimings } from "./step-timing";

const T0 = Date.parse("2024-06-01T10:00:00Z");
const MIN = 60_000;

const msg = (atMin: number): Message => ({
  html: "m",
  text: "m",
  level: parseMessageLevel("information"),
  timestamp: new Date(T0 + atMin * MIN).toISOString(),
});

function step(id: string, status: string, minutes: number[], estimatedTimeFrame: string | null = null): Step {
  return {
    id,
    name: id,
    description: "",
    status: parseStepStatus(status),
    progress: null,
    estimatedTimeFrame,
    messages: minutes.map(msg),
    startedAt: null,
  };
}

describe("stepTimings", () => {
  const steps = [
    step("prereq", "complete", [0, 4], "< 15 min"),
    step("cert", "complete", [30], "< 15 min"),
    step("review", "inProgress", [31, 40], "< 1 hour"),
    step("live", "notStarted", [], "< 2 hours"),
  ];
  const now = T0 + 100 * MIN;

  it("reads start and end from the messages; a lone end message starts where the step before ended", () => {
    const [prereq, cert, review, live] = stepTimings(steps, now);
    expect(prereq).toMatchObject({ startedAt: T0, finishedAt: T0 + 4 * MIN, elapsedMs: 4 * MIN, state: "finished" });
    expect(prereq?.overEstimate).toBe(false);
    expect(cert).toMatchObject({ startedAt: T0 + 4 * MIN, finishedAt: T0 + 30 * MIN, elapsedMs: 26 * MIN });
    expect(cert?.overEstimate).toBe(true);
    expect(review).toMatchObject({ startedAt: T0 + 31 * MIN, finishedAt: null, elapsedMs: 69 * MIN, state: "running" });
    expect(review?.overEstimate).toBe(true);
    expect(live).toMatchObject({
      startedAt: null,
      finishedAt: null,
      elapsedMs: null,
      state: "waiting",
      source: "none",
    });
  });

  it("prefers the times a recorder observed", () => {
    const [prereq, , review] = stepTimings(steps, now, {
      prereq: { startedAt: T0 - 10 * MIN, finishedAt: T0 + 5 * MIN },
      review: { startedAt: T0 + 35 * MIN },
    });
    expect(prereq).toMatchObject({ startedAt: T0 - 10 * MIN, finishedAt: T0 + 5 * MIN, source: "observed" });
    expect(review).toMatchObject({ startedAt: T0 + 35 * MIN, elapsedMs: 65 * MIN, source: "observed" });
  });

  it("knows nothing of a step with no messages, and says so", () => {
    const [only] = stepTimings([step("a", "complete", [])], now);
    expect(only).toMatchObject({ startedAt: null, finishedAt: null, elapsedMs: null, source: "none" });
  });
});
