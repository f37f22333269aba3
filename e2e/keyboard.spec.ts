import type { Locator, Page } from "@playwright/test";

import { expect, test } from "./support/fixtures";

/**
 * The approver's whole task with the keyboard alone — no click, no focus() — from the
 * Approvals queue to Go live and back: skip link, filter, sort, open the offer, read the
 * confirmation (focus kept inside it, returned on Escape), confirm, and back to the queue.
 * Every stop must show a visible focus indicator.
 */

const MAX_TABS = 80;
const STATUS_API = "/api/publishers/contoso/offers/contoso-saas-golive/status";

async function isFocused(target: Locator): Promise<boolean> {
  return target.evaluate((el) => el === document.activeElement).catch(() => false);
}

/** Presses Tab (or Shift+Tab) until `target` has focus; fails if it never does. */
async function tabTo(page: Page, target: Locator, key: "Tab" | "Shift+Tab" = "Tab"): Promise<void> {
  await expect(target).toBeVisible();
  for (let i = 0; i < MAX_TABS; i++) {
    await page.keyboard.press(key);
    if (await isFocused(target)) {
      await expectVisibleFocus(target);
      return;
    }
  }
  throw new Error(`${MAX_TABS} presses of ${key} never reached ${target.toString()}`);
}

/** The focused element shows an indicator: an outline or a ring (box-shadow). */
async function expectVisibleFocus(target: Locator): Promise<void> {
  const style = await target.evaluate((el) => {
    const s = getComputedStyle(el);
    return {
      focusVisible: el.matches(":focus-visible"),
      outline: s.outlineStyle,
      width: s.outlineWidth,
      ring: s.boxShadow,
    };
  });
  expect(style.focusVisible, "focus-visible").toBe(true);
  const outlined = style.outline !== "none" && style.width !== "0px";
  expect(outlined || style.ring !== "none", `visible focus on ${target.toString()}`).toBe(true);
}

test("an approver goes from the queue to Go live and back with the keyboard alone", async ({
  page,
  emulator,
  request,
}) => {
  await page.goto("/publishers/contoso/approvals");
  const main = page.getByRole("main");
  await expect(main.locator("[data-offer-id]").first()).toBeVisible();

  // Skip the header.
  const skip = page.getByRole("link", { name: "Skip to content" });
  await tabTo(page, skip);
  await page.keyboard.press("Enter");

  // Filter the queue.
  const search = page.getByRole("searchbox", { name: "Filter the queue by name or id" });
  await tabTo(page, search);
  await page.keyboard.type("contoso");
  await expect(page).toHaveURL(/[?&]q=contoso(&|$)/);

  // Sort by waiting time, the other way round.
  const waiting = page.getByRole("columnheader", { name: "Waiting" });
  await expect(waiting).toHaveAttribute("aria-sort", "descending");
  await tabTo(page, waiting.getByRole("button"));
  await page.keyboard.press("Enter");
  await expect(waiting).toHaveAttribute("aria-sort", "ascending");

  // Open the offer's Status tab from its row.
  const row = main.locator("[data-offer-id='contoso-saas-golive']");
  const link = row.getByRole("link").first();
  await tabTo(page, link);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/publishers\/contoso\/offers\/contoso-saas-golive\/status$/);
  await expect(page.locator('ol li[id^="step-"]').first()).toBeVisible();

  // Go live: the confirmation takes focus and keeps it; Escape returns it to the button.
  const goLive = page.getByRole("region", { name: "Actions" }).getByRole("button", { name: "Go live", exact: true });
  const dialog = page.getByRole("dialog", { name: "Go live with this offer?" });
  await tabTo(page, goLive);
  await page.keyboard.press("Enter");
  await expect(dialog).toBeVisible();
  for (let i = 0; i < 6; i++) {
    await page.keyboard.press("Tab");
    expect(await dialog.evaluate((d) => d.contains(document.activeElement)), "focus stays in the dialog").toBe(true);
  }
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(goLive).toBeFocused();

  await page.keyboard.press("Enter");
  await expect(dialog).toBeVisible();
  const confirm = dialog.getByRole("button", { name: "Go live", exact: true });
  await tabTo(page, confirm);
  await page.keyboard.press("Enter");
  await expect(dialog).toBeHidden();
  // Once the offer shows it, the "accepted, tracking…" notice retires.
  await expect(page.getByTestId("offer-header").getByText("Publish in progress", { exact: true })).toBeVisible();
  await expect(page.getByTestId("action-result")).toHaveText("");

  // Back to the queue through the navigation; the offer is no longer waiting there.
  await emulator.advanceClock(30 * 60_000);
  await expect
    .poll(async () => (await (await request.get(STATUS_API)).json()).data.indicator, { timeout: 15_000 })
    .toBe("live");
  const approvals = page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Approvals" });
  await tabTo(page, approvals, "Shift+Tab");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/publishers\/contoso\/approvals/);
  await expect(main.locator("[data-offer-id]").first()).toBeVisible();
  await expect(main.locator("[data-offer-id='contoso-saas-golive']")).toHaveCount(0);
});
