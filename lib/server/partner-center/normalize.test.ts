import { describe, expect, it } from "vitest";

import { toJob, toOfferStatus, toOfferTypeId, toSubmission, type Job } from "./normalize";
import { wireJobSchema, wireSubmissionPageSchema } from "./wire";

const GUID = "8f1d1a7e-0b7e-4a3b-9a57-2f0c2f6a9d11";

function sub(n: number, target: string, status: string, result: string, extra: Record<string, unknown> = {}) {
  return toSubmission(
    wireSubmissionPageSchema.parse({
      value: [
        {
          id: `submission/${GUID}/${n}`,
          target: { targetType: target },
          status,
          result,
          created: `2026-11-${String(10 + n).padStart(2, "0")}T08:00:00.0000000Z`,
          lifecycleState: "generallyAvailable",
          ...extra,
        },
      ],
    }).value[0]!,
  );
}

function job(raw: Record<string, unknown>): Job {
  return toJob(
    wireJobSchema.parse({
      jobId: "job-1",
      jobStart: "2026-11-20T08:00:00Z",
      jobEnd: "0001-01-01T00:00:00",
      errors: [],
      ...raw,
    }),
  );
}

const status = (submissions: ReturnType<typeof sub>[], j: Job | null = null) =>
  toOfferStatus({ publisherId: "seller", offerId: "o", productGuid: GUID, submissions, job: j });

const draft = sub(1, "draft", "completed", "succeeded");

describe("indicators from submissions", () => {
  it("is draft with nothing but a draft", () => {
    const s = status([draft]);
    expect(s.indicator).toBe("draft");
    expect(s.status.value).toBe("neverPublished");
    expect(s.currentStepId).toBe("draft");
  });

  it("is publishing while a preview or live submission runs or has not started", () => {
    expect(status([draft, sub(2, "preview", "running", "pending")]).indicator).toBe("publishing");
    expect(status([draft, sub(2, "preview", "notStarted", "pending")]).indicator).toBe("publishing");
    const golive = status([sub(2, "preview", "completed", "succeeded"), sub(3, "live", "running", "pending")]);
    expect(golive.indicator).toBe("publishing");
    expect(golive.currentStepId).toBe("publish");
  });

  it("awaits sign-off after a successful preview with no newer live submission", () => {
    const s = status([sub(2, "live", "completed", "succeeded"), sub(3, "preview", "completed", "succeeded")]);
    expect(s.indicator).toBe("awaitingSignoff");
    expect(s.waitingSince).toBe("2026-11-13T08:00:00.000Z");
  });

  it("fails when the newest submission failed, at its stage", () => {
    const preview = status([sub(2, "preview", "completed", "failed")]);
    expect(preview.indicator).toBe("failed");
    expect(preview.steps.find((s) => s.id === "preview-creation")?.status.value).toBe("rejected");
    const live = status([sub(2, "preview", "completed", "succeeded"), sub(3, "live", "completed", "failed")]);
    expect(live.steps.find((s) => s.id === "publish")?.status.value).toBe("rejected");
    // An older failure does not count once a newer submission succeeded.
    expect(
      status([sub(2, "preview", "completed", "failed"), sub(3, "preview", "completed", "succeeded")]).indicator,
    ).toBe("awaitingSignoff");
  });

  it("is live with a generally available live submission, delisted with a deprecated one", () => {
    expect(status([sub(3, "live", "completed", "succeeded")]).indicator).toBe("live");
    const delisted = status([sub(3, "live", "completed", "succeeded", { lifecycleState: "Deprecated" })]);
    expect(delisted.indicator).toBe("delisted");
    expect(delisted.status.raw).toBe("Deprecated");
  });

  it("reads PascalCase and keeps what it does not know as unknown with the raw value", () => {
    expect(status([sub(2, "Preview", "Running", "Pending")]).indicator).toBe("publishing");
    const odd = status([sub(2, "preview", "queued", "pending")]);
    expect(odd.indicator).toBe("unknown");
    expect(odd.status).toEqual({ value: "unknown", raw: "queued" });
    expect(odd.steps.find((s) => s.id === "preview-creation")?.status).toEqual({ value: "unknown", raw: "queued" });
    expect(status([sub(2, "preview", "completed", "mystery")]).status.raw).toBe("mystery");
  });

  it("orders submissions by creation whatever the order they came in", () => {
    const s = status([sub(3, "preview", "completed", "succeeded"), sub(2, "live", "completed", "succeeded")]);
    expect(s.indicator).toBe("awaitingSignoff");
  });
});

describe("configure jobs", () => {
  const preview = sub(2, "preview", "completed", "succeeded");

  it("is publishing at the Publish stage while our job runs, and offers Cancel", () => {
    const s = status([preview], job({ jobStatus: "running", jobResult: "pending" }));
    expect(s.indicator).toBe("publishing");
    expect(s.currentStepId).toBe("publish");
    expect(s.cancelUnavailable).toBeNull();
    expect(s.steps.find((x) => x.id === "publish")?.messages.map((m) => m.level.value)).toEqual(["information"]);
  });

  it("turns a failed job's errors into error messages", () => {
    const s = status(
      [preview],
      job({
        jobStatus: "completed",
        jobResult: "failed",
        jobEnd: "2026-11-20T08:10:00Z",
        errors: [{ code: "businessValidationError", message: "Plan <b>x</b> is invalid." }],
      }),
    );
    expect(s.indicator).toBe("failed");
    const errors = s.steps.find((x) => x.id === "publish")?.messages.filter((m) => m.level.value === "error") ?? [];
    expect(errors).toHaveLength(1);
    expect(errors[0]?.text).toBe("Plan <b>x</b> is invalid. (businessValidationError)");
    // The error text is escaped, never rendered as markup.
    expect(errors[0]?.html).not.toContain("<b>");
    expect(errors[0]?.timestamp).toBe("2026-11-20T08:10:00.000Z");
    expect(s.errorCount).toBe(1);
  });

  it("is canceled after our job was cancelled, until a newer submission", () => {
    const cancelled = job({ jobStatus: "completed", jobResult: "Cancelled", jobEnd: "2026-11-20T08:05:00Z" });
    expect(status([preview], cancelled).indicator).toBe("canceled");
    expect(status([preview, sub(12, "preview", "running", "pending")], cancelled).indicator).toBe("publishing");
  });

  it("forgets a finished job once a newer preview starts the next round", () => {
    const failed = job({ jobStatus: "completed", jobResult: "failed", jobEnd: "2026-11-20T08:10:00Z" });
    const next = status([preview, sub(12, "preview", "completed", "succeeded")], failed);
    expect(next.indicator).toBe("awaitingSignoff");
    expect(next.steps.flatMap((s) => s.messages)).toEqual([]);
  });

  it("reads jobID as well as jobId, and fails the contract without either", () => {
    expect(wireJobSchema.parse({ jobID: "abc", jobStatus: "running" }).jobId).toBe("abc");
    expect(wireJobSchema.safeParse({ jobStatus: "running" }).success).toBe(false);
  });

  it("says Cancel is not offered while a publish runs that is not our job", () => {
    expect(status([sub(2, "preview", "running", "pending")]).cancelUnavailable).toBe("noRunningJob");
    expect(status([sub(3, "live", "completed", "succeeded")]).cancelUnavailable).toBeNull();
  });
});

describe("products", () => {
  it("maps product types to the offer types the pages show", () => {
    expect(toOfferTypeId("softwareAsAService")).toBe("microsoft-azure-saas");
    expect(toOfferTypeId("AzureVirtualMachine")).toBe("microsoft-azure-virtualmachines");
    expect(toOfferTypeId("azureContainer")).toBe("microsoft-azure-container");
    expect(toOfferTypeId("privateOffer")).toBe("privateOffer");
    expect(toOfferTypeId(null)).toBe("unknown");
  });

  it("marks every status as derived and links the offer in Partner Center", () => {
    const s = status([draft]);
    expect(s.derivedFrom).toBe("submissions");
    expect(s.partnerCenterUrl).toBe(
      `https://partner.microsoft.com/dashboard/commercial-marketplace/offers/${GUID}/overview`,
    );
    expect(s.steps.map((x) => x.id)).toEqual(["draft", "preview-creation", "publisher-signoff", "publish", "live"]);
  });

  it("rejects a submission page without ids", () => {
    expect(wireSubmissionPageSchema.safeParse({ value: [{ status: "running" }] }).success).toBe(false);
  });
});
