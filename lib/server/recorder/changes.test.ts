import { describe, expect, it } from "vitest";

import type { Step } from "@/lib/schemas/model";
import { parseStepStatus } from "@/lib/schemas/vocabulary";

import { nextStepTimes, type StepTime } from "./changes";

const step = (id: string, status: string): Step => ({
  id,
  name: id,
  description: "",
  status: parseStepStatus(status),
  progress: null,
  estimatedTimeFrame: null,
  messages: [],
  startedAt: null,
});

const at = (minute: number) => new Date(Date.UTC(2026, 10, 29, 10, minute));
const times = (list: StepTime[]) => new Map(list.map((t) => [t.stepId, t]));

describe("observed step times", () => {
  it("leaves unknown what happened before the first observation", () => {
    const first = nextStepTimes(
      new Map(),
      [step("a", "complete"), step("b", "inProgress"), step("c", "notStarted")],
      at(0),
      true,
    );
    expect(first.map((t) => [t.stepId, t.startedAt, t.finishedAt])).toEqual([
      ["a", null, null],
      ["b", null, null],
      ["c", null, null],
    ]);
  });

  it("times a step seen starting and finishing, and starts a new run when the offer is published again", () => {
    let state = nextStepTimes(new Map(), [step("a", "notStarted")], at(0), true);
    state = nextStepTimes(times(state), [step("a", "inProgress")], at(5), false);
    state = nextStepTimes(times(state), [step("a", "complete")], at(20), false);
    expect(state[0]).toMatchObject({ startedAt: at(5), finishedAt: at(20) });
    // Seen again while complete: nothing moves.
    expect(nextStepTimes(times(state), [step("a", "complete")], at(30), false)[0]).toMatchObject({
      startedAt: at(5),
      finishedAt: at(20),
    });
    // Published again: a new run.
    state = nextStepTimes(times(state), [step("a", "inProgress")], at(60), false);
    expect(state[0]).toMatchObject({ startedAt: at(60), finishedAt: null, firstSeenAt: at(60) });
  });

  it("does not invent a start for a step that went from not started to complete between two looks", () => {
    let state = nextStepTimes(new Map(), [step("a", "notStarted")], at(0), true);
    state = nextStepTimes(times(state), [step("a", "complete")], at(10), false);
    expect(state[0]).toMatchObject({ startedAt: null, finishedAt: at(10) });
  });
});
