import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";

import type { Locale } from "@/i18n/locales";
import { CATALOGUES } from "@/messages";

import { findOverdue, firstSeenKey, overdueSummary, parseTimeFrame, type Overdue, type OverdueInput } from "./overdue";

/** The sentence the notice shows, as the page would build it from the `status` catalogue. */
function sentence(overdue: Overdue | null, locale: Locale = "en"): string {
  expect(overdue).not.toBeNull();
  const t = createTranslator({ locale, messages: CATALOGUES[locale], namespace: "status" });
  const { key, values } = overdueSummary(overdue!, locale);
  return t(key, values);
}

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

describe("parseTimeFrame", () => {
  it.each([
    ["< 15 min", 15 * MIN],
    ["~2-3 days", 3 * DAY],
    ["< 1 day", DAY],
    ["< 5 day", 5 * DAY],
    ["< 1 hour", HOUR],
    ["~7-14 days", 14 * DAY],
    ["~2-5 days", 5 * DAY],
  ])("reads the documented estimate %j as its upper bound", (text, expected) => {
    expect(parseTimeFrame(text)).toBe(expected);
  });

  it.each([
    ["<15min", 15 * MIN],
    ["  <  15   MIN  ", 15 * MIN],
    ["~ 2 – 3 Days", 3 * DAY],
    ["2 to 3 days", 3 * DAY],
    ["<= 2 hours", 2 * HOUR],
    ["up to 1 week", 7 * DAY],
    ["1.5 hrs", 1.5 * HOUR],
    ["30 seconds", 30_000],
    ["1h", HOUR],
    ["5-2 days", 5 * DAY],
  ])("tolerates the variant %j", (text, expected) => {
    expect(parseTimeFrame(text)).toBe(expected);
  });

  it.each([
    [null],
    [undefined],
    [""],
    ["   "],
    ["N/A"],
    ["soon"],
    ["varies"],
    ["> 1 day"],
    ["1 day 2 hours"],
    ["< 0 min"],
    ["< 15 fortnights"],
    ["-1 day"],
    ["15"],
  ])("gives no bound for the odd or absent value %j", (text) => {
    expect(parseTimeFrame(text)).toBeNull();
  });
});

describe("findOverdue", () => {
  const now = Date.parse("2026-01-15T12:00:00Z");
  const base: OverdueInput = {
    status: "inProgress",
    estimatedTimeFrame: "< 15 min",
    startedAt: "2026-01-15T09:00:00Z",
    firstSeenAt: null,
    now,
  };

  it("flags a step in progress for longer than its estimate, measured from its start", () => {
    const overdue = findOverdue(base);
    expect(overdue).toEqual({ estimate: "< 15 min", boundMs: 15 * MIN, elapsedMs: 3 * HOUR, since: "started" });
    expect(sentence(overdue)).toBe("Taking longer than usual (estimated < 15 min, running 3 hr)");
    expect(sentence(overdue, "zh-TW")).toBe("花費的時間比平常久（預估時間 < 15 min，已執行 3 小時）");
  });

  it("does not flag a step still within its estimate, or exactly at it", () => {
    expect(findOverdue({ ...base, startedAt: "2026-01-15T11:50:00Z" })).toBeNull();
    expect(findOverdue({ ...base, startedAt: "2026-01-15T11:45:00Z" })).toBeNull();
    expect(findOverdue({ ...base, estimatedTimeFrame: "~2-3 days" })).toBeNull();
  });

  it("watches steps waiting for approval or blocked, but not the publisher's own sign-off", () => {
    expect(findOverdue({ ...base, status: "waitingForApproval" })).not.toBeNull();
    expect(findOverdue({ ...base, status: "blocked" })).not.toBeNull();
    expect(findOverdue({ ...base, status: "waitingForPublisherReview" })).toBeNull();
  });

  it.each(["complete", "notStarted", "rejected", "canceled", "unknown"] as const)("never flags a %s step", (status) => {
    expect(findOverdue({ ...base, status })).toBeNull();
  });

  it("falls back to when this browser first saw the step, as a lower bound", () => {
    const overdue = findOverdue({ ...base, startedAt: null, firstSeenAt: now - 40 * MIN });
    expect(overdue).toMatchObject({ since: "firstSeen", elapsedMs: 40 * MIN });
    expect(sentence(overdue)).toBe("Taking longer than usual (estimated < 15 min, running at least 40 min)");
    expect(sentence(overdue, "zh-TW")).toBe("花費的時間比平常久（預估時間 < 15 min，已執行至少 40 分鐘）");
    expect(findOverdue({ ...base, startedAt: "not a date", firstSeenAt: now - 40 * MIN })?.since).toBe("firstSeen");
  });

  it("prefers the step's own start over the first sighting", () => {
    expect(findOverdue({ ...base, startedAt: "2026-01-15T11:55:00Z", firstSeenAt: now - 5 * HOUR })).toBeNull();
  });

  it("says nothing when the start or the estimate is unknown", () => {
    expect(findOverdue({ ...base, startedAt: null, firstSeenAt: null })).toBeNull();
    expect(findOverdue({ ...base, estimatedTimeFrame: null })).toBeNull();
    expect(findOverdue({ ...base, estimatedTimeFrame: "soon" })).toBeNull();
  });

  it("does not flag a start in the future (clock skew)", () => {
    expect(findOverdue({ ...base, startedAt: "2026-01-16T09:00:00Z" })).toBeNull();
  });

  it("reports days for long waits", () => {
    const overdue = findOverdue({ ...base, estimatedTimeFrame: "< 1 day", startedAt: "2026-01-12T08:00:00Z" });
    expect(overdueSummary(overdue!, "en")).toEqual({
      key: "overdue.summary",
      values: { estimate: "< 1 day", running: "3 days 4 hr" },
    });
    expect(sentence(overdue)).toBe("Taking longer than usual (estimated < 1 day, running 3 days 4 hr)");
    expect(sentence(overdue, "zh-TW")).toBe("花費的時間比平常久（預估時間 < 1 day，已執行 3 天 4 小時）");
  });
});

describe("firstSeenKey", () => {
  it("is distinct per publisher, offer and step", () => {
    const keys = new Set([
      firstSeenKey("contoso", "a", "certify"),
      firstSeenKey("contoso", "b", "certify"),
      firstSeenKey("fabrikam", "a", "certify"),
      firstSeenKey("contoso", "a", "provision"),
    ]);
    expect(keys.size).toBe(4);
  });
});
