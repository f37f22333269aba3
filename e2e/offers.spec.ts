import type { OfferSummary } from "../lib/schemas/model";
import { fetchOffers, row, rowHeaders } from "./support/offer-list";
import { expect, test } from "./support/fixtures";

/** The portal's words for each indicator, as the status filter names them. */
const FILTER_LABELS: Record<OfferSummary["indicator"], string> = {
  draft: "Draft",
  publishing: "Publish in progress",
  awaitingSignoff: "Awaiting publisher sign-off",
  failed: "Publish failed",
  canceled: "Publish canceled",
  live: "Live",
  delisted: "Delisted",
  unknown: "Unknown status",
};

const collator = new Intl.Collator("en", { numeric: true, sensitivity: "base" });
const byName = (a: OfferSummary, b: OfferSummary) => collator.compare(a.name, b.name) || collator.compare(a.id, b.id);

test("All offers shows every offer with its status in the portal's words, and where offers in flight stand", async ({
  page,
  request,
}) => {
  const offers = await fetchOffers(request);
  await page.goto("/publishers/contoso/offers");
  await expect(page.getByRole("heading", { level: 1, name: "All offers" })).toBeVisible();
  await expect(page.getByText(`Showing 1–${offers.length} of ${offers.length} offers`)).toBeVisible();

  // One seeded offer per status, in the portal's wording (unknown statuses show their raw value).
  const expected: Record<string, string> = {
    "contoso-vm-certifying": "Publish in progress",
    "contoso-vm-signoff": "Awaiting publisher sign-off",
    "contoso-app-signoff": "Awaiting publisher sign-off",
    "contoso-vm-failed": "Publish failed",
    "contoso-saas-canceled": "Publish canceled",
    "contoso-container-live": "Live",
    "contoso-vm-published": "Live",
    "contoso-app-draft": "Draft",
    "contoso-vm-delisted": "Delisted",
    "contoso-vm-mystery": "Unknown (underReview)",
  };
  for (const [offerId, label] of Object.entries(expected)) {
    await expect(row(page, offerId).getByText(label, { exact: true })).toBeVisible();
  }

  // Every indicator in the data has a filter with the right count.
  const present = [...new Set(offers.map((o) => o.indicator))];
  expect(present.length).toBeGreaterThanOrEqual(8);
  for (const indicator of present) {
    const count = offers.filter((o) => o.indicator === indicator).length;
    await expect(page.getByRole("button", { name: `${FILTER_LABELS[indicator]} ${count}` })).toBeVisible();
  }

  // An offer in flight shows its step and a labelled progress bar; readable type names.
  const certifying = offers.find((o) => o.id === "contoso-vm-certifying");
  const step = certifying?.currentStep;
  expect(step?.progress).not.toBeNull();
  const certifyingRow = row(page, "contoso-vm-certifying");
  await expect(certifyingRow).toContainText(`${step?.name} · ${step?.progress}%`);
  await expect(certifyingRow.getByRole("progressbar", { name: `${step?.name} progress` })).toHaveAttribute(
    "value",
    String(step?.progress),
  );
  await expect(certifyingRow).toContainText("Virtual machine");
  await expect(row(page, "contoso-app-signoff")).toContainText("1 error");
  await expect(row(page, "contoso-app-signoff")).toContainText("1 warning");
});

test("clicking an offer's status, or its name from the keyboard, opens its Status tab", async ({ page }) => {
  await page.goto("/publishers/contoso/offers");
  await row(page, "contoso-vm-failed").getByText("Publish failed", { exact: true }).click();
  await expect(page).toHaveURL(/\/publishers\/contoso\/offers\/contoso-vm-failed\/status$/);

  await page.goBack();
  const link = row(page, "contoso-container-live").getByRole("link", { name: "Contoso Edge Cache" });
  await link.focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/publishers\/contoso\/offers\/contoso-container-live\/status$/);
});

test("filter, status filter and sort live in the URL: a reload keeps them and Back undoes them", async ({
  page,
  request,
}) => {
  const offers = await fetchOffers(request);
  const matches = offers.filter((o) => `${o.name} ${o.id}`.toLowerCase().includes("server"));
  const counts = new Map<OfferSummary["indicator"], number>();
  for (const o of matches) counts.set(o.indicator, (counts.get(o.indicator) ?? 0) + 1);
  const [indicator, count] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]!;
  const chosen = matches.filter((o) => o.indicator === indicator).sort(byName);

  await page.goto("/publishers/contoso/offers");
  await expect(rowHeaders(page)).toHaveCount(offers.length);

  // Typing filters (and replaces the URL's query rather than stacking history).
  const search = page.getByRole("searchbox", { name: "Filter offers by name or id" });
  // Typed key by key, slower than the filter's debounce, so the URL updates while typing
  // goes on: no keystroke may be lost to it.
  await search.pressSequentially("server", { delay: 200 });
  await expect(page).toHaveURL(/[?&]q=server(&|$)/);
  await expect(rowHeaders(page)).toHaveText(matches.sort(byName).map((o) => o.name));
  await expect(page.getByRole("button", { name: `All statuses ${matches.length}` })).toBeVisible();

  // The status filter counts what the text filter left.
  const chip = page.getByRole("button", { name: `${FILTER_LABELS[indicator]} ${count}` });
  await chip.click();
  await expect(chip).toHaveAttribute("aria-pressed", "true");
  await expect(page).toHaveURL(new RegExp(`[?&]status=${indicator}(&|$)`));
  await expect(rowHeaders(page)).toHaveText(chosen.map((o) => o.name));

  // Sorting by name, descending.
  const nameHeader = page.getByRole("columnheader", { name: "Name" });
  await nameHeader.getByRole("button").click();
  await expect(nameHeader).toHaveAttribute("aria-sort", "descending");
  await expect(page).toHaveURL(/[?&]dir=desc(&|$)/);
  await expect(rowHeaders(page)).toHaveText([...chosen].reverse().map((o) => o.name));

  // A reload reproduces the view.
  await page.reload();
  await expect(search).toHaveValue("server");
  await expect(page.getByRole("button", { name: `${FILTER_LABELS[indicator]} ${count}` })).toHaveAttribute(
    "aria-pressed",
    "true",
  );
  await expect(page.getByRole("columnheader", { name: "Name" })).toHaveAttribute("aria-sort", "descending");
  await expect(rowHeaders(page)).toHaveText([...chosen].reverse().map((o) => o.name));

  // Back undoes the sort, then the status filter; the typed filter stays.
  await page.goBack();
  await expect(page.getByRole("columnheader", { name: "Name" })).toHaveAttribute("aria-sort", "ascending");
  await expect(rowHeaders(page)).toHaveText(chosen.map((o) => o.name));
  await page.goBack();
  await expect(page.getByRole("button", { name: `All statuses ${matches.length}` })).toHaveAttribute(
    "aria-pressed",
    "true",
  );
  await expect(rowHeaders(page)).toHaveCount(matches.length);
  await expect(search).toHaveValue("server");

  // A filter that matches nothing says so and offers a way out.
  await search.fill("no such offer");
  await expect(page.getByText("No offers match these filters")).toBeVisible();
  await page.getByRole("button", { name: "Clear the filters" }).click();
  await expect(rowHeaders(page)).toHaveCount(offers.length);
});

test("the All offers link right after typing a filter wins: the filter is cleared and every row is back", async ({
  page,
  request,
}) => {
  const offers = await fetchOffers(request);
  const matches = offers.filter((o) => `${o.name} ${o.id}`.toLowerCase().includes("server"));
  await page.goto("/publishers/contoso/offers");
  await expect(rowHeaders(page)).toHaveCount(offers.length);
  const search = page.getByRole("searchbox", { name: "Filter offers by name or id" });
  const allOffers = page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "All offers" });

  // The filter applied (the URL has it), then the link at once.
  await search.fill("server");
  await expect(page).toHaveURL(/[?&]q=server(&|$)/);
  await expect(rowHeaders(page)).toHaveCount(matches.length);
  await allOffers.click();
  await expect(page).toHaveURL(/\/publishers\/contoso\/offers$/);
  // Read once, not retried: the view follows the URL in the same render, not some time later.
  expect(await search.inputValue()).toBe("");
  expect(await rowHeaders(page).count()).toBe(offers.length);

  // Typed and not yet committed: the link still wins over what was typed.
  await search.fill("server");
  await allOffers.click();
  await expect(page).toHaveURL(/\/publishers\/contoso\/offers$/);
  await expect(search).toHaveValue("");
  await expect(rowHeaders(page)).toHaveCount(offers.length);
  // Nothing typed before comes back later: the next change carries no filter.
  const nameHeader = page.getByRole("columnheader", { name: "Name" });
  await nameHeader.getByRole("button").click();
  await expect(nameHeader).toHaveAttribute("aria-sort", "descending");
  await expect(page).toHaveURL(/\/publishers\/contoso\/offers\?dir=desc$/);
  await expect(search).toHaveValue("");
  await expect(rowHeaders(page)).toHaveCount(offers.length);
});

test("a typed filter survives a reload, and Back and Forward across the reload restore each view", async ({
  page,
  request,
}) => {
  const offers = await fetchOffers(request);
  const live = offers.filter((o) => o.indicator === "live");
  expect(live.length).toBeGreaterThan(1);
  // One live offer's id: the typed filter leaves that offer alone.
  const target = live[0]!.id;
  expect(offers.filter((o) => `${o.name} ${o.id}`.includes(target))).toHaveLength(1);
  const search = page.getByRole("searchbox", { name: "Filter offers by name or id" });
  const liveChip = page.getByRole("button", { name: new RegExp(`^${FILTER_LABELS.live} \\d`) });

  await page.goto("/publishers/contoso/offers");
  await expect(rowHeaders(page)).toHaveCount(offers.length);
  await liveChip.click();
  await expect(page).toHaveURL(/[?&]status=live(&|$)/);
  await expect(rowHeaders(page)).toHaveCount(live.length);
  // Typing replaces the chip's history entry rather than adding one.
  await search.pressSequentially(target.slice(0, 4), { delay: 50 });
  await search.fill(target);
  await expect(page).toHaveURL(new RegExp(`[?&]q=${target}(&|$)`));
  await expect(rowHeaders(page)).toHaveCount(1);

  await page.reload();
  await expect(search).toHaveValue(target);
  await expect(liveChip).toHaveAttribute("aria-pressed", "true");
  await expect(rowHeaders(page)).toHaveCount(1);

  // Back: the view before the chip (no filter at all).
  await page.goBack();
  await expect(page).toHaveURL(/\/publishers\/contoso\/offers$/);
  await expect(search).toHaveValue("");
  await expect(page.getByRole("button", { name: `All statuses ${offers.length}` })).toHaveAttribute(
    "aria-pressed",
    "true",
  );
  await expect(rowHeaders(page)).toHaveCount(offers.length);

  // Forward: the chip with the typed filter, as it was before the reload.
  await page.goForward();
  await expect(page).toHaveURL(new RegExp(`[?&]q=${target}(&|$)`));
  await expect(search).toHaveValue(target);
  await expect(liveChip).toHaveAttribute("aria-pressed", "true");
  await expect(rowHeaders(page)).toHaveCount(1);

  // And typing again after the round trip still filters, and Back still undoes the chip.
  await search.fill("");
  await expect(page).not.toHaveURL(/[?&]q=/);
  await expect(rowHeaders(page)).toHaveCount(live.length);
  await page.goBack();
  await expect(page).toHaveURL(/\/publishers\/contoso\/offers$/);
  await expect(rowHeaders(page)).toHaveCount(offers.length);
});

test("5,000 offers are paged, with the portal's aggregate and page counts", async ({ page, emulator, request }) => {
  // The first read of a large publisher fetches hundreds of statuses upstream; give it room.
  test.setTimeout(180_000);
  await emulator.reset({ bulk: { publisherId: "bulk", offers: 5000, awaitingSignoff: 120 } });
  await page.goto("/publishers/bulk/offers");
  await expect(page.getByText("Showing 1–50 of 5,000 offers")).toBeVisible({ timeout: 60_000 });
  await expect(rowHeaders(page)).toHaveCount(50);

  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.getByText("Showing 51–100 of 5,000 offers")).toBeVisible();
  await expect(page.getByRole("button", { name: "Page 2" })).toHaveAttribute("aria-current", "page");
  await expect(page).toHaveURL(/[?&]page=2(&|$)/);

  await page.getByRole("button", { name: "Page 100" }).click();
  await expect(page.getByText("Showing 4,951–5,000 of 5,000 offers")).toBeVisible();
  await expect(page.getByRole("button", { name: "Next" })).toBeDisabled();

  await page.getByLabel("Rows per page").selectOption("200");
  await expect(page.getByText("Showing 1–200 of 5,000 offers")).toBeVisible();
  await expect(rowHeaders(page)).toHaveCount(200);

  // A filter that brings a whole page of new rows: the first screenful shows at once and the
  // rest follow after its paint. In the end every row is there, in order, none left waiting.
  const search = page.getByRole("searchbox", { name: "Filter offers by name or id" });
  const matching = (await fetchOffers(request, "bulk")).filter((o) => o.id.startsWith("bulk-offer-03")).sort(byName);
  expect(matching).toHaveLength(1000);
  await search.fill("bulk-offer-03");
  await expect(page.getByText("Showing 1–200 of 1,000 offers (filtered from 5,000)")).toBeVisible();
  await expect(rowHeaders(page)).toHaveText(matching.slice(0, 200).map((o) => o.name));
  await expect(page.locator("[data-pending-rows]")).toHaveCount(0);

  await search.fill("bulk-offer-04242");
  await expect(page.getByText("Showing 1–1 of 1 offer (filtered from 5,000)")).toBeVisible();
  await expect(page).toHaveURL(/[?&]q=bulk-offer-04242(&|$)/);
  await page.reload();
  await expect(page.getByText("Showing 1–1 of 1 offer (filtered from 5,000)")).toBeVisible({ timeout: 60_000 });
});

test("a step change arrives without a reload, is announced politely and shown on the row", async ({
  page,
  request,
  emulator,
}) => {
  const find = async () => (await fetchOffers(request)).find((o) => o.id === "contoso-vm-certifying")!;
  const before = await find();
  expect(before.currentStep?.name).toBe("Certification");

  await page.goto("/publishers/contoso/offers?q=Ubuntu");
  const certifying = row(page, "contoso-vm-certifying");
  await expect(certifying).toContainText("Certification");
  await page.evaluate(() => ((window as unknown as { noReload: boolean }).noReload = true));

  // Move the emulator's clock in small steps until the offer's current step changes. The
  // server caches reads briefly, so after each move wait until our API shows the move (the
  // step's progress changes) before judging it.
  const where = (o: OfferSummary) => `${o.currentStep?.id}@${o.currentStep?.progress}`;
  let after = before;
  for (let i = 0; i < 20 && after.currentStep?.id === before.currentStep?.id; i++) {
    const seen = where(after);
    await emulator.advanceClock(20_000);
    await expect.poll(async () => where((after = await find()))).not.toBe(seen);
  }
  const next = after.currentStep?.name;
  expect(next).toBeTruthy();
  expect(next).not.toBe("Certification");

  await expect(certifying.getByText(next!, { exact: true })).toBeVisible();
  await expect(page.locator('[aria-live="polite"]')).toContainText(`${before.name}: Certification → ${next}`);
  // Still the same page: no reload happened.
  expect(await page.evaluate(() => (window as unknown as { noReload?: boolean }).noReload)).toBe(true);
});

test("when refreshes fail the last offers stay on screen, marked stale with the reason, until they recover", async ({
  page,
  emulator,
}) => {
  await page.goto("/publishers/contoso/offers");
  const certifying = row(page, "contoso-vm-certifying");
  await expect(certifying).toBeVisible();

  await emulator.addFault({ target: "offers", kind: "status", status: 503 });
  const stale = page.getByRole("status").filter({ hasText: "Stale:" });
  await expect(stale).toBeVisible({ timeout: 30_000 });
  await expect(certifying).toBeVisible();
  await expect(page.getByText(/Showing 1–\d+ of \d+ offers/)).toBeVisible();

  await emulator.clearFaults();
  await expect(stale).toBeHidden({ timeout: 45_000 });
  await expect(certifying).toBeVisible();
});

test("an offer whose status document cannot be read keeps its status and says its step is unknown", async ({
  page,
  emulator,
}) => {
  await emulator.addFault({ target: "status", kind: "status", status: 500, offerId: "contoso-vm-certifying" });
  await page.goto("/publishers/contoso/offers");
  const certifying = row(page, "contoso-vm-certifying");
  await expect(certifying).toContainText("Current step could not be read");
  await expect(certifying.getByText("Publish in progress", { exact: true })).toBeVisible();
  await expect(row(page, "contoso-app-pascal").getByRole("progressbar")).toBeVisible();

  await emulator.clearFaults();
  await expect(certifying.getByRole("progressbar", { name: "Certification progress" })).toBeVisible({
    timeout: 30_000,
  });
  await expect(certifying).not.toContainText("Current step could not be read");
});

test("a publisher the dashboard may not read says why and offers to try again", async ({ page }) => {
  await page.goto("/publishers/northwind/offers");
  const alert = page.getByRole("alert").filter({ hasText: "The offers could not be loaded" });
  await expect(alert.getByRole("heading", { name: "The offers could not be loaded" })).toBeVisible();
  await expect(alert).toContainText("No publisher by this id is visible to the dashboard's app registration");
  await expect(alert).toContainText("Automatic refresh is paused");
  await expect(alert.getByRole("button", { name: "Try again" })).toBeVisible();
});

test.describe("in Traditional Chinese", () => {
  test.use({ locale: "zh-TW" });

  test("All offers in zh-TW: heading, chips, indicators and counts in Chinese; the filter works", async ({
    page,
    request,
  }) => {
    const offers = await fetchOffers(request);
    const n = offers.length;
    const awaiting = offers.filter((o) => o.indicator === "awaitingSignoff").length;
    await page.goto("/publishers/contoso/offers");
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-TW");
    await expect(page.getByRole("heading", { level: 1, name: "所有供應項目" })).toBeVisible();
    await expect(page.getByText(`顯示第 1–${n} 個，共 ${n} 個供應項目`)).toBeVisible();
    await expect(page.getByRole("columnheader", { name: "名稱" })).toHaveAttribute("aria-sort", "ascending");

    // The status chips and badges in the portal's Chinese words (sign-off, never sign-out).
    await expect(page.getByRole("button", { name: `所有狀態 ${n}` })).toHaveAttribute("aria-pressed", "true");
    await expect(page.getByRole("button", { name: `正在等待發行者簽核 ${awaiting}` })).toBeVisible();
    await expect(row(page, "contoso-vm-signoff").getByText("正在等待發行者簽核", { exact: true })).toBeVisible();
    await expect(row(page, "contoso-vm-failed").getByText("發行失敗", { exact: true })).toBeVisible();
    await expect(
      row(page, "contoso-vm-certifying").getByRole("progressbar", { name: "Certification 進度" }),
    ).toBeVisible();
    await expect(row(page, "contoso-vm-certifying")).toContainText("虛擬機器");
    await expect(row(page, "contoso-app-signoff")).toContainText("1 個錯誤");
    await expect(row(page, "contoso-app-signoff")).toContainText("1 個警告");
    await expect(row(page, "contoso-vm-failed").locator("time")).toHaveText(/(前|現在)$/);

    // The filter, its counts and its empty state.
    const matches = offers.filter((o) => `${o.name} ${o.id}`.toLowerCase().includes("server"));
    const search = page.getByRole("searchbox", { name: "依名稱或識別碼篩選供應項目" });
    await search.fill("server");
    await expect(page).toHaveURL(/[?&]q=server(&|$)/);
    await expect(rowHeaders(page)).toHaveCount(matches.length);
    await expect(page.getByRole("button", { name: `所有狀態 ${matches.length}` })).toBeVisible();
    await expect(page.getByText(`（從 ${n} 個中篩選）`)).toBeVisible();
    await search.fill("no such offer");
    await expect(page.getByText("沒有符合這些篩選條件的供應項目")).toBeVisible();
    await page.getByRole("button", { name: "清除所有篩選條件" }).click();
    await expect(rowHeaders(page)).toHaveCount(n);
  });

  test("large counts in zh-TW are grouped as the locale groups them", async ({ page, emulator }) => {
    test.setTimeout(180_000);
    await emulator.reset({ bulk: { publisherId: "bulk", offers: 1500, awaitingSignoff: 10 } });
    await page.goto("/publishers/bulk/offers");
    await expect(page.getByText("顯示第 1–50 個，共 1,500 個供應項目")).toBeVisible({ timeout: 60_000 });
    await expect(page.getByRole("button", { name: "所有狀態 1,500" })).toBeVisible();
    await page.getByRole("button", { name: "第 30 頁" }).click();
    await expect(page.getByText("顯示第 1,451–1,500 個，共 1,500 個供應項目")).toBeVisible();
    await expect(page.getByRole("button", { name: "下一頁" })).toBeDisabled();
  });
});
