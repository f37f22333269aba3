import { test } from "./support/fixtures";

test("review dialog", async ({ page, emulator }) => {
  void emulator;
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`/publishers/contoso/offers/contoso-app-signoff/status`);
  await page.getByRole("button", { name: "Go live", exact: true }).click();
  await page.waitForTimeout(500);
  await page.screenshot({ path: `/tmp/review/dialog.png` });
  await page.keyboard.press("Escape");
  await page.getByRole("button", { name: "Cancel publish", exact: true }).click();
  await page.waitForTimeout(500);
  await page.screenshot({ path: `/tmp/review/dialog-cancel.png` });
  await page.keyboard.press("Escape");
  await page.goto(`/publishers/contoso/offers/contoso-app-signoff/details`);
  await page.waitForTimeout(1500);
  await page.screenshot({ path: `/tmp/review/details.png` });
  await emulator.addFault({ target: "status", kind: "status", status: 503, offerId: "contoso-vm-certifying" });
  await page.goto(`/publishers/contoso/offers/contoso-vm-certifying/status`);
  await page.waitForTimeout(1500);
  await page.screenshot({ path: `/tmp/review/error.png` });
  await emulator.clearFaults();
  await page.getByRole("button", { name: "Try again" }).click();
  await page.waitForTimeout(1500);
  await emulator.addFault({ target: "status", kind: "status", status: 503, offerId: "contoso-vm-certifying" });
  await page.waitForTimeout(3000);
  await page.screenshot({ path: `/tmp/review/stale.png` });
});
