import { expect, test } from "./support/fixtures";
import { row } from "./support/offer-list";

/**
 * All offers and Approvals for the docs, at 1280×800. The test emulator's clock stands
 * still at its start instant, so the browser is set to that instant too: ages and waits
 * then read as they do in the live demo ("2 hours ago", not "10 months ago").
 */
test.beforeEach(async ({ page, emulator }) => {
  const { now } = await emulator.clock();
  await page.clock.setFixedTime(new Date(now));
  await page.setViewportSize({ width: 1280, height: 800 });
});

test("screenshot: All offers", { tag: "@screenshots" }, async ({ page }) => {
  await page.goto("/publishers/contoso/offers");
  await expect(row(page, "contoso-vm-certifying").getByRole("progressbar")).toBeVisible();
  await expect(page.getByText(/^Showing 1–\d+ of \d+ offers$/)).toBeVisible();
  await page.screenshot({ path: "docs/all-offers.png" });
});

test("screenshot: Approvals", { tag: "@screenshots" }, async ({ page }) => {
  await page.goto("/publishers/contoso/approvals");
  await expect(row(page, "contoso-app-signoff")).toContainText("1 error");
  await expect(page.getByText(/^Showing 1–\d+ of \d+ offers awaiting sign-off$/)).toBeVisible();
  await page.screenshot({ path: "docs/approvals.png" });
});
