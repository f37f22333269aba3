import { describe, expect, it } from "vitest";

import { ApiError } from "@/lib/schemas/api-error";
import type { OfferStatus } from "@/lib/schemas/model";
import type { Indicator } from "@/lib/schemas/vocabulary";

import { classifyAnswer, verifyOutcome } from "./action-outcome";

const accepted = { action: "golive", upstreamStatus: 202, operationPath: "/op", operationId: "1" } as const;

describe("a Go live / Cancel answer", () => {
  it("is unknown, not refused, when it does not say whether it went through", () => {
    expect(classifyAnswer({ ok: true, value: { ...accepted, outcome: "accepted" } })).toBe("accepted");
    expect(classifyAnswer({ ok: true, value: { ...accepted, outcome: "unknown" } })).toBe("unknown");
    expect(classifyAnswer({ ok: false, error: new ApiError(504, "action_outcome_unknown", "x") })).toBe("unknown");
    expect(classifyAnswer({ ok: false, error: new ApiError(0, "network", "x") })).toBe("unknown");
  });

  it("is information when the offer is already live or going live, or another request is in flight", () => {
    for (const code of ["already_live", "already_going_live", "already_canceled", "action_in_flight"])
      expect(classifyAnswer({ ok: false, error: new ApiError(409, code, "x") })).toBe("info");
    expect(classifyAnswer({ ok: false, error: new ApiError(400, "upstream_bad_request", "x") })).toBe("refused");
  });
});

describe("verifying an unknown outcome against the offer's status", () => {
  /** A clock that moves only when the verification sleeps, and a status that reads from a script. */
  function script(indicators: (Indicator | Error)[]) {
    let now = 0;
    let reads = 0;
    return {
      reads: () => reads,
      options: {
        read: async () => {
          const next = indicators[Math.min(reads++, indicators.length - 1)]!;
          if (next instanceof Error) throw next;
          return { indicator: next } as OfferStatus;
        },
        boundMs: 10_000,
        intervalMs: 1_000,
        now: () => now,
        sleep: async (ms: number) => {
          now += ms;
        },
      },
    };
  }

  it("says it went through as soon as the status shows it", async () => {
    const s = script(["awaitingSignoff", "awaitingSignoff", "publishing"]);
    expect(await verifyOutcome("golive", s.options)).toBe("applied");
    expect(s.reads()).toBe(3);
  });

  it("says it did not go through once the bound is reached with the offer where it was, bounded in reads", async () => {
    const s = script(["awaitingSignoff"]);
    expect(await verifyOutcome("golive", s.options)).toBe("notApplied");
    expect(s.reads()).toBeLessThanOrEqual(11);
  });

  it("says it cannot tell when no read succeeded", async () => {
    const s = script([new Error("down")]);
    expect(await verifyOutcome("cancel", s.options)).toBe("undetermined");
  });
});
