import { describe, expect, it } from "vitest";

import { parseRetryAfter } from "./client";
import { operationFrom } from "./index";
import { toOfferStatus, toOfferSummary, withStatus } from "./normalize";
import { sanitizeMessageHtml } from "./sanitize";
import { wireOfferListSchema, wireOfferStatusSchema } from "./wire";

const docExample = {
  status: "running",
  messages: [],
  steps: [
    {
      estimatedTimeFrame: "< 15 min",
      id: "displaydummycertify",
      stepName: "Validate Pre-Requisites",
      description: "Offer settings provided are validated.",
      status: "complete",
      messages: [{ messageHtml: "Step completed.", level: "information", timestamp: "2018-03-16T17:50:45.7215661Z" }],
      progressPercentage: 100,
    },
    {
      id: "publisher-signoff",
      stepName: "Publisher signoff",
      description: "Offer is available to preview.",
      status: "waitingForPublisherReview",
      messages: [],
      progressPercentage: 0,
    },
  ],
  previewLinks: [{ displayText: "Preview", uri: "https://portal.azure.com/#preview" }],
  liveLinks: [],
  notificationEmails: "jdoe@contoso.com",
};

describe("normalization of the status document", () => {
  it("turns the documented example into the app's model", () => {
    const status = toOfferStatus("contoso", "o1", wireOfferStatusSchema.parse(docExample));
    expect(status.indicator).toBe("awaitingSignoff");
    expect(status.currentStepId).toBe("publisher-signoff");
    expect(status.steps.map((s) => s.id)).toEqual(["displaydummycertify", "publisher-signoff"]);
    expect(status.steps[0]).toMatchObject({
      progress: 100,
      estimatedTimeFrame: "< 15 min",
      startedAt: "2018-03-16T17:50:45.721Z",
    });
    expect(status.waitingSince).toBe("2018-03-16T17:50:45.721Z");
    expect(status.previewLinks).toEqual([{ text: "Preview", url: "https://portal.azure.com/#preview" }]);
  });

  it("reads PascalCase values, the processPercentage spelling, and missing arrays", () => {
    const wire = wireOfferStatusSchema.parse({
      status: "Running",
      steps: [{ id: "s1", stepName: "Certification", status: "InProgress", processPercentage: 40.4 }],
    });
    const status = toOfferStatus("p", "o", wire);
    expect(status.status).toEqual({ value: "running", raw: "Running" });
    expect(status.steps[0]).toMatchObject({
      status: { value: "inProgress", raw: "InProgress" },
      progress: 40,
      messages: [],
    });
    expect(status.messages).toEqual([]);
    expect(status.previewLinks).toEqual([]);
  });

  it("keeps unknown values visible, and tolerates steps without ids or names", () => {
    const wire = wireOfferStatusSchema.parse({
      status: "underReview",
      steps: [{ status: "paused", messages: [{ messageHtml: "x", level: "verbose", timestamp: "not a date" }] }],
      extra: { ignored: true },
    });
    const status = toOfferStatus("p", "o", wire);
    expect(status.status).toEqual({ value: "unknown", raw: "underReview" });
    expect(status.indicator).toBe("unknown");
    expect(status.steps[0]).toMatchObject({
      id: "step-1",
      name: "Step 1",
      status: { value: "unknown", raw: "paused" },
    });
    expect(status.steps[0]?.messages[0]).toMatchObject({
      level: { value: "unknown", raw: "verbose" },
      timestamp: null,
    });
  });

  it("rejects bodies that are not a status document at all", () => {
    expect(wireOfferStatusSchema.safeParse([1, 2]).success).toBe(false);
    expect(wireOfferStatusSchema.safeParse({ steps: "nope" }).success).toBe(false);
    expect(wireOfferListSchema.safeParse([{ status: "running" }]).success).toBe(false);
  });

  it("counts warnings and errors and enriches a list row", () => {
    const wire = wireOfferStatusSchema.parse({
      status: "running",
      steps: [
        {
          id: "a",
          status: "blocked",
          messages: [
            { messageHtml: "w", level: "warning" },
            { messageHtml: "e", level: "Error" },
          ],
        },
      ],
    });
    const status = toOfferStatus("p", "o", wire);
    expect([status.warningCount, status.errorCount]).toEqual([1, 1]);
    const [row] = wireOfferListSchema.parse([{ id: "o", status: "running", definition: { displayText: "Offer" } }]);
    const summary = withStatus(toOfferSummary("p", row!), status);
    expect(summary).toMatchObject({
      name: "Offer",
      indicator: "publishing",
      currentStep: { id: "a" },
      warningCount: 1,
      errorCount: 1,
    });
  });
});

describe("message HTML sanitizing", () => {
  it("keeps links and basic markup, opening links safely", () => {
    const html = sanitizeMessageHtml(
      '<b>Fix</b> <a href="https://aka.ms/x" onclick="evil()">docs</a><ul><li>one</li></ul>',
    );
    expect(html).toBe(
      '<b>Fix</b> <a href="https://aka.ms/x" target="_blank" rel="noopener noreferrer">docs</a><ul><li>one</li></ul>',
    );
  });

  it("removes scripts, handlers, javascript: URLs, styles, frames and SVG", () => {
    const hostile = [
      "<script>alert(1)</script>",
      '<img src=x onerror="alert(1)">',
      '<a href="javascript:alert(1)">js</a>',
      '<a href="JaVaScRiPt&colon;alert(1)">js2</a>',
      '<svg onload="alert(1)"><script>alert(1)</script></svg>',
      '<iframe src="javascript:alert(1)"></iframe>',
      '<p style="position:fixed">styled</p>',
      "<style>body{display:none}</style>",
    ].join("");
    const html = sanitizeMessageHtml(hostile);
    expect(html).not.toMatch(/script|onerror|onload|javascript|iframe|svg|style=|<style|<img|href/i);
    expect(html).toContain("styled");
  });
});

describe("upstream headers", () => {
  it("reads the operation from Location or Operation-Location, relative or absolute", () => {
    const base = "https://cloudpartner.azure.com";
    expect(
      operationFrom(
        new Headers({ Location: "/api/publishers/c/offers/o/operations/56615b67?api-version=2017-10-31" }),
        base,
      ),
    ).toEqual({
      operationPath: "/api/publishers/c/offers/o/operations/56615b67",
      operationId: "56615b67",
    });
    expect(
      operationFrom(
        new Headers({
          "Operation-Location": "https://cloudpartner.azure.com/api/publishers/c/offers/o/operations/abc",
        }),
        base,
      ),
    ).toEqual({ operationPath: "/api/publishers/c/offers/o/operations/abc", operationId: "abc" });
    expect(
      operationFrom(new Headers({ Location: "/api/operations/c$o$2$preview?api-version=2017-10-31" }), base),
    ).toEqual({
      operationPath: "/api/operations/c$o$2$preview",
      operationId: "c$o$2$preview",
    });
    expect(operationFrom(new Headers(), base)).toEqual({ operationPath: null, operationId: null });
  });

  it("parses Retry-After as seconds or a date", () => {
    expect(parseRetryAfter("7")).toBe(7);
    expect(parseRetryAfter(new Date(10_000 + 30_000).toUTCString(), 10_000)).toBe(30);
    expect(parseRetryAfter("soon")).toBeUndefined();
    expect(parseRetryAfter(null)).toBeUndefined();
  });
});

describe("message text", () => {
  it("keeps words apart at block boundaries", async () => {
    const { htmlToText } = await import("./sanitize");
    expect(htmlToText("<p>contoso-gw-2022:</p><p>The OS disk</p>")).toBe("contoso-gw-2022: The OS disk");
    expect(htmlToText("image.<br>See <b>the</b> docs<ul><li>one</li><li>two</li></ul>")).toBe(
      "image. See the docs one two",
    );
    expect(htmlToText("a &amp; b &lt;c&gt;")).toBe("a & b <c>");
  });
});
