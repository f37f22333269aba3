import { describe, expect, it } from "vitest";

import { ApiError } from "@/lib/schemas/api-error";
import { CATALOGUES } from "@/messages";

import { catalogueCode } from "./use-error-text";

const error = (code: string, args?: Record<string, string>) =>
  new ApiError(503, code, "server words", undefined, args === undefined ? undefined : { args });

describe("the catalogue's sentence for an error", () => {
  it("names Partner Center when it is the upstream that failed, the Cloud Partner Portal otherwise", () => {
    expect(catalogueCode(error("upstream_unavailable"))).toBe("upstream_unavailable");
    expect(catalogueCode(error("upstream_unavailable", { upstream: "partnerCenter" }))).toBe(
      "upstream_unavailable_partnerCenter",
    );
    expect(CATALOGUES.en.common.errors.codes.upstream_unavailable_partnerCenter).toContain("Partner Center");
    expect(CATALOGUES.en.common.errors.codes.upstream_unavailable).toContain("Cloud Partner Portal");
  });

  it("keeps a code with no Partner Center wording, and says so for a code it does not know", () => {
    expect(catalogueCode(error("not_found", { upstream: "partnerCenter" }))).toBe("not_found");
    expect(catalogueCode(error("already_live", { by: "Aaron" }))).toBe("already_live_by");
    expect(catalogueCode(error("no_such_code"))).toBeNull();
  });
});
