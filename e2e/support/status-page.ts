import { expect, type Locator, type Page } from "@playwright/test";

/** The Status tab specs' offer page (English and zh-TW): its publisher, URLs and parts. */

export const P = "contoso";
export const statusUrl = (offerId: string) => `/publishers/${P}/offers/${offerId}/status`;
export const detailsUrl = (offerId: string) => `/publishers/${P}/offers/${offerId}/details`;

export async function openStatus(page: Page, offerId: string): Promise<void> {
  await page.goto(statusUrl(offerId));
  await expect(page.getByTestId("timeline")).toBeVisible();
}

export const header = (page: Page): Locator => page.getByTestId("offer-header");
export const step = (page: Page, stepId: string): Locator =>
  page.locator(`[data-testid="step"][data-step-id="${stepId}"]`);
/** The step's own header row: its name, its status in words and its copy-link button. */
export const stepHead = (page: Page, stepId: string): Locator => step(page, stepId).locator("header");
