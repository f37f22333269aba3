import type { Page } from "@playwright/test";

import { users } from "./support/auth";
import { expect, test } from "./support/fixtures";
import { APP_URL } from "./support/ports";

/**
 * The README's pictures (`npm run docs:screenshots`): All offers, Approvals and a Status tab
 * in English and Traditional Chinese, light and dark, desktop and phone. The test emulator's
 * clock stands still at its start instant, so the browser is set to that instant too: ages
 * and waits then read as they do in the live demo ("2 hours ago", not "10 months ago").
 */

type Shot = { locale: "en" | "zh-TW"; theme: "light" | "dark"; width: 1280 | 375 };

const PAGES = {
  "all-offers": {
    path: "/publishers/contoso/offers",
    ready: (page: Page) =>
      expect(page.locator("[data-offer-id='contoso-vm-certifying']").getByRole("progressbar")).toBeVisible(),
  },
  approvals: {
    path: "/publishers/contoso/approvals",
    ready: (page: Page) =>
      expect(page.locator("[data-offer-id='contoso-app-signoff'] [data-level]").first()).toBeVisible(),
  },
  "status-tab": {
    path: "/publishers/contoso/offers/contoso-app-signoff/status",
    ready: (page: Page) => expect(page.getByTestId("step")).toHaveCount(8),
  },
} as const;

const SHOTS: [keyof typeof PAGES, Shot][] = [
  ["all-offers", { locale: "en", theme: "light", width: 1280 }],
  ["approvals", { locale: "en", theme: "light", width: 1280 }],
  ["status-tab", { locale: "en", theme: "light", width: 1280 }],
  ["all-offers", { locale: "zh-TW", theme: "light", width: 1280 }],
  ["approvals", { locale: "zh-TW", theme: "light", width: 1280 }],
  ["status-tab", { locale: "zh-TW", theme: "light", width: 1280 }],
  ["all-offers", { locale: "en", theme: "dark", width: 1280 }],
  ["status-tab", { locale: "zh-TW", theme: "dark", width: 1280 }],
  ["all-offers", { locale: "en", theme: "light", width: 375 }],
  ["approvals", { locale: "zh-TW", theme: "dark", width: 375 }],
];

function fileName(name: string, { locale, theme, width }: Shot): string {
  const parts = [
    name,
    locale === "en" ? null : locale,
    theme === "light" ? null : theme,
    width === 375 ? "phone" : null,
  ];
  return `docs/${parts.filter(Boolean).join(".")}.png`;
}

for (const [name, shot] of SHOTS) {
  const file = fileName(name, shot);
  test(`screenshot: ${file}`, { tag: "@screenshots" }, async ({ browser, emulator, contextOptions }) => {
    const context = await browser.newContext({
      ...contextOptions,
      locale: shot.locale,
      colorScheme: shot.theme,
      viewport: { width: shot.width, height: shot.width === 375 ? 812 : 860 },
      storageState: users.approver.state,
      baseURL: APP_URL,
    });
    const page = await context.newPage();
    const { now } = await emulator.clock();
    await page.clock.setFixedTime(new Date(now));
    await page.goto(PAGES[name].path);
    await PAGES[name].ready(page);
    await page.screenshot({ path: file, fullPage: shot.width === 375 });
    await context.close();
  });
}
