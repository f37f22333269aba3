import type { Locator, Page } from "@playwright/test";

import type { OfferSummary } from "../lib/schemas/model";
import { fetchOffers } from "./support/offer-list";
import { expect, test } from "./support/fixtures";

/**
 * All offers and Approvals on a phone (375 px): a card per offer instead of a table, sorted
 * with a select, and nothing wider than the screen.
 */

test.beforeEach(async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 812 });
});

const collator = new Intl.Collator("en", { numeric: true, sensitivity: "base" });
const byName = (a: OfferSummary, b: OfferSummary) => collator.compare(a.name, b.name) || collator.compare(a.id, b.id);

/** The card of an offer, found by the offer id it shows. */
function card(page: Page, offerId: string): Locator {
  return page
    .getByRole("main")
    .getByRole("listitem")
    .filter({ has: page.getByText(offerId, { exact: true }) });
}

/** The cards' names (each card's heading), in order. */
function cardNames(page: Page): Locator {
  return page.getByRole("main").getByRole("listitem").getByRole("heading", { level: 2 });
}

async function expectNoSidewaysScroll(page: Page): Promise<void> {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
}

/** Presses Tab until `target` has focus, then checks that the focus shows. */
async function tabTo(page: Page, target: Locator): Promise<void> {
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press("Tab");
    if (await target.evaluate((el) => el === document.activeElement)) {
      const shown = await target.evaluate((el) => {
        const s = getComputedStyle(el);
        return el.matches(":focus-visible") && s.outlineStyle !== "none" && s.outlineWidth !== "0px";
      });
      expect(shown, "visible focus").toBe(true);
      return;
    }
  }
  throw new Error(`Tab never reached ${target.toString()}`);
}

test("All offers on a phone: one readable card per offer and no table; a card's name opens its Status tab", async ({
  page,
  request,
}) => {
  const offers = await fetchOffers(request);
  await page.goto("/publishers/contoso/offers");
  await expect(page.getByRole("heading", { level: 1, name: "All offers" })).toBeVisible();
  await expect(page.getByRole("list", { name: /^Offers of publisher contoso; page 1 of 1$/ })).toBeVisible();
  await expect(cardNames(page)).toHaveCount(offers.length);
  await expect(page.getByRole("table")).toHaveCount(0);
  await expect(page.getByText(`Showing 1–${offers.length} of ${offers.length} offers`)).toBeVisible();

  // Name, id, type, status, the current step with its progress, and the last change.
  const certifying = card(page, "contoso-vm-certifying");
  const step = offers.find((o) => o.id === "contoso-vm-certifying")?.currentStep;
  await expect(certifying.getByRole("heading", { name: "Contoso Ubuntu Hardened Server" })).toBeVisible();
  await expect(certifying.getByText("Publish in progress", { exact: true })).toBeVisible();
  await expect(certifying).toContainText(`${step?.name} · ${step?.progress}%`);
  await expect(certifying.getByRole("progressbar", { name: `${step?.name} progress` })).toBeVisible();
  await expect(certifying).toContainText("Virtual machine");
  await expect(certifying).toContainText(/Last changed\s*\d+ \w+ ago|Last changed\s*now/);
  await expect(card(page, "contoso-app-signoff")).toContainText("1 error");
  await expectNoSidewaysScroll(page);

  // From the keyboard: Tab reaches the card's link, its focus shows, Enter opens the offer.
  const link = card(page, "contoso-container-live").getByRole("link", { name: "Contoso Edge Cache" });
  await tabTo(page, link);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/publishers\/contoso\/offers\/contoso-container-live\/status$/);

  // A tap anywhere on a card opens it too.
  await page.goBack();
  await card(page, "contoso-vm-failed").getByText("Publish failed", { exact: true }).click();
  await expect(page).toHaveURL(/\/publishers\/contoso\/offers\/contoso-vm-failed\/status$/);
});

test("All offers on a phone: sort with the select, filter and status chips, page through, clear", async ({
  page,
  request,
}) => {
  const offers = await fetchOffers(request);
  const sorted = [...offers].sort(byName);
  await page.goto("/publishers/contoso/offers");
  await expect(cardNames(page)).toHaveCount(offers.length);
  await expect(cardNames(page).first()).toHaveText(sorted[0]!.name);

  // The column headers are not there to click: a labelled select sorts the cards.
  const sort = page.getByRole("combobox", { name: "Sort by" });
  await expect(sort).toHaveValue("name:asc");
  await sort.selectOption({ label: "Name, Z to A" });
  await expect(page).toHaveURL(/[?&]dir=desc(&|$)/);
  await expect(cardNames(page)).toHaveText([...sorted].reverse().map((o) => o.name));
  await page.reload();
  await expect(sort).toHaveValue("name:desc");
  await expect(cardNames(page).first()).toHaveText(sorted.at(-1)!.name);

  // Text filter and a status chip.
  const matches = offers.filter((o) => `${o.name} ${o.id}`.toLowerCase().includes("server"));
  await page.getByRole("searchbox", { name: "Filter offers by name or id" }).fill("server");
  await expect(page).toHaveURL(/[?&]q=server(&|$)/);
  await expect(cardNames(page)).toHaveCount(matches.length);
  const publishing = matches.filter((o) => o.indicator === "publishing");
  expect(publishing.length).toBeGreaterThan(0);
  await page.getByRole("button", { name: `Publish in progress ${publishing.length}` }).click();
  await expect(cardNames(page)).toHaveCount(publishing.length);
  await expectNoSidewaysScroll(page);

  // Nothing matches: the empty state and its way out fit the screen too.
  await page.getByRole("searchbox", { name: "Filter offers by name or id" }).fill("no such offer");
  await expect(page.getByText("No offers match these filters")).toBeVisible();
  await expectNoSidewaysScroll(page);
  await page.getByRole("button", { name: "Clear the filters" }).click();
  await expect(cardNames(page)).toHaveCount(offers.length);

  // Paging, at a page size that needs two pages.
  await page.getByLabel("Rows per page").selectOption("25");
  await expect(page.getByText(`Showing 1–25 of ${offers.length} offers`)).toBeVisible();
  await expect(cardNames(page)).toHaveCount(25);
  await expectNoSidewaysScroll(page);
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.getByText(`Showing 26–${offers.length} of ${offers.length} offers`)).toBeVisible();
  await expect(page.getByRole("button", { name: "Page 2" })).toHaveAttribute("aria-current", "page");
});

test("All offers on a phone: a publisher the dashboard may not read says why within the screen", async ({ page }) => {
  await page.goto("/publishers/northwind/offers");
  await expect(page.getByRole("alert").filter({ hasText: "The offers could not be loaded" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Try again" })).toBeVisible();
  await expectNoSidewaysScroll(page);
});

test("Approvals on a phone: cards with the wait, open issues and Go live; Go live from a card", async ({
  page,
  request,
}) => {
  const queue = (await fetchOffers(request)).filter((o) => o.indicator === "awaitingSignoff");
  await page.goto("/publishers/contoso/approvals");
  await expect(page.getByRole("heading", { level: 1, name: "Approvals" })).toBeVisible();
  await expect(cardNames(page)).toHaveCount(queue.length);
  await expect(page.getByRole("table")).toHaveCount(0);
  await expect(page.getByRole("combobox", { name: "Sort by" })).toHaveValue("waited:desc");
  await expect(page.getByText(`Showing 1–${queue.length} of ${queue.length} offers awaiting sign-off`)).toBeVisible();

  const kubernetes = card(page, "contoso-app-signoff");
  await expect(kubernetes.getByRole("heading", { name: "Contoso Managed Kubernetes Toolkit" })).toBeVisible();
  await expect(kubernetes).toContainText("Azure application");
  await expect(kubernetes.locator("time")).toHaveText(/^\d+ (day|days|hr|min|sec)\b/);
  await expect(kubernetes).toContainText("1 error");
  await expect(kubernetes).toContainText("1 warning");
  await expectNoSidewaysScroll(page);

  // The name is the way to the Status tab.
  await kubernetes.getByRole("link", { name: "Contoso Managed Kubernetes Toolkit" }).click();
  await expect(page).toHaveURL(/\/publishers\/contoso\/offers\/contoso-app-signoff\/status$/);
  await page.goBack();

  // Go live from a card: the confirmation fits the screen, then the offer leaves the queue.
  const golive = card(page, "contoso-saas-golive");
  await golive.getByRole("button", { name: "Go live: Contoso Contract Analyzer" }).click();
  const dialog = page.getByRole("dialog", { name: "Go live with Contoso Contract Analyzer?" });
  await expect(dialog).toContainText("No open warnings or errors.");
  const box = await dialog.boundingBox();
  expect(box!.x).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width).toBeLessThanOrEqual(375);
  await expectNoSidewaysScroll(page);
  await dialog.getByRole("button", { name: "Go live", exact: true }).click();

  await expect(page.getByRole("group", { name: "Contoso Contract Analyzer left the queue" })).toContainText(
    "Publish in progress",
  );
  await expect(page.getByText("Go live requested for Contoso Contract Analyzer")).toHaveCount(0);
  // The outcome is seen: the "accepted, tracking…" notice retires.
  await expect(page.getByRole("status").filter({ hasText: "the Marketplace accepted" })).toHaveCount(0);
  await expect(golive).toHaveCount(0);
  await expect(page.locator('[aria-live="polite"]')).toContainText(
    "Contoso Contract Analyzer: Awaiting publisher sign-off → Publish in progress.",
  );
  await expectNoSidewaysScroll(page);
});

test("Approvals on a phone: an empty queue says so within the screen", async ({ page, emulator }) => {
  await emulator.reset({ bulk: { publisherId: "bulk", offers: 20, awaitingSignoff: 0 } });
  await page.goto("/publishers/bulk/approvals");
  await expect(page.getByText("No offers await sign-off")).toBeVisible();
  await expect(page.getByRole("link", { name: "See all offers" })).toBeVisible();
  await expectNoSidewaysScroll(page);
});
