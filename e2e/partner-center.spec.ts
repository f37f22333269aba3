import type { Page } from "@playwright/test";

import type { OfferSummary } from "../lib/schemas/model";
import { expect, test } from "./support/fixtures";
import { EmulatorControl } from "./support/emulator";
import { row, rowHeaders } from "./support/offer-list";
import { PC_APP_URL, PC_EMULATOR_URL } from "./support/ports";

/**
 * The same pages on Partner Center's Product Ingestion API (UPSTREAM=partner-center), on a
 * stack of their own: the emulator plays that API (products, submissions, configure jobs), the
 * watcher is on. The seller's products become one publisher's offers; their submissions and
 * our configure jobs become the indicator and Partner Center's stages. This stack's emulator
 * is never reset: each test moves products no other test here touches.
 */
const SELLER = "seller";
const at = (path: string) => `${PC_APP_URL}${path}`;
let emulator: EmulatorControl;

test.beforeAll(async () => {
  emulator = await EmulatorControl.connect(PC_EMULATOR_URL);
});
test.afterAll(async () => {
  await emulator.dispose();
});

async function offers(page: Page): Promise<OfferSummary[]> {
  const res = await page.request.get(at(`/api/publishers/${SELLER}/offers`));
  expect(res.ok()).toBe(true);
  return ((await res.json()) as { data: OfferSummary[] }).data;
}

async function indicatorOf(page: Page, offerId: string): Promise<string | undefined> {
  return (await offers(page)).find((o) => o.id === offerId)?.indicator;
}

test("All offers lists the seller's products with the indicator their submissions give", async ({ page }) => {
  await page.goto(at(`/publishers/${SELLER}/offers`));
  await expect(page.getByRole("heading", { level: 1, name: "All offers" })).toBeVisible();
  const expected: [offerId: string, name: string, indicator: string][] = [
    ["pc-saas-draft", "Contoso Draft SaaS", "Draft"],
    ["pc-saas-signoff", "Contoso Analytics SaaS", "Awaiting publisher sign-off"],
    ["pc-saas-failed", "Contoso Failed SaaS", "Publish failed"],
    ["pc-container-live", "Contoso Container Suite", "Live"],
    ["pc-vm-delisted", "Contoso Retired VM", "Delisted"],
  ];
  for (const [offerId, name, indicator] of expected) {
    await expect(row(page, offerId)).toContainText(name);
    await expect(row(page, offerId)).toContainText(indicator);
  }
  // A preview being created shows Partner Center's stage, as a CPP offer shows its step.
  await expect(row(page, "pc-vm-preview")).toContainText("Preview creation");
});

test("the Status tab shows Partner Center's stages, says they are derived, and links the product in Partner Center", async ({
  page,
}) => {
  await page.goto(at(`/publishers/${SELLER}/offers/pc-vm-preview/status`));
  const timeline = page.getByTestId("timeline");
  await expect(timeline).toBeVisible();
  for (const stage of ["Draft", "Preview creation", "Publisher sign-off", "Publish", "Live"])
    await expect(timeline).toContainText(stage);
  await expect(timeline).toContainText("up to 3 days");
  await expect(timeline).toContainText("> 30 min");
  await expect(page.getByTestId("derived-steps")).toContainText("Derived from Partner Center's submissions");

  const link = page.getByRole("link", { name: /Open in Partner Center/ });
  await expect(link).toHaveAttribute(
    "href",
    /^https:\/\/partner\.microsoft\.com\/dashboard\/commercial-marketplace\/offers\/[0-9a-f-]{36}\/overview$/,
  );
  await expect(link).toHaveAttribute("target", "_blank");
  // Publishing it was not started here: Partner Center has no job of ours to cancel.
  await expect(page.getByTestId("cancel-unavailable")).toContainText("Cancel publish is not offered");
  await expect(page.getByRole("button", { name: "Cancel publish" })).toHaveCount(0);
});

test("Go live from the queue goes through configure to Live, and the pipeline shows how long Publish took", async ({
  page,
}) => {
  await page.goto(at(`/publishers/${SELLER}/approvals`));
  await expect(rowHeaders(page)).toContainText(["pc-saas-golive"]);
  const queued = row(page, "pc-saas-golive");
  await queued.getByRole("button", { name: "Go live: Contoso Billing SaaS" }).click();
  const dialog = page.getByRole("dialog", { name: "Go live with Contoso Billing SaaS?" });
  await dialog.getByRole("button", { name: "Go live", exact: true }).click();
  await expect(queued).toHaveCount(0);
  await expect.poll(() => indicatorOf(page, "pc-saas-golive")).toBe("publishing");

  // Partner Center's publish runs 45 minutes on the emulator's clock: move it 5 minutes at a
  // time, each time letting the watcher read again (bounded: 15 moves).
  for (let i = 0; i < 15 && (await indicatorOf(page, "pc-saas-golive")) !== "live"; i++) {
    await emulator.advanceClock(5 * 60_000);
    await page.waitForTimeout(1_500);
  }
  await expect.poll(() => indicatorOf(page, "pc-saas-golive"), { timeout: 20_000 }).toBe("live");

  // The History tab: Publish timed as the watcher saw it start and end (in the dashboard's
  // time: here seconds, while the emulator's clock was moved 45 minutes).
  await page.goto(at(`/publishers/${SELLER}/offers/pc-saas-golive/history`));
  await expect(page.getByTestId("transitions")).toContainText("Live");
  const publish = page.getByTestId("step-times").locator('tr[data-step-id="publish"]');
  await expect(publish.getByTestId("step-duration")).toHaveText(/\d+\s*(s|sec|min|h)/);

  // The Status tab says the same, and that the dashboard observed it.
  await page.getByRole("link", { name: "Status", exact: true }).click();
  const stage = page.locator('li[data-step-id="publish"]');
  await expect(stage).toBeVisible();
  const folded = stage.locator('button[aria-expanded="false"]');
  if ((await folded.count()) > 0) await folded.first().click();
  await expect(stage.getByTestId("step-duration")).toContainText("(observed by the dashboard)");
});
