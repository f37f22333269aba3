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
