import { describe, expect, it } from "vitest";

import { safeReturnTo } from "./return-to";

describe("safeReturnTo", () => {
  it("keeps same-origin relative paths with their query", () => {
    expect(safeReturnTo("/publishers/contoso/approvals?q=x")).toBe("/publishers/contoso/approvals?q=x");
    expect(safeReturnTo("/publishers/contoso/offers/contoso-vm-failed/status")).toBe(
      "/publishers/contoso/offers/contoso-vm-failed/status",
    );
    expect(safeReturnTo("/")).toBe("/");
    expect(safeReturnTo("/publishers/contoso/offers?sort=name&q=a%20b")).toBe(
      "/publishers/contoso/offers?sort=name&q=a%20b",
    );
  });

  it.each([
    "//evil.com",
    "//evil.com/publishers",
    "/\\evil.com",
    "\\\\evil.com",
    "/\\/evil.com",
    "https://evil.com",
    "http://evil.com/x",
    "javascript:alert(1)",
    "JavaScript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "evil.com",
    "publishers/contoso",
    "%2F%2Fevil.com",
    "/%2F%2Fevil.com",
    "/%252F%252Fevil.com",
    "%2f%5cevil.com",
    "/%5Cevil.com",
    "/%5C%5Cevil.com",
    "/\t/evil.com",
    "/\n/evil.com",
    "/%09/evil.com",
    "/%0d%0a/evil.com",
    "/%E0%A4%A",
    "/auth/signin?returnTo=/",
    "/auth/signout",
    "",
    `/${"a".repeat(3000)}`,
  ])("refuses %j", (value) => {
    expect(safeReturnTo(value)).toBe("/");
  });

  it("refuses what is not a string", () => {
    expect(safeReturnTo(null)).toBe("/");
    expect(safeReturnTo(undefined)).toBe("/");
  });
});
