import { openStatus, step, stepHead } from "./support/status-page";
import { expect, test } from "./support/fixtures";

/**
 * A timeline that tells time: completed steps fold to one line and open on demand, the
 * current step stays open, not-started steps show no empty bar, and each step says when it
 * started and finished and how long it took, in local time readable without hovering.
 */

const DATE_TIME = /\b\d{4}\b.*\d{1,2}:\d{2}/;

test("completed steps fold to one line and open on demand; the current step stays open", async ({ page }) => {
  await openStatus(page, "contoso-vm-certifying");
  const done = step(page, "displaydummycertify");
  const toggle = done.getByRole("button", { name: "Validate Pre-Requisites", exact: true });
  await expect(toggle).toHaveAttribute("aria-expanded", "false");
  await expect(stepHead(page, "displaydummycertify").getByText("Complete", { exact: true })).toBeVisible();
  await expect(done.getByTestId("step-finished")).toHaveText(/^Finished .*\d{1,2}:\d{2}/);
  await expect(done.getByTestId("message")).toHaveCount(0);

  await toggle.click();
  await expect(toggle).toHaveAttribute("aria-expanded", "true");
  await expect(done.getByTestId("step-started")).toContainText(DATE_TIME);
  await expect(done.getByTestId("step-ended")).toContainText(DATE_TIME);
  await expect(done.getByTestId("step-duration")).toHaveText(/^Took:\d+ (sec|min|hr)/);
  await expect(done.getByTestId("message").first()).toBeVisible();
  // Message times read in local time without hovering, with how long ago.
  await expect(done.getByTestId("message").first().locator("time")).toHaveText(/\d{1,2}:\d{2}.* · .+ ago$/);
  await toggle.press("Enter");
  await expect(toggle).toHaveAttribute("aria-expanded", "false");

  // The current step is open, with how long it has run; steps not started have no empty bar.
  const current = step(page, "displaycertify");
  await expect(current.getByRole("button", { name: "Certification", exact: true })).toHaveCount(0);
  await expect(current.getByRole("progressbar")).toBeVisible();
  await expect(current.getByTestId("step-started")).toContainText(DATE_TIME);
  await expect(current.getByTestId("step-duration")).toHaveText(/^Time so far:/);
  await expect(step(page, "displayprovision").getByRole("progressbar")).toHaveCount(0);
  await expect(step(page, "displayprovision").getByText(/^Estimated time:/)).toBeVisible();
});

test("a live offer's finished timeline fits in a screen, not 1,700 px", async ({ page }) => {
  await openStatus(page, "contoso-container-live");
  await expect(page.locator("[data-testid=step][data-collapsed=true]")).toHaveCount(
    await page.getByTestId("step").count(),
  );
  const box = await page.getByTestId("timeline").boundingBox();
  expect(box!.height).toBeLessThan(600);
});

test("a link to a folded step opens it", async ({ page }) => {
  await page.goto("/publishers/contoso/offers/contoso-app-signoff/status#step-test-drive-validation");
  const linked = step(page, "test-drive-validation");
  await expect(linked).toHaveAttribute("data-targeted", "true");
  await expect(
    linked.getByTestId("message").filter({ hasText: "Test Drive deployment exceeded the 60 minute limit" }),
  ).toBeVisible();
});
