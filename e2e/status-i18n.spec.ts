import type { Page } from "@playwright/test";

import { expect, test } from "./support/fixtures";
import { detailsUrl, header, openStatus, statusUrl, step, stepHead } from "./support/status-page";

/**
 * The offer page in Traditional Chinese (the browser's Accept-Language), and at a phone's
 * width: our words translated, the upstream's (step names, messages, estimates) as they came.
 */

test.describe("in Traditional Chinese", () => {
  test.use({ locale: "zh-TW" });

  test("the Status tab: header, tabs, step status in words, upstream names as they come", async ({ page }) => {
    await openStatus(page, "contoso-vm-certifying");
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-TW");
    await expect(page).toHaveTitle(/contoso-vm-certifying · 狀態/);
    await expect(header(page)).toContainText("供應項目識別碼：contoso-vm-certifying");
    await expect(header(page)).toContainText("類型：虛擬機器");
    await expect(header(page).getByText("正在發行", { exact: true })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "導覽路徑" }).getByRole("link")).toHaveText("所有供應項目");
    const tabs = page.getByRole("navigation", { name: "供應項目" });
    await expect(tabs.getByRole("link", { name: "狀態" })).toHaveAttribute("aria-current", "page");
    await expect(tabs.getByRole("link", { name: "詳細資料" })).toBeVisible();

    await expect(page.getByRole("heading", { level: 2, name: "發行步驟" })).toBeVisible();
    await expect(stepHead(page, "displaydummycertify").getByText("已完成", { exact: true })).toBeVisible();
    await expect(stepHead(page, "displaycertify").getByText("執行中", { exact: true })).toBeVisible();
    await expect(step(page, "displaycertify").getByText("目前步驟", { exact: true })).toBeVisible();
    // The upstream's step names and estimates are not ours to translate.
    await expect(step(page, "displaycertify").getByRole("heading", { level: 3 })).toHaveText("Certification");
    await expect(step(page, "displaycertify").getByText(/^預估時間：/)).toBeVisible();
    await expect(step(page, "displaycertify").getByRole("progressbar", { name: "Certification 進度" })).toBeVisible();
    await expect(page.getByTestId("status-headline")).toContainText(
      /^正在發行：「Certification」執行中（第 2 個步驟，共 6 個）。$/,
    );
    await expect(page.getByRole("button", { name: "複製連結至步驟：Certification" })).toContainText("複製連結");
  });

  test("awaiting sign-off: 簽核 with a duration in Chinese units, levels in words, messages as they came", async ({
    page,
  }) => {
    await openStatus(page, "contoso-app-signoff");
    const headline = page.getByTestId("status-headline");
    await expect(headline).toContainText("預覽已就緒，已等候您簽核");
    await expect(headline.locator("time")).toHaveText(/^\d+ (天|小時|分鐘|秒)( \d+ (小時|分鐘))?$/);
    await expect(headline.locator("time")).toHaveAttribute("title", /^開始於 /);
    await expect(headline).not.toContainText("登出");

    // Completed steps are folded: open the two that carry the messages.
    await step(page, "validate-influenced-revenue").getByRole("button", { expanded: false }).click();
    await step(page, "test-drive-validation").getByRole("button", { expanded: false }).click();
    const warning = step(page, "validate-influenced-revenue")
      .getByTestId("message")
      .filter({ hasText: "No customer usage attribution GUID was found in the ARM template." });
    await expect(warning.getByText("警告", { exact: true })).toBeVisible();
    const error = step(page, "test-drive-validation")
      .getByTestId("message")
      .filter({ hasText: "Test Drive deployment exceeded the 60 minute limit" });
    await expect(error.getByText("錯誤", { exact: true })).toBeVisible();
    await expect(error.getByRole("link", { name: "Test Drive troubleshooting" })).toBeVisible();

    const links = page.getByRole("region", { name: "供應項目連結" });
    await expect(links.getByRole("heading", { name: "預覽" })).toBeVisible();
  });

  test("the Go live confirmation is in Chinese and the action goes through", async ({ page }) => {
    await openStatus(page, "contoso-app-signoff");
    const actions = page.getByRole("region", { name: "動作" });
    await actions.getByRole("button", { name: "上線", exact: true }).click();
    const dialog = page.getByRole("dialog", { name: "要讓此供應項目上線嗎？" });
    await expect(dialog).toContainText("上線後，contoso-app-signoff 會在 Microsoft 完成最終檢查後於市集公開。");
    await expect(dialog).toContainText("上線前，請先檢閱下列未解決的警告和錯誤（2）：");
    const issues = dialog.getByTestId("golive-issues").getByRole("listitem");
    await expect(issues.filter({ hasText: "警告" })).toContainText(
      "Validate influenced revenue settings：No customer usage attribution GUID",
    );
    await expect(issues.filter({ hasText: "錯誤" })).toContainText("Test Drive validation：Test Drive deployment");
    await expect(dialog.getByRole("button", { name: "先不要" })).toBeVisible();
    await dialog.getByRole("checkbox", { name: "我已閱讀 1 個未解決的錯誤，仍要上線。" }).check();
    await dialog.getByRole("button", { name: "上線", exact: true }).click();
    await expect(header(page).getByText("正在發行", { exact: true })).toBeVisible();
    await expect(page.getByTestId("action-result")).toHaveText("");
  });

  test("the Cancel publish warning, the critical issues and the overdue notice", async ({ page }) => {
    await openStatus(page, "contoso-container-cancel");
    await page.getByRole("button", { name: "取消發行", exact: true }).click();
    const dialog = page.getByRole("dialog", { name: "要取消此次發行嗎？" });
    await expect(dialog).toContainText("發行會從步驟 1（Validate prerequisites）重新開始");
    await dialog.getByRole("button", { name: "繼續發行" }).click();
    await expect(dialog).toBeHidden();

    await openStatus(page, "contoso-vm-failed");
    const issues = page.getByRole("region", { name: /發行失敗/ });
    await expect(issues).toContainText("重新發行會從第一個步驟（Validate Pre-Requisites）開始");
    await expect(issues.getByRole("link", { name: "Certification：已拒絕。" })).toHaveAttribute(
      "href",
      "#step-displaycertify",
    );

    await openStatus(page, "contoso-vm-overdue");
    await expect(step(page, "displaydummycertify").getByTestId("overdue")).toContainText(
      /花費的時間比平常久（預估時間 < 15 min，已執行 3 小時( \d+ 分鐘)?）/,
    );
    await expect(step(page, "displaydummycertify").getByTestId("overdue")).toContainText("合作夥伴中心");
  });

  test("errors and the Details tab", async ({ page }) => {
    await page.goto(statusUrl("contoso-no-such-offer"));
    const alert = page.getByRole("alert").filter({ hasText: "找不到供應項目" });
    await expect(alert).toContainText("發行者「contoso」下沒有供應項目「contoso-no-such-offer」。");
    await expect(alert.getByRole("link", { name: "返回所有供應項目" })).toBeVisible();

    await page.goto(detailsUrl("contoso-vm-signoff"));
    await expect(page).toHaveTitle(/contoso-vm-signoff · 詳細資料/);
    await expect(page.getByRole("heading", { name: /^方案（\d+）$/ })).toBeVisible();
    await expect(page.getByRole("columnheader", { name: "方案識別碼" })).toBeVisible();
    await expect(
      page.getByText("Contoso SQL Server 2022 Appliance: a virtual machine for modern teams."),
    ).toBeVisible();
  });
});

test.describe("on a phone (375 px)", () => {
  for (const locale of ["en", "zh-TW"] as const) {
    test.describe(locale, () => {
      test.use({ locale, viewport: { width: 375, height: 812 } });

      const noSideways = async (page: Page) =>
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);

      test("the Status and Details tabs fit the width: no sideways scrolling", async ({ page }) => {
        for (const offerId of ["contoso-app-signoff", "contoso-vm-failed", "contoso-vm-overdue"]) {
          await openStatus(page, offerId);
          await noSideways(page);
        }
        // The actions stack, each as wide as the column.
        await openStatus(page, "contoso-container-cancel");
        const cancel = page.getByTestId("action-result").locator("..").getByRole("button");
        const box = await cancel.boundingBox();
        expect(box?.width ?? 0).toBeGreaterThan(250);

        await openStatus(page, "contoso-app-signoff");
        await page.getByTestId("action-result").locator("..").getByRole("button").first().click();
        await expect(page.getByRole("dialog")).toBeVisible();
        await noSideways(page);
        await page.keyboard.press("Escape");

        await page.goto(detailsUrl("contoso-app-signoff"));
        await expect(page.getByRole("table")).toBeVisible();
        await noSideways(page);
      });
    });
  }
});
