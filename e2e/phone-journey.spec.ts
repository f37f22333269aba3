import type { Page } from "@playwright/test";

import { expect, test } from "./support/fixtures";

/**
 * On a phone (375 × 812) the first offer is in the first half of the screen: a one-row
 * header, search and sort side by side, and the filter chips in one sideways-scrolling row.
 * On a sign-off offer the preview links come before Go live.
 */

const WIDTH = 375;
const HEIGHT = 812;

test.beforeEach(async ({ page }) => {
  await page.setViewportSize({ width: WIDTH, height: HEIGHT });
});

async function firstCardTop(page: Page): Promise<number> {
  const first = page.getByRole("main").locator("li[data-offer-id]").first();
  await expect(first).toBeVisible();
  const box = await first.boundingBox();
  return box!.y;
}

test("All offers and Approvals: the first offer card starts in the first half of the screen", async ({ page }) => {
  await page.goto("/publishers/contoso/offers");
  expect(await firstCardTop(page)).toBeLessThan(HEIGHT / 2);
  // Every chip shares one row, which scrolls sideways rather than the page.
  const all = await page.getByRole("button", { name: /^All statuses/ }).boundingBox();
  const attention = await page.getByRole("button", { name: /^Needs attention/ }).boundingBox();
  const types = await page.getByRole("button", { name: /^All types/ }).boundingBox();
  // One row: their middles line up (the toggle and the chips differ by a pixel in height).
  const middle = (b: { y: number; height: number } | null) => b!.y + b!.height / 2;
  expect(Math.abs(middle(all) - middle(attention))).toBeLessThan(4);
  expect(Math.abs(middle(types) - middle(attention))).toBeLessThan(4);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(WIDTH);

  await page.goto("/publishers/contoso/approvals");
  expect(await firstCardTop(page)).toBeLessThan(HEIGHT / 2);
});

test("a sign-off offer's preview links come before Go live, on its card and its Status tab", async ({ page }) => {
  await page.goto("/publishers/contoso/approvals");
  const card = page.getByRole("main").locator("li[data-offer-id=contoso-app-signoff]");
  const preview = await card.getByRole("list", { name: /^Preview links of/ }).boundingBox();
  const goLive = await card.getByRole("button", { name: /^Go live/ }).boundingBox();
  expect(preview!.y + preview!.height).toBeLessThanOrEqual(goLive!.y);

  await page.goto("/publishers/contoso/offers/contoso-app-signoff/status");
  const links = await page.getByRole("region", { name: "Offer links" }).getByTestId("preview-links").boundingBox();
  const button = await page
    .getByRole("region", { name: "Actions" })
    .getByRole("button", { name: "Go live" })
    .boundingBox();
  expect(links!.y + links!.height).toBeLessThanOrEqual(button!.y);
});
