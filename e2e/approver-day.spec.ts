import type { OfferSummary } from "../lib/schemas/model";
import { fetchOffers, row, rowHeaders } from "./support/offer-list";
import { expect, test } from "./support/fixtures";

/**
 * The approver's day on the Approvals queue: the preview where the decision is made, open
 * errors acknowledged before Go live, one banner per outcome, words that fit the reader, and
 * the queue's count kept live in the navigation and the tab title.
 */

const waitStart = (o: OfferSummary) => Date.parse(o.waitingSince ?? o.changedTime ?? "");
const issues = (o: OfferSummary) => o.errorCount * 1_000_000 + o.warningCount;

test("an approver checks the preview, acknowledges the open error, then goes live from the queue", async ({ page }) => {
  await page.goto("/publishers/contoso/approvals");
  const kubernetes = row(page, "contoso-app-signoff");

  // The preview links are in the row, each opening in a new tab.
  const preview = kubernetes.getByRole("list", { name: "Preview links of Contoso Managed Kubernetes Toolkit" });
  await expect(preview.getByRole("link")).toHaveCount(2);
  for (const link of await preview.getByRole("link").all()) {
    await expect(link).toHaveAttribute("href", /^https:\/\//);
    await expect(link).toHaveAttribute("target", "_blank");
    await expect(link).toHaveAttribute("rel", "noopener noreferrer");
  }

  await kubernetes.getByRole("button", { name: "Go live: Contoso Managed Kubernetes Toolkit" }).click();
  const dialog = page.getByRole("dialog", { name: "Go live with Contoso Managed Kubernetes Toolkit?" });
  // The dialog repeats the preview and keeps the messages' links.
  await expect(dialog.getByRole("list", { name: /^Preview links of/ }).getByRole("link")).toHaveCount(2);
  const list = dialog.getByRole("list", { name: "Open warnings and errors" });
  await expect(list.getByRole("link", { name: "Test Drive troubleshooting" })).toHaveAttribute("target", "_blank");

  // An open error must be acknowledged before Go live can be confirmed.
  const confirm = dialog.getByRole("button", { name: "Go live", exact: true });
  await expect(confirm).toBeDisabled();
  const acknowledge = dialog.getByRole("checkbox", { name: "I have read the open error and still want to go live." });
  await acknowledge.check();
  await expect(confirm).toBeEnabled();
  await acknowledge.uncheck();
  await expect(confirm).toBeDisabled();
  await acknowledge.check();

  // The request says how many errors were acknowledged (the server writes it to the audit line).
  const posted = page.waitForRequest(
    (r) => r.method() === "POST" && r.url().endsWith("/api/publishers/contoso/offers/contoso-app-signoff/golive"),
  );
  await confirm.click();
  expect((await posted).postDataJSON()).toEqual({ acknowledgedErrors: 1 });

  // One banner per outcome: once the offer has left the queue, only its departure note stays.
  const departed = page.getByRole("group", { name: "Contoso Managed Kubernetes Toolkit left the queue" });
  await expect(departed).toContainText("has left the queue");
  await expect(page.getByText("leaves the queue once publishing resumes")).toHaveCount(0);
  await expect(kubernetes).toHaveCount(0);
});

test("a viewer reads, once and inline, who can approve", async ({ viewerPage: page }) => {
  await page.goto("/publishers/contoso/approvals");
  await expect(page.getByRole("heading", { level: 1, name: "Approvals" })).toBeVisible();
  await expect(page.getByText("Offers awaiting publisher sign-off, longest wait first.")).toBeVisible();
  await expect(page.getByText("awaiting your sign-off")).toHaveCount(0);
  const notice = page.getByText(/only people with the app role Approver can Go live/);
  await expect(notice).toHaveCount(1);
  await expect(notice).toBeVisible();
  await expect(row(page, "contoso-app-signoff").getByRole("button", { name: /^Go live/ })).toBeDisabled();
});

test("sorted by another column, the subtitle says so and equal rows keep the longest wait first", async ({
  page,
  request,
}) => {
  const queue = (await fetchOffers(request)).filter((o) => o.indicator === "awaitingSignoff");
  const expected = [...queue].sort((a, b) => issues(b) - issues(a) || waitStart(a) - waitStart(b)).map((o) => o.id);
  await page.goto("/publishers/contoso/approvals");
  await expect(page.getByText("Offers awaiting your sign-off, longest wait first.")).toBeVisible();
  await expect(rowHeaders(page)).toHaveCount(expected.length);

  const header = page.getByRole("columnheader", { name: "Open issues" });
  await header.getByRole("button").click();
  await expect(header).toHaveAttribute("aria-sort", "descending");
  await expect(page.getByText(/in this order: Open issues, most first; equal ones longest wait first\./)).toBeVisible();
  await expect(page.getByText("Offers awaiting your sign-off, longest wait first.")).toHaveCount(0);
  await expect(rowHeaders(page)).toHaveCount(expected.length);
  for (const [i, id] of expected.entries()) await expect(rowHeaders(page).nth(i)).toContainText(id);
});

test("the Approvals nav item counts the offers awaiting sign-off, live, and the queue's tab title says it", async ({
  page,
  request,
}) => {
  const waiting = (await fetchOffers(request)).filter((o) => o.indicator === "awaitingSignoff").length;
  await page.goto("/publishers/contoso/offers");
  const approvals = page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: /^Approvals/ });
  await expect(approvals).toHaveAccessibleName(`Approvals (${waiting} offers awaiting sign-off)`);

  await approvals.click();
  await expect(page).toHaveTitle(`(${waiting}) Approvals · Offer Status Dashboard`);
  await row(page, "contoso-saas-golive").getByRole("button", { name: "Go live: Contoso Contract Analyzer" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Go live", exact: true }).click();
  await expect(approvals).toHaveAccessibleName(`Approvals (${waiting - 1} offers awaiting sign-off)`);
  await expect(page).toHaveTitle(`(${waiting - 1}) Approvals · Offer Status Dashboard`);
});

test("on an offer's pages the navigation shows where you are: under All offers", async ({ page }) => {
  await page.goto("/publishers/contoso/offers/contoso-vm-certifying/status");
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link", { name: "All offers" })).toHaveAttribute("aria-current", "true");
  await expect(nav.getByRole("link", { name: /^Approvals/ })).not.toHaveAttribute("aria-current", /.*/);
  await page.goto("/publishers/contoso/offers");
  await expect(nav.getByRole("link", { name: "All offers" })).toHaveAttribute("aria-current", "page");
});
