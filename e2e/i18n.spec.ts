import type { APIRequestContext, Page } from "@playwright/test";

import { users } from "./support/auth";
import { expect, test } from "./support/fixtures";

/**
 * In Traditional Chinese, no English is left on screen but what the upstream itself sent
 * (offer and step names, descriptions, messages, ids, links) and proper names. The check
 * reads what a user reads and hears: the page's text and its labels (aria-label, title,
 * placeholder, alt), with every string of the upstream's data for that page taken out first.
 * Whatever Latin word remains must be a proper name from the list below.
 */

test.use({ locale: "zh-TW" });

/** Names that stay as they are in Chinese: products, platforms, units, the language list. */
const PROPER_NAMES = new Set([
  "Azure",
  "Marketplace",
  "Microsoft",
  "Cloud",
  "Partner",
  "Portal",
  "Entra",
  "SaaS",
  "IoT",
  "Edge",
  "HTTP",
  "HTTPS",
  "API",
  "English", // the language switcher names each language in itself
]);

async function upstreamStrings(request: APIRequestContext, offerId?: string): Promise<string[]> {
  const get = async (path: string) => {
    const res = await request.get(path);
    return res.ok() ? ((await res.json()) as { data: unknown }).data : null;
  };
  const strings: string[] = [users.approver.name];
  const collect = (value: unknown): void => {
    if (typeof value === "string") strings.push(value);
    else if (Array.isArray(value)) value.forEach(collect);
    else if (value && typeof value === "object") Object.values(value).forEach(collect);
  };
  collect(await get("/api/publishers"));
  collect(await get("/api/publishers/contoso/offers"));
  if (offerId) {
    collect(await get(`/api/publishers/contoso/offers/${offerId}`));
    collect(await get(`/api/publishers/contoso/offers/${offerId}/status`));
  }
  // Longest first, so a name is removed whole before any part of it.
  return [...new Set(strings.filter((s) => s.trim().length > 1))].sort((a, b) => b.length - a.length);
}

async function englishLeft(page: Page, upstream: string[]): Promise<string[]> {
  const text = await page.evaluate(() => {
    const labels = [...document.querySelectorAll("[aria-label], [title], [placeholder], [alt]")].flatMap((el) =>
      ["aria-label", "title", "placeholder", "alt"].map((a) => el.getAttribute(a) ?? ""),
    );
    return [document.title, document.body.innerText, ...labels].join("\n");
  });
  // Whitespace as a reader meets it: rendered HTML (lists, paragraphs) breaks lines where
  // the upstream's plain text has spaces.
  const squash = (t: string) => t.replace(/\s+/g, " ").trim();
  let rest = squash(text);
  upstream = upstream.map(squash);
  for (const s of upstream) rest = rest.split(s).join(" ");
  // Long upstream messages may be shown shortened ("…"), e.g. in the critical-issues summary.
  for (const s of upstream) {
    for (let k = s.length - 1; k >= 20; k--) {
      const clipped = `${s.slice(0, k).trimEnd()}…`;
      if (rest.includes(clipped)) rest = rest.split(clipped).join(" ");
    }
  }
  const words = rest.match(/[A-Za-z][A-Za-z'-]*[A-Za-z]/g) ?? [];
  return [...new Set(words.filter((w) => !PROPER_NAMES.has(w)))];
}

const PAGES = [
  { name: "All offers", path: "/publishers/contoso/offers", ready: "[data-offer-id]" },
  { name: "Approvals", path: "/publishers/contoso/approvals", ready: "[data-offer-id]" },
  {
    name: "All offers needing attention",
    path: "/publishers/contoso/offers?attention=1&sort=attention",
    ready: "[data-offer-id]",
  },
  {
    name: "Status tab (sign-off, warnings, errors)",
    path: "/publishers/contoso/offers/contoso-app-signoff/status",
    offerId: "contoso-app-signoff",
    ready: 'ol li[id^="step-"]',
  },
  {
    name: "Status tab (failed)",
    path: "/publishers/contoso/offers/contoso-vm-failed/status",
    offerId: "contoso-vm-failed",
    ready: 'ol li[id^="step-"]',
  },
  {
    name: "Status tab (publishing, overdue)",
    path: "/publishers/contoso/offers/contoso-vm-overdue/status",
    offerId: "contoso-vm-overdue",
    ready: 'ol li[id^="step-"]',
  },
  {
    name: "Details tab",
    path: "/publishers/contoso/offers/contoso-app-signoff/details",
    offerId: "contoso-app-signoff",
    ready: "main dl",
  },
] as const;

for (const item of PAGES) {
  test(`${item.name} in zh-TW shows no English of ours`, async ({ page, request }) => {
    const upstream = await upstreamStrings(request, "offerId" in item ? item.offerId : undefined);
    await page.goto(item.path);
    await expect(page.locator(item.ready).first()).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-TW");
    expect(await englishLeft(page, upstream)).toEqual([]);
  });
}

test("the Go live confirmation in zh-TW shows no English of ours", async ({ page, request }) => {
  const upstream = await upstreamStrings(request, "contoso-app-signoff");
  await page.goto("/publishers/contoso/offers/contoso-app-signoff/status");
  await expect(page.locator('ol li[id^="step-"]').first()).toBeVisible();
  await page.getByRole("region", { name: "動作" }).getByRole("button").first().click();
  await expect(page.getByRole("dialog")).toBeVisible();
  expect(await englishLeft(page, upstream)).toEqual([]);
});

test("the Approvals Go live confirmation and an opened completed step in zh-TW show no English of ours", async ({
  page,
  request,
}) => {
  const upstream = await upstreamStrings(request, "contoso-app-signoff");
  await page.goto("/publishers/contoso/approvals?q=contoso-app-signoff");
  await page.locator("[data-offer-id='contoso-app-signoff'] button:visible").first().click();
  await expect(page.getByRole("dialog").getByRole("checkbox")).toBeVisible();
  expect(await englishLeft(page, upstream)).toEqual([]);

  await page.goto("/publishers/contoso/offers/contoso-app-signoff/status");
  await page.locator("[data-testid=step] h3 button[aria-expanded=false]").first().click();
  await expect(page.locator("[data-testid=step-duration]").first()).toBeVisible();
  expect(await englishLeft(page, upstream)).toEqual([]);
});

test("the vocabulary is the portal's, with sign-off translated correctly", async ({ page }) => {
  await page.goto("/publishers/contoso/offers");
  await expect(page.locator("[data-offer-id]").first()).toBeVisible();
  const main = page.getByRole("main");
  await expect(main.getByText("正在等待發行者簽核").first()).toBeVisible();
  await expect(main.getByText("發行失敗").first()).toBeVisible();
  await expect(main.getByText("已上線").first()).toBeVisible();
  await expect(main.getByText("登出")).toHaveCount(0);
});

test("a viewer's pages in zh-TW show no English of ours: the disabled actions' reasons and the user menu", async ({
  viewerPage: page,
  request,
}) => {
  // The approver role's value (APPROVER_ROLE) is configuration, and the user's sign-in name is
  // theirs: both shown as they are.
  const upstream = [
    "vera@contoso.onmicrosoft.com",
    users.viewer.name,
    "Approver",
    ...(await upstreamStrings(request, "contoso-app-signoff")),
  ];
  await page.goto("/publishers/contoso/offers/contoso-app-signoff/status");
  await expect(page.locator('ol li[id^="step-"]').first()).toBeVisible();
  const actions = page.getByRole("region", { name: "動作" });
  await expect(actions).toContainText("只有核准者");
  expect(await englishLeft(page, upstream)).toEqual([]);

  await page.goto("/publishers/contoso/approvals");
  await expect(page.locator("[data-offer-id]").first()).toBeVisible();
  await expect(page.getByRole("button", { name: /^上線/ }).first()).toHaveAttribute("title", /只有核准者/);
  await page
    .getByRole("banner")
    .getByRole("button", { name: new RegExp(users.viewer.name) })
    .click();
  await expect(page.getByText("檢視者：唯讀（沒有「Approver」角色）。")).toBeVisible();
  expect(await englishLeft(page, upstream)).toEqual([]);
});
