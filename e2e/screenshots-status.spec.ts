import { expect, test } from "./support/fixtures";

// The Status tab of a rich offer (sign-off waiting, a warning, an error with a link) for the docs.
test("screenshot: the Status tab of an offer awaiting sign-off", { tag: "@screenshots" }, async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto("/publishers/contoso/offers/contoso-app-signoff/status");
  await expect(page.getByTestId("step")).toHaveCount(8);
  await expect(page.getByRole("heading", { level: 1, name: "Contoso Managed Kubernetes Toolkit" })).toBeVisible();
  await page.screenshot({ path: "docs/status-tab.png" });
});
