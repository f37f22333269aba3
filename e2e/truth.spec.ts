import { fetchOffers, row } from "./support/offer-list";
import { header, openStatus } from "./support/status-page";
import { expect, test } from "./support/fixtures";

/** Issue #14: the dashboard tells the same truth everywhere, under faults too. */

test("a delisted offer is Delisted in the list, in its header and on its Status tab", async ({ page, request }) => {
  const offers = await fetchOffers(request);
  expect(offers.find((o) => o.id === "contoso-vm-delisted")?.indicator).toBe("delisted");
  await page.goto("/publishers/contoso/offers");
  await expect(row(page, "contoso-vm-delisted").getByText("Delisted", { exact: true })).toBeVisible();

  await openStatus(page, "contoso-vm-delisted");
  await expect(header(page).getByText("Delisted", { exact: true })).toBeVisible();
  await expect(page.getByTestId("status-headline")).toHaveText("This offer was removed from the marketplace.");
  await expect(page.getByText("The offer is live in the marketplace.")).toHaveCount(0);
});

test("a failed offer's row says which step failed and how many errors it has", async ({ page, request }) => {
  const failed = (await fetchOffers(request)).find((o) => o.id === "contoso-vm-failed");
  expect(failed?.currentStep?.name).toBe("Certification");
  expect(failed?.errorCount).toBe(2);
  await page.goto("/publishers/contoso/offers");
  const failedRow = row(page, "contoso-vm-failed");
  await expect(failedRow).toContainText("Certification · Rejected");
  await expect(failedRow).toContainText("2 errors");
});

test("a mistyped publisher is told as not visible to the app, and is not offered as a publisher", async ({ page }) => {
  await page.goto("/publishers/nope/offers");
  const alert = page.getByRole("alert").filter({ hasText: "The offers could not be loaded" });
  await expect(alert).toContainText(
    "No publisher by this id is visible to the dashboard's app registration: the id may be wrong",
  );
  const switcher = page.getByRole("combobox", { name: "Publisher" });
  await expect(switcher.locator("option", { hasText: "Contoso" })).toHaveCount(1);
  await expect(switcher.locator("option", { hasText: "nope" })).toHaveCount(0);
});

test("an unknown offer's page answers HTTP 404 and says which offer is missing", async ({ page }) => {
  const res = await page.goto("/publishers/contoso/offers/contoso-no-such-offer/status");
  expect(res?.status()).toBe(404);
  const alert = page.getByRole("alert").filter({ hasText: "Offer not found" });
  await expect(alert).toContainText('There is no offer "contoso-no-such-offer" under publisher "contoso"');
  await alert.getByRole("link", { name: "Back to All offers" }).click();
  await expect(page).toHaveURL(/\/publishers\/contoso\/offers$/);
  // A known offer is still a 200.
  expect((await page.goto("/publishers/contoso/offers/contoso-vm-failed/status"))?.status()).toBe(200);
});

test("the viewer's user menu names the role it lacks", async ({ viewerPage: page }) => {
  await page.goto("/publishers/contoso/offers");
  await page
    .getByRole("banner")
    .getByRole("button", { name: /Vera Viewer/ })
    .click();
  await expect(page.getByText("Viewer: read-only (no “Approver” role).")).toBeVisible();
  await expect(page.getByText("{role}")).toHaveCount(0);
});
