import type { Page } from "@playwright/test";

import { users } from "./support/auth";
import { expect, test } from "./support/fixtures";
import { RECORDER_APP_URL } from "./support/ports";

/**
 * Notifications in the app (#17), on the recorder's stack (the watcher on, as in production):
 * the events come from the watcher recording what a person did with the real app, and reach an
 * open page by /api/events (pages there poll every 10 minutes). This stack's emulator is never
 * reset: each test moves offers no other spec on it moves.
 */
const at = (path: string) => `${RECORDER_APP_URL}${path}`;

/** The bell's unread count, read from its accessible name ("Notifications, 3 unread"). */
async function unread(page: Page): Promise<number> {
  const name = (await page.getByTestId("inbox-bell").getAttribute("aria-label")) ?? "";
  return Number(/(\d+)\s+unread/.exec(name)?.[1] ?? 0);
}

test("watching an offer: its cancel reaches the bell and a desktop notification without reload; opening it marks it read", async ({
  browser,
  contextOptions,
}) => {
  const offerId = "fabrikam-vm-signoff";
  const offerName = "Fabrikam Render Farm Node";
  const context = await browser.newContext({
    ...contextOptions,
    storageState: users.approver.state,
    permissions: ["notifications"],
  });
  // A spy in place of the browser's notifications: what the page shows, by title and tag.
  await context.addInitScript(() => {
    const real = window.Notification;
    const shown: { title: string; body?: string; tag?: string }[] = [];
    (window as unknown as { __shown: typeof shown }).__shown = shown;
    function Spy(this: { onclick: unknown; close: () => void }, title: string, options?: NotificationOptions) {
      shown.push({ title, body: options?.body, tag: options?.tag });
      this.onclick = null;
      this.close = () => undefined;
    }
    Object.defineProperty(Spy, "permission", { get: () => real.permission });
    (Spy as unknown as { requestPermission: () => Promise<NotificationPermission> }).requestPermission = () =>
      real.requestPermission();
    (window as unknown as { Notification: unknown }).Notification = Spy;
  });
  const page = await context.newPage();
  const shown = () =>
    page.evaluate(() => (window as unknown as { __shown: { title: string; tag?: string }[] }).__shown);

  await page.goto(at(`/publishers/fabrikam/offers/${offerId}/status`));
  const watch = page.getByTestId("watch-offer");
  // Enabled once the user's watches are known: only then does aria-pressed say anything.
  await expect(watch).toBeEnabled();
  await expect(watch).toHaveAttribute("aria-pressed", "false");
  await expect(watch).toHaveText("Watch");
  await watch.click();
  await expect(watch).toHaveAttribute("aria-pressed", "true");
  await expect(watch).toHaveText("Watching");
  await page.reload();
  await expect(page.getByTestId("watch-offer")).toHaveAttribute("aria-pressed", "true");

  // Turn desktop notifications on from the panel; Escape closes it and gives the bell its focus back.
  const bell = page.getByTestId("inbox-bell");
  await bell.click();
  const panel = page.getByRole("dialog", { name: "Notifications" });
  await expect(panel).toBeVisible();
  const desktop = panel.getByRole("checkbox", { name: "Show desktop notifications" });
  await desktop.check();
  await expect(desktop).toBeChecked();
  await page.keyboard.press("Escape");
  await expect(panel).toBeHidden();
  await expect(bell).toBeFocused();
  const before = await unread(page);

  // The approver cancels the publish with the real app; the watcher records it as "canceled".
  await page
    .getByRole("region", { name: "Actions" })
    .getByRole("button", { name: "Cancel publish", exact: true })
    .click();
  await page
    .getByRole("dialog", { name: "Cancel this publish?" })
    .getByRole("button", { name: "Cancel publish", exact: true })
    .click();

  await expect(bell).toHaveAccessibleName(`Notifications, ${before + 1} unread`);
  await expect(page).toHaveTitle(new RegExp(`^\\(${before + 1}\\) `));
  await expect.poll(async () => (await shown()).map((n) => n.title)).toContain(`Publish canceled: ${offerName}`);
  const note = (await shown()).find((n) => n.title === `Publish canceled: ${offerName}`);
  expect(note?.tag).toMatch(/^[0-9a-f-]{36}$/);

  await bell.click();
  const item = panel.locator(`a[data-event-id="${note?.tag}"]`);
  await expect(item).toContainText("Publish canceled");
  await expect(item).toContainText(offerName);
  await expect(item).toHaveAttribute("data-read", "false");
  await item.click();
  await expect(page).toHaveURL(new RegExp(`/publishers/fabrikam/offers/${offerId}/status$`));
  await expect(bell).toHaveAccessibleName(before === 0 ? "Notifications" : `Notifications, ${before} unread`);
  await bell.click();
  await expect(panel.locator(`a[data-event-id="${note?.tag}"]`)).toHaveAttribute("data-read", "true");

  // Stop watching: after a reload it stays so.
  await page.keyboard.press("Escape");
  await page.getByTestId("watch-offer").click();
  await expect(page.getByTestId("watch-offer")).toHaveAttribute("aria-pressed", "false");
  await page.reload();
  await expect(page.getByTestId("watch-offer")).toBeEnabled();
  await expect(page.getByTestId("watch-offer")).toHaveAttribute("aria-pressed", "false");
  await expect(page.getByTestId("watch-offer")).toHaveText("Watch");
  await context.close();
});

test("a viewer watches a whole publisher and stops, kept across reloads; Mark all read empties the count", async ({
  viewerPage: page,
}) => {
  await page.goto(at("/publishers/contoso/offers"));
  const watch = page.getByTestId("watch-publisher");
  await expect(watch).toBeEnabled();
  await expect(watch).toHaveAttribute("aria-pressed", "false");
  await watch.click();
  await expect(watch).toHaveAttribute("aria-pressed", "true");
  await page.reload();
  await expect(page.getByTestId("watch-publisher")).toHaveText("Watching");

  await page.getByTestId("inbox-bell").click();
  const panel = page.getByRole("dialog", { name: "Notifications" });
  // The viewer may have events from Contoso's offers other specs moved; either way the panel says where it stands.
  await expect(panel.getByTestId("inbox-items").or(panel.getByText("Nothing yet."))).toBeVisible();
  const markAll = panel.getByRole("button", { name: "Mark all read" });
  if (await markAll.isEnabled()) await markAll.click();
  await expect(page.getByTestId("inbox-bell")).toHaveAccessibleName("Notifications");
  await page.keyboard.press("Escape");

  await page.getByTestId("watch-publisher").click();
  await expect(page.getByTestId("watch-publisher")).toHaveAttribute("aria-pressed", "false");
  await page.reload();
  await expect(page.getByTestId("watch-publisher")).toBeEnabled();
  await expect(page.getByTestId("watch-publisher")).toHaveAttribute("aria-pressed", "false");
  await expect(page.getByTestId("watch-publisher")).toHaveText("Watch");
});

test("the delivery log says which channels are configured and how to configure one", async ({ page }) => {
  await page.goto(at("/deliveries"));
  await expect(page.getByRole("heading", { level: 1, name: "Deliveries" })).toBeVisible();
  await expect(page.getByTestId("no-channel")).toContainText("NOTIFY_TEAMS_WEBHOOK_URL");
  const channels = page.getByTestId("channels");
  await expect(channels.locator("li")).toHaveCount(3);
  await expect(channels.locator('li[data-channel="slack"]')).toContainText(
    "Not configured (set NOTIFY_SLACK_WEBHOOK_URL)",
  );
  await expect(page.getByText("Nothing delivered yet.")).toBeVisible();
  // Reached from the main navigation, like Activity.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Activity" }).click();
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Deliveries" }).click();
  await expect(page).toHaveURL(/\/deliveries$/);
});

test.describe("in Traditional Chinese", () => {
  test.use({ locale: "zh-TW" });

  test("the bell, the watch toggle and the delivery log speak Traditional Chinese", async ({ page }) => {
    await page.goto(at("/deliveries"));
    await expect(page.getByRole("heading", { level: 1, name: "傳送記錄" })).toBeVisible();
    await expect(page.getByTestId("no-channel")).toContainText("尚未設定任何通道");
    await expect(page.getByText("尚未傳送任何通知。")).toBeVisible();
    await page.getByTestId("inbox-bell").click();
    const panel = page.getByRole("dialog", { name: "通知" });
    await expect(panel.getByRole("button", { name: "全部標示為已讀" })).toBeVisible();
    await expect(panel.getByRole("checkbox", { name: "顯示桌面通知" })).toBeVisible();
    await page.goto(at("/publishers/contoso/offers/contoso-app-signoff/status"));
    await expect(page.getByTestId("watch-offer")).toHaveText("追蹤");
  });
});
