import { describe, expect, it } from "vitest";

import * as original from "./api-error";

describe("ApiError", () => {
  it("is recognised when another copy of the module made it (Next bundles server layers apart)", async () => {
    const { ApiError } = original;
    const copy = (await import("./api-error?another-copy" as string)) as typeof original;
    expect(copy.ApiError).not.toBe(ApiError);
    const error = new copy.ApiError(403, "upstream_forbidden", "No publisher 'northwind' is visible.");
    expect(error instanceof ApiError).toBe(true);
    expect(new Error("plain") instanceof ApiError).toBe(false);
    expect({ code: "x" } instanceof ApiError).toBe(false);
  });
});
