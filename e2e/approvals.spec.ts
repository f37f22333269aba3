import type { OfferSummary } from "../lib/schemas/model";
import { fetchOffers, row, rowHeaders } from "./support/offer-list";
import { expect, test } from "./support/fixtures";

const waitStart = (o: OfferSummary) => Date.parse(o.waitingSince ?? o.changedTime ?? "");

test("the queue holds exactly the offers awaiting sign-off, longest wait first", async ({ page, request }) => {
  const offers = await fetchOffers(request);
  const queue = offers.filter((o) => o.indicator === "awaitingSignoff").sort((a, b) => waitStart(a) - waitStart(b));
  expect(queue.length).toBeGreaterThan(1);

  await page.goto("/publishers/contoso/approvals");
  await expect(page.getByRole("heading", { level: 1, name: "Approvals" })).toBeVisible();
  await expect(rowHeaders(page)).toHaveCount(queue.length);
  await expect(rowHeaders(page)).toContainText(queue.map((o) => o.id));
  await expect(page.getByText(`Showing 1–${queue.length} of ${queue.length} offers awaiting sign-off`)).toBeVisible();
  await expect(page.getByRole("columnheader", { name: "Waiting" })).toHaveAttribute("aria-sort", "descending");

  // How long each waited, and its open warnings and errors.
  await expect(row(page, "contoso-app-signoff").getByRole("cell").nth(1)).toHaveText(/^\d+ (d|h|min|s)/);
  await expect(row(page, "contoso-app-signoff")).toContainText("1 error");
  await expect(row(page, "contoso-app-signoff")).toContainText("1 warning");
  await expect(row(page, "contoso-vm-signoff")).toContainText("1 warning");
  for (const o of queue)
    await expect(row(page, o.id).getByRole("button", { name: `Go live: ${o.name}` })).toBeEnabled();
});

test("filter, type filter and sort live in the URL: a reload keeps them and Back undoes them", async ({
  page,
  request,
}) => {
  const queue = (await fetchOffers(request)).filter((o) => o.indicator === "awaitingSignoff");
  const vms = queue.filter((o) => o.offerTypeId === "microsoft-azure-virtualmachines");
  const issues = (o: OfferSummary) => o.errorCount * 1000 + o.warningCount;
  const mostIssues = [...vms].sort((a, b) => issues(b) - issues(a))[0]!;

  await page.goto("/publishers/contoso/approvals");
  await page.getByRole("button", { name: `Virtual machine ${vms.length}` }).click();
  await expect(page).toHaveURL(/[?&]type=microsoft-azure-virtualmachines(&|$)/);
  await expect(rowHeaders(page)).toHaveCount(vms.length);

  const issuesHeader = page.getByRole("columnheader", { name: "Open issues" });
  await issuesHeader.getByRole("button").click();
  await expect(issuesHeader).toHaveAttribute("aria-sort", "descending");
  await expect(page).toHaveURL(/[?&]sort=issues(&|$)/);
  await expect(rowHeaders(page).first()).toContainText(mostIssues.id);

  await page.reload();
  await expect(page.getByRole("columnheader", { name: "Open issues" })).toHaveAttribute("aria-sort", "descending");
  await expect(rowHeaders(page)).toHaveCount(vms.length);
  await expect(rowHeaders(page).first()).toContainText(mostIssues.id);

  await page.goBack();
  await expect(page.getByRole("columnheader", { name: "Waiting" })).toHaveAttribute("aria-sort", "descending");
  await page.goBack();
  await expect(rowHeaders(page)).toHaveCount(queue.length);

  const search = page.getByRole("searchbox", { name: "Filter the queue by name or id" });
  await search.fill("kubernetes");
  await expect(rowHeaders(page)).toHaveCount(1);
  await expect(rowHeaders(page)).toContainText("contoso-app-signoff");
  await search.fill("no such offer");
  await expect(page.getByText("No offers in the queue match these filters")).toBeVisible();
});

test("an empty queue says so", async ({ page, emulator }) => {
  await emulator.reset({ bulk: { publisherId: "bulk", offers: 20, awaitingSignoff: 0 } });
  await page.goto("/publishers/bulk/approvals");
  await expect(page.getByText("No offers await sign-off")).toBeVisible();
  await expect(page.getByRole("link", { name: "See all offers" })).toBeVisible();
});

test("the Go live confirmation lists the offer's open warnings and errors; cancelling changes nothing", async ({
  page,
}) => {
  await page.goto("/publishers/contoso/approvals");
  const goLive = row(page, "contoso-app-signoff").getByRole("button", { name: /^Go live/ });
  await goLive.click();

  const dialog = page.getByRole("dialog", { name: "Go live with Contoso Managed Kubernetes Toolkit?" });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText("Open issues: 1 error and 1 warning.");
  const list = dialog.getByRole("list", { name: "Open warnings and errors" });
  await expect(list.getByRole("listitem")).toHaveCount(2);
  await expect(list.getByRole("listitem").first()).toContainText("Error");
  await expect(list).toContainText("Test Drive deployment exceeded the 60 minute limit");
  await expect(list).toContainText("No customer usage attribution GUID was found");

  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
  await expect(goLive).toBeFocused();
  await expect(row(page, "contoso-app-signoff")).toBeVisible();
});

test("Go live from the queue: accepted, the offer leaves the queue with a note, then goes Live", async ({
  page,
  request,
  emulator,
}) => {
  await page.goto("/publishers/contoso/approvals");
  const queued = row(page, "contoso-saas-golive");
  await queued.getByRole("button", { name: "Go live: Contoso Contract Analyzer" }).click();

  const dialog = page.getByRole("dialog", { name: "Go live with Contoso Contract Analyzer?" });
  await expect(dialog).toContainText("No open warnings or errors.");
  await dialog.getByRole("button", { name: "Go live", exact: true }).click();

  // The offer leaves the queue, which is announced and noted rather than silent; the note is
  // the one banner of this outcome (the "accepted" notice gives way to it).
  await expect(page.locator('[aria-live="polite"]')).toContainText(
    "Contoso Contract Analyzer: Awaiting publisher sign-off → Publish in progress.",
  );
  const departed = page.getByRole("group", { name: "Contoso Contract Analyzer left the queue" });
  await expect(departed).toContainText("Publish in progress");
  await expect(departed).toBeFocused();
  await expect(page.getByText("Go live requested for Contoso Contract Analyzer")).toHaveCount(0);
  await expect(queued).toHaveCount(0);
  // The outcome is seen: the "accepted, tracking…" notice retires.
  await expect(page.getByRole("status").filter({ hasText: "the Marketplace accepted" })).toHaveCount(0);

  // Let the emulator finish the remaining steps.
  for (let i = 0; i < 30; i++) {
    const offer = (await fetchOffers(request)).find((o) => o.id === "contoso-saas-golive");
    if (offer?.indicator === "live") break;
    await emulator.advanceClock(30_000);
  }
  await expect(departed).toContainText("Live", { timeout: 30_000 });

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "All offers" }).click();
  await expect(row(page, "contoso-saas-golive").getByText("Live", { exact: true })).toBeVisible();
});

test("a failed Go live shows the upstream's reason and keeps the offer in the queue", async ({ page, emulator }) => {
  await page.goto("/publishers/contoso/approvals");
  await emulator.addFault({ target: "golive", kind: "status", status: 409, offerId: "contoso-vm-signoff" });
  await row(page, "contoso-vm-signoff")
    .getByRole("button", { name: /^Go live/ })
    .click();
  await page.getByRole("dialog").getByRole("button", { name: "Go live", exact: true }).click();

  // Said in the page's polite status region, where it stays visible; the offer stays queued.
  await expect(
    page.getByRole("status").filter({ hasText: "Go live for Contoso SQL Server 2022 Appliance failed: " }),
  ).toBeVisible();
  await expect(row(page, "contoso-vm-signoff").getByRole("button", { name: /^Go live/ })).toBeEnabled();
});

test.describe("in Traditional Chinese", () => {
  test.use({ locale: "zh-TW" });

  test("Approvals in zh-TW: heading, chips, waits and issues in Chinese; the filter and Go live confirmation too", async ({
    page,
    request,
  }) => {
    const queue = (await fetchOffers(request)).filter((o) => o.indicator === "awaitingSignoff");
    const vms = queue.filter((o) => o.offerTypeId === "microsoft-azure-virtualmachines");
    await page.goto("/publishers/contoso/approvals");
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-TW");
    await expect(page.getByRole("heading", { level: 1, name: "核准" })).toBeVisible();
    await expect(rowHeaders(page)).toHaveCount(queue.length);
    await expect(page.getByText(`顯示第 1–${queue.length} 個，共 ${queue.length} 個等待簽核的供應項目`)).toBeVisible();
    await expect(page.getByRole("columnheader", { name: "等待時間" })).toHaveAttribute("aria-sort", "descending");
    await expect(page.getByRole("button", { name: `所有類型 ${queue.length}` })).toHaveAttribute(
      "aria-pressed",
      "true",
    );
    await expect(page.getByRole("button", { name: `虛擬機器 ${vms.length}` })).toBeVisible();

    const kubernetes = row(page, "contoso-app-signoff");
    await expect(kubernetes.getByRole("cell").nth(1)).toHaveText(/^\d+ (天|小時|分鐘|秒)/);
    await expect(kubernetes).toContainText("1 個錯誤");
    await expect(kubernetes).toContainText("1 個警告");
    const clean = queue.find((o) => o.errorCount === 0 && o.warningCount === 0)!;
    await expect(row(page, clean.id).getByRole("cell").nth(2)).toHaveText("無");

    // The filter.
    const search = page.getByRole("searchbox", { name: "依名稱或識別碼篩選佇列" });
    await search.fill("kubernetes");
    await expect(rowHeaders(page)).toHaveCount(1);
    await expect(page.getByText(`（從 ${queue.length} 個中篩選）`)).toBeVisible();

    // The Go live confirmation, in Chinese; cancelling changes nothing.
    await kubernetes.getByRole("button", { name: "上線：Contoso Managed Kubernetes Toolkit" }).click();
    const dialog = page.getByRole("dialog", { name: "要將「Contoso Managed Kubernetes Toolkit」上線嗎？" });
    await expect(dialog).toContainText("將發行到 Azure Marketplace");
    await expect(dialog).toContainText("未解決的問題：1 個錯誤和 1 個警告。");
    await expect(dialog.getByRole("list", { name: "未解決的警告和錯誤" }).getByRole("listitem")).toHaveCount(2);
    await dialog.getByRole("button", { name: "取消" }).click();
    await expect(dialog).toBeHidden();
    await expect(kubernetes).toBeVisible();
  });
});
