import { readFileSync } from "node:fs";

import type { Page } from "@playwright/test";
import Papa from "papaparse";

import { freshSessionCookie, users } from "./support/auth";
import { expect, test } from "./support/fixtures";
import { EmulatorControl } from "./support/emulator";
import { RECORDER_APP_URL, RECORDER_EMULATOR_URL } from "./support/ports";

/**
 * The recorder as a person meets it, on the stack whose watcher is on (as in production):
 * the History tab, the Activity page and its CSV, the Attention page, and a change reaching
 * an open tab through /api/events. Pages there poll only every 10 minutes, so whatever shows
 * up quickly came by the live stream. This stack's emulator is never reset: each test picks
 * offers no other test here moves.
 */
const at = (path: string) => `${RECORDER_APP_URL}${path}`;
let emulator: EmulatorControl;

test.beforeAll(async () => {
  emulator = await EmulatorControl.connect(RECORDER_EMULATOR_URL);
});
test.afterAll(async () => {
  await emulator.dispose();
});

interface History {
  transitions: { kind: string; from?: string | null; to?: string }[];
  steps: { stepId: string; durationMs: number | null }[];
}

async function historyOf(page: Page, offerId: string): Promise<History> {
  const res = await page.request.get(at(`/api/publishers/contoso/offers/${offerId}/history`));
  expect(res.ok()).toBe(true);
  return ((await res.json()) as { data: History }).data;
}

test("the History tab shows the steps the watcher saw start and finish, with how long they took", async ({ page }) => {
  const offerId = "contoso-vm-certifying";
  await page.goto(at(`/publishers/contoso/offers/${offerId}/history`));
  await expect(page.getByTestId("transitions")).toContainText("First seen: Publish in progress");

  // Move the upstream's clock 20 s at a time (its demo steps take 30–120 s), each time until
  // the watcher has read the offer again, until it has seen a step both start and finish
  // (bounded: 40 moves).
  const reads = async () =>
    Object.values((await emulator.stats()).byOffer[`contoso/${offerId}`] ?? {}).reduce((a, b) => a + b, 0);
  for (let i = 0; i < 40; i++) {
    if ((await historyOf(page, offerId)).steps.some((s) => s.durationMs !== null)) break;
    const before = await reads();
    await emulator.advanceClock(20_000);
    await expect.poll(reads, { timeout: 10_000 }).toBeGreaterThan(before);
  }
  const timed = (await historyOf(page, offerId)).steps.find((s) => s.durationMs !== null);
  expect(timed).toBeDefined();

  // The open tab learns of it by the live stream, not by its (10-minute) poll.
  const row = page.getByTestId("step-times").locator(`tr[data-step-id="${timed?.stepId}"]`);
  await expect(row.getByTestId("step-duration")).toHaveText(/\d+\s*(s|sec|min)/);
  await expect(page.getByTestId("transitions").locator('li[data-kind="step"]').first()).toContainText("→ Complete");

  // The Status tab times that step as the watcher saw it, and says so.
  await page.getByRole("link", { name: "Status", exact: true }).click();
  const item = page.locator(`li[data-step-id="${timed?.stepId}"]`);
  await expect(item).toBeVisible();
  const folded = item.locator('button[aria-expanded="false"]');
  if ((await folded.count()) > 0) await folded.first().click();
  await expect(item.getByTestId("step-duration")).toContainText("(observed by the dashboard)");
});

test("a Go live is on the offer's History and on the Activity page, with who pressed it; the CSV opens", async ({
  page,
}) => {
  const offerId = "contoso-saas-golive";
  await page.goto(at(`/publishers/contoso/offers/${offerId}/status`));
  await page.getByRole("region", { name: "Actions" }).getByRole("button", { name: "Go live", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "Go live with this offer?" });
  await dialog.getByRole("button", { name: "Go live", exact: true }).click();
  // The answer's notice retires as soon as the offer shows the change, which the watcher sees at once.
  await expect(dialog).toBeHidden();

  await page.getByRole("link", { name: "History", exact: true }).click();
  const transitions = page.getByTestId("transitions");
  await expect(transitions.locator('li[data-kind="action"]')).toContainText("pressed Go live: accepted");
  await expect(transitions).toContainText("Status: Awaiting publisher sign-off → Publish in progress");

  await page.goto(at(`/activity?offerId=${offerId}`));
  const table = page.getByTestId("activity-table");
  await expect(table.locator("tbody tr")).toHaveCount(1);
  await expect(table.locator("tbody tr")).toContainText(offerId);
  await expect(table.locator("tbody tr")).toContainText("Go live");
  await expect(table.locator("tbody tr")).toContainText("accepted");
  const user = (await table.locator("tbody tr td").nth(3).textContent())?.trim() ?? "";
  expect(user).not.toBe("–");

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Download CSV" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^offer-activity-\d{4}-\d{2}-\d{2}\.csv$/);
  const text = readFileSync((await download.path()) as string, "utf8");
  expect(text.charCodeAt(0)).toBe(0xfeff);
  const parsed = Papa.parse<Record<string, string>>(text.slice(1), { header: true, skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  expect(parsed.data).toEqual([
    expect.objectContaining({ action: "golive", offer: offerId, outcome: "accepted", user }),
  ]);

  // Filters live in the URL and narrow the list.
  await page.getByLabel("Outcome").selectOption("refused");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/outcome=refused/);
  await expect(page.getByText("No activity matches these filters.")).toBeVisible();
});

test("the Attention page lists what needs someone across publishers, sign-off first", async ({ page }) => {
  await page.goto(at("/attention"));
  const signoff = page.locator('section[data-reason="awaitingSignoff"]');
  await expect(signoff.getByRole("heading")).toContainText("Awaiting sign-off");
  await expect(signoff.getByTestId("attention-item").filter({ hasText: "Contoso" }).first()).toBeVisible();
  await expect(signoff.getByTestId("attention-item").filter({ hasText: "Fabrikam" }).first()).toBeVisible();
  await expect(page.locator('section[data-reason="failed"]')).toBeVisible();
  const sections = await page
    .locator("section[data-reason]")
    .evaluateAll((els) => els.map((e) => e.getAttribute("data-reason")));
  expect(sections[0]).toBe("awaitingSignoff");
  // An item opens the offer's Status tab.
  await signoff.getByTestId("attention-item").first().getByRole("link").click();
  await expect(page).toHaveURL(/\/offers\/[^/]+\/status$/);
});

test("a second tab hears of a change through the live stream, without waiting for its poll", async ({
  page,
  context,
}) => {
  const offerId = "contoso-container-cancel";
  const second = await context.newPage();
  await second.goto(at("/publishers/contoso/offers"));
  const row = second.getByRole("row").filter({ hasText: "contoso-container-cancel" });
  await expect(row).toBeVisible();
  await expect(row).not.toContainText("Publish canceled");

  await page.goto(at(`/publishers/contoso/offers/${offerId}/status`));
  await page
    .getByRole("region", { name: "Actions" })
    .getByRole("button", { name: "Cancel publish", exact: true })
    .click();
  await page
    .getByRole("dialog", { name: "Cancel this publish?" })
    .getByRole("button", { name: "Cancel publish", exact: true })
    .click();
  await expect(page.getByRole("dialog", { name: "Cancel this publish?" })).toBeHidden();

  // The second tab polls every 10 minutes here: only the stream can bring this in time.
  await expect(row).toContainText("Publish canceled");
});

test("the first page comes rendered from the record: with none of the app's scripts, the offers, the queue and a timeline are there", async ({
  browser,
  contextOptions,
}) => {
  const context = await browser.newContext({ ...contextOptions, storageState: users.approver.state });
  // The app's script bundles never arrive: what shows is the server's HTML (streamed in place).
  await context.route("**/_next/static/**", (route) =>
    route.request().resourceType() === "script" ? route.abort() : route.continue(),
  );
  const page = await context.newPage();
  await page.goto(at("/publishers/contoso/offers"));
  await expect(page.getByRole("row").filter({ hasText: "contoso-vm-failed" })).toBeVisible();
  await page.goto(at("/publishers/contoso/approvals"));
  const queued = page.getByRole("row").filter({ hasText: "contoso-app-signoff" });
  await expect(queued).toBeVisible();
  // Until the page is interactive an action cannot be pressed: a click would be lost unseen.
  await expect(queued.getByRole("button", { name: /Go live/ })).toBeDisabled();
  await page.goto(at("/publishers/contoso/offers/contoso-app-signoff/status"));
  await expect(page.getByTestId("offer-header")).toContainText("contoso-app-signoff");
  await expect(page.getByTestId("timeline")).toBeVisible();
  await expect(
    page.getByRole("region", { name: "Actions" }).getByRole("button", { name: "Go live", exact: true }),
  ).toBeDisabled();
  await context.close();
});

test("All offers marks what changed since the last visit; a reload within the visit keeps the marks", async ({
  browser,
  contextOptions,
  page,
}) => {
  // A viewer's first visit here (a user no other test has been): nothing to compare with, so
  // nothing is marked.
  const viewer = await browser.newContext({ ...contextOptions });
  await viewer.addCookies([await freshSessionCookie(RECORDER_APP_URL)]);
  const list = await viewer.newPage();
  const visited = list.waitForResponse((res) => res.url().endsWith("/visit") && res.ok());
  await list.goto(at("/publishers/contoso/offers"));
  await visited;
  const row = (offerId: string) => list.getByRole("row").filter({ hasText: offerId });
  await expect(row("contoso-vm-signoff")).toBeVisible();
  await expect(list.getByTestId("since-visit-mark")).toHaveCount(0);
  await list.close();

  // Away longer than a visit lasts here (VISIT_GAP_MS=12000; a reload on a busy machine stays within it), an approver takes an offer live.
  await page.waitForTimeout(12_500);
  const res = await page.request.post(at("/api/publishers/contoso/offers/contoso-vm-signoff/golive"), {
    headers: { Origin: RECORDER_APP_URL },
  });
  expect(res.status()).toBe(202);
  await expect
    .poll(async () =>
      (await historyOf(page, "contoso-vm-signoff")).transitions.some((t) => t.kind === "indicator" && t.from !== null),
    )
    .toBe(true);

  const again = await viewer.newPage();
  await again.goto(at("/publishers/contoso/offers"));
  const marked = again.getByRole("row").filter({ hasText: "contoso-vm-signoff" });
  await expect(marked.getByTestId("since-visit-mark")).toHaveText(/Updated/);
  // A reload is the same visit: the marks stay.
  await again.reload();
  await expect(marked.getByTestId("since-visit-mark")).toHaveText(/Updated/);
  await expect(
    again.getByRole("row").filter({ hasText: "contoso-vm-failed" }).getByTestId("since-visit-mark"),
  ).toHaveCount(0);
  await expect(again.getByTestId("since-visit")).toContainText(/changed since your last visit\.\s*Last visit:/);
  await viewer.close();
});
