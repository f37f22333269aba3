import type { Page } from "@playwright/test";

import { APP_URL } from "./support/ports";
import { expect, test } from "./support/fixtures";

// The page's title, after the unread count the bell puts in front of it ("(2) ", "（2）").
const ZH_OFFERS_TITLE = /^(（\d+）)?所有供應項目 · 供應項目狀態儀表板$/;
const EN_OFFERS_TITLE = /^(\(\d+\) )?All offers · Offer Status Dashboard$/;

/**
 * Display preferences: the page's language (cookie, else Accept-Language) and theme (cookie,
 * else the system's), switched from the header without a reload and remembered; and a header
 * that fits a phone and can be used from the keyboard.
 */

const OFFERS = "/publishers/contoso/offers";

/** The relative luminance of the body's computed background (0 black … 1 white), via a canvas. */
async function bodyLuminance(page: Page): Promise<number> {
  return page.evaluate(() => {
    const canvas = document.createElement("canvas");
    canvas.width = 1;
    canvas.height = 1;
    const context = canvas.getContext("2d")!;
    context.fillStyle = getComputedStyle(document.body).backgroundColor;
    context.fillRect(0, 0, 1, 1);
    const [r = 0, g = 0, b = 0] = context.getImageData(0, 0, 1, 1).data;
    const linear = (c: number) => {
      const s = c / 255;
      return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
  });
}

const isDark = async (page: Page) => (await bodyLuminance(page)) < 0.1;

async function markNoReload(page: Page) {
  await page.evaluate(() => ((window as unknown as { noReload: boolean }).noReload = true));
}

async function expectNoReload(page: Page) {
  expect(await page.evaluate(() => (window as unknown as { noReload?: boolean }).noReload)).toBe(true);
}

test.describe("a browser that asks for Traditional Chinese", () => {
  test.use({ locale: "zh-TW" });

  test("gets the dashboard in Traditional Chinese, with lang on <html>", async ({ page }) => {
    await page.goto(OFFERS);
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-TW");
    await expect(page).toHaveTitle(ZH_OFFERS_TITLE);
    const nav = page.getByRole("navigation", { name: "主要" });
    await expect(nav.getByRole("link", { name: "所有供應項目" })).toHaveAttribute("aria-current", "page");
    await expect(nav.getByRole("link", { name: "核准" })).toBeVisible();
    await expect(page.getByRole("combobox", { name: "發行者" })).toBeVisible();
    await expect(page.getByRole("button", { name: "立即重新整理" })).toBeVisible();
    const user = page.getByRole("banner").getByRole("button", { name: /Aaron Approver/ });
    await expect(user).toContainText("核准者");
    await user.click();
    await expect(page.getByRole("group", { name: "已登入的使用者" })).toContainText(
      "核准者：可以將供應項目上線及取消發行。",
    );
    await expect(page.getByRole("button", { name: "登出" })).toBeVisible();
  });

  test("gets the sign-in pages in Traditional Chinese too, the error code kept", async ({ anonPage: page }) => {
    // The anonymous context is made by hand, without the describe's locale: ask as it would.
    await page.setExtraHTTPHeaders({ "Accept-Language": "zh-TW,zh;q=0.9" });
    await page.goto("/auth/error?reason=idp&code=AADSTS50011");
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-TW");
    await expect(page.getByRole("heading", { level: 1, name: "登入未完成" })).toBeVisible();
    await expect(page.getByRole("alert").filter({ hasText: "Entra ID" })).toContainText("應用程式註冊沒有重新導向 URI");
    await expect(page.getByText("代碼：AADSTS50011")).toBeVisible();
    await expect(page.getByRole("link", { name: "重新嘗試登入" })).toBeVisible();
  });
});

test.describe("the language switcher", () => {
  test("changes the whole page at once, keeps its state, and is remembered over Accept-Language", async ({ page }) => {
    await page.goto(OFFERS);
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    const search = page.getByRole("searchbox");
    await search.fill("Analytics");
    // The filter is committed (to the URL) a moment after typing stops; the switch comes after.
    // Switching within that moment can lose the filter: see the note on this spec in the issue.
    await expect(page).toHaveURL(/[?&]q=Analytics(&|$)/);
    await markNoReload(page);

    await page.getByRole("combobox", { name: "Language" }).selectOption({ label: "繁體中文" });
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-TW");
    // Server-rendered parts (title, product name) and client ones (nav, freshness bar) alike.
    await expect(page).toHaveTitle(ZH_OFFERS_TITLE);
    await expect(page.getByRole("banner").getByRole("link", { name: "供應項目狀態儀表板" })).toBeVisible();
    await expect(
      page.getByRole("navigation", { name: "主要" }).getByRole("link", { name: "所有供應項目" }),
    ).toBeVisible();
    await expect(page.getByRole("button", { name: "立即重新整理" })).toBeVisible();
    await expect(search).toHaveValue("Analytics");
    await expectNoReload(page);
    const cookies = await page.context().cookies(APP_URL);
    expect(cookies.find((c) => c.name === "NEXT_LOCALE")?.value).toBe("zh-TW");

    // The browser still asks for English (Playwright's default locale): the choice wins.
    await page.reload();
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-TW");
    await expect(page.getByRole("combobox", { name: "語言" })).toHaveValue("zh-TW");

    await page.getByRole("combobox", { name: "語言" }).selectOption({ label: "English" });
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page).toHaveTitle(EN_OFFERS_TITLE);
    await expect(
      page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "All offers" }),
    ).toBeVisible();
    await page.reload();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
  });

  test("is on the sign-in pages, which have no app header", async ({ anonPage: page }) => {
    await page.goto("/auth/signed-out");
    await expect(page.getByRole("heading", { level: 1, name: "You have signed out" })).toBeVisible();
    await page.getByRole("combobox", { name: "Language" }).selectOption({ label: "繁體中文" });
    await expect(page.getByRole("heading", { level: 1, name: "您已登出" })).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-TW");
    await expect(page).toHaveTitle("已登出 · 供應項目狀態儀表板");
    await expect(page.getByRole("link", { name: "重新登入" })).toBeVisible();
  });
});

test.describe("the theme", () => {
  test("the switcher applies dark at once and it persists across reloads, rendered by the server", async ({ page }) => {
    await page.goto(OFFERS);
    await expect(page.locator("html")).not.toHaveAttribute("data-theme", /./);
    expect(await isDark(page)).toBe(false);

    await page.getByRole("combobox", { name: "Theme" }).selectOption({ label: "Dark" });
    await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
    expect(await isDark(page)).toBe(true);

    // The server renders the remembered theme into the HTML itself: no flash of light.
    const html = await (await page.request.get(OFFERS)).text();
    expect(html).toMatch(/<html[^>]*data-theme="dark"/);
    await page.reload();
    await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
    expect(await isDark(page)).toBe(true);
    await expect(page.getByRole("combobox", { name: "Theme" })).toHaveValue("dark");

    await page.getByRole("combobox", { name: "Theme" }).selectOption({ label: "Light" });
    await expect(page.locator("html")).toHaveAttribute("data-theme", "light");
    expect(await isDark(page)).toBe(false);
    await page.getByRole("combobox", { name: "Theme" }).selectOption({ label: "System" });
    await expect(page.locator("html")).not.toHaveAttribute("data-theme", /./);
  });

  test("the system theme follows the system's colour scheme", async ({ page }) => {
    await page.emulateMedia({ colorScheme: "dark" });
    await page.goto(OFFERS);
    await expect(page.getByRole("combobox", { name: "Theme" })).toHaveValue("system");
    expect(await isDark(page)).toBe(true);
    await page.emulateMedia({ colorScheme: "light" });
    expect(await isDark(page)).toBe(false);
    // A choice in the header overrides the system's.
    await page.getByRole("combobox", { name: "Theme" }).selectOption({ label: "Dark" });
    expect(await isDark(page)).toBe(true);
  });
});

test.describe("on a phone (375 px)", () => {
  test.use({ viewport: { width: 375, height: 812 } });

  async function expectNoHorizontalScroll(page: Page) {
    const widths = await page.evaluate(() => ({
      page: document.documentElement.scrollWidth,
      header: document.querySelector("header")!.scrollWidth,
      viewport: window.innerWidth,
    }));
    expect(widths.page).toBeLessThanOrEqual(widths.viewport);
    expect(widths.header).toBeLessThanOrEqual(widths.viewport);
  }

  async function expectFocusedInView(page: Page, name: string) {
    const box = await page.evaluate(() => document.activeElement?.getBoundingClientRect().toJSON() as DOMRect);
    expect(box.left, name).toBeGreaterThanOrEqual(0);
    expect(box.right, name).toBeLessThanOrEqual(375);
  }

  for (const locale of ["en", "zh-TW"] as const) {
    test(`the header fits without horizontal scrolling (${locale})`, async ({ page }) => {
      await page.context().addCookies([{ name: "NEXT_LOCALE", value: locale, url: APP_URL }]);
      for (const path of [OFFERS, "/publishers/contoso/approvals"]) {
        await page.goto(path);
        await expect(page.getByRole("banner").getByRole("combobox")).toBeVisible();
        await expectNoHorizontalScroll(page);
      }
    });
  }

  test("every header control is reachable by keyboard, in reading order", async ({ page }) => {
    await page.goto(OFFERS);
    const banner = page.getByRole("banner");
    await expect(banner.getByRole("combobox", { name: "Publisher" })).toBeEnabled();
    const steps = [
      page.getByRole("link", { name: "Skip to content" }),
      banner.getByRole("link", { name: "Offer Status Dashboard" }),
      banner.getByRole("link", { name: "All offers" }),
      banner.getByRole("link", { name: "Approvals" }),
      banner.getByRole("combobox", { name: "Publisher" }),
      banner.getByRole("button", { name: "Display preferences" }),
    ];
    for (const step of steps) {
      await page.keyboard.press("Tab");
      await expect(step).toBeFocused();
      await expectFocusedInView(page, String(step));
    }
    // The language and theme fold behind one button on a phone.
    const preferences = banner.getByRole("button", { name: "Display preferences" });
    await expect(preferences).toHaveAttribute("aria-expanded", "false");
    await page.keyboard.press("Enter");
    await expect(preferences).toHaveAttribute("aria-expanded", "true");
    for (const name of ["Language", "Theme"]) {
      await page.keyboard.press("Tab");
      await expect(banner.getByRole("combobox", { name })).toBeFocused();
      await expectFocusedInView(page, name);
    }
    await page.keyboard.press("Escape");
    await expect(preferences).toBeFocused();
    await expect(preferences).toHaveAttribute("aria-expanded", "false");
    await expect(banner.getByRole("combobox", { name: "Language" })).toBeHidden();

    await page.keyboard.press("Tab");
    await expect(banner.getByRole("button", { name: /^Notifications/ })).toBeFocused();
    await expectFocusedInView(page, "Notifications");
    await page.keyboard.press("Tab");
    const user = banner.getByRole("button", { name: /Aaron Approver/ });
    await expect(user).toBeFocused();
    await page.keyboard.press("Enter");
    await page.keyboard.press("Tab");
    await expect(page.getByRole("button", { name: "Sign out" })).toBeFocused();
    await expectFocusedInView(page, "Sign out");
    await expectNoHorizontalScroll(page);
  });

  test("the sign-in pages fit too", async ({ anonPage: page }) => {
    await page.setViewportSize({ width: 375, height: 812 });
    for (const path of ["/auth/signed-out", "/auth/error?reason=idp&code=AADSTS50011"]) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expectNoHorizontalScroll(page);
    }
  });
});
