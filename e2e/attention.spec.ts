import { attentionOf, ATTENTION_ORDER } from "../lib/attention";
import type { OfferSummary } from "../lib/schemas/model";
import { fetchOffers, row, rowHeaders } from "./support/offer-list";
import { expect, test } from "./support/fixtures";

/**
 * Attention on every row of All offers: an overdue, blocked or rejected step says so in the
 * Status tab's words, and "Needs attention" keeps only what needs a person, most pressing first.
 */

test("an overdue step shows on its row, as on the Status tab; a blocked one too", async ({ page }) => {
  await page.goto("/publishers/contoso/offers");
  const overdue = row(page, "contoso-vm-overdue");
  await expect(overdue.getByTestId("row-overdue")).toContainText(
    "Taking longer than usual (estimated < 15 min, running 3 hr",
  );
  const blocked = row(page, "contoso-container-blocked");
  await expect(blocked.locator("[data-step-status=blocked]")).toHaveText("Blocked");
  await expect(row(page, "contoso-vm-certifying").getByTestId("row-overdue")).toHaveCount(0);

  // The same words on the offer's Status tab.
  await overdue.getByRole("link", { name: "Contoso Backup Appliance" }).click();
  await expect(page.getByTestId("overdue")).toContainText("Taking longer than usual (estimated < 15 min, running 3 hr");
});

test("Needs attention keeps failed, overdue, blocked and awaiting sign-off, most pressing first; off restores the list", async ({
  page,
  request,
}) => {
  const offers = await fetchOffers(request);
  const now = Date.now();
  const rank = (o: OfferSummary) => ATTENTION_ORDER.indexOf(attentionOf(o, now)!);
  const collator = new Intl.Collator("en", { numeric: true, sensitivity: "base" });
  const needing = offers
    .filter((o) => attentionOf(o, now) !== null)
    .sort((a, b) => rank(a) - rank(b) || collator.compare(a.name, b.name) || collator.compare(a.id, b.id));
  // The seeded data has each kind.
  expect(needing.map((o) => attentionOf(o, now))).toEqual(
    expect.arrayContaining(["failed", "overdue", "blocked", "awaitingSignoff"]),
  );

  await page.goto("/publishers/contoso/offers");
  const toggle = page.getByRole("button", { name: `Needs attention ${needing.length}` });
  await toggle.click();
  await expect(toggle).toHaveAttribute("aria-pressed", "true");
  await expect(page).toHaveURL(/[?&]attention=1(&|$)/);
  await expect(rowHeaders(page)).toHaveCount(needing.length);
  for (const [i, offer] of needing.entries()) await expect(rowHeaders(page).nth(i)).toHaveText(offer.name);
  expect(needing[0]?.indicator).toBe("failed");

  await page.reload();
  await expect(rowHeaders(page)).toHaveCount(needing.length);
  await page.getByRole("button", { name: `Needs attention ${needing.length}` }).click();
  await expect(rowHeaders(page)).toHaveCount(offers.length);
  await expect(page).not.toHaveURL(/attention=/);
});

test("All offers has the type facet too", async ({ page, request }) => {
  const offers = await fetchOffers(request);
  const vms = offers.filter((o) => o.offerTypeId === "microsoft-azure-virtualmachines");
  await page.goto("/publishers/contoso/offers");
  await expect(page.getByRole("button", { name: `All types ${offers.length}` })).toHaveAttribute(
    "aria-pressed",
    "true",
  );
  await page.getByRole("button", { name: `Virtual machine ${vms.length}` }).click();
  await expect(page).toHaveURL(/[?&]type=microsoft-azure-virtualmachines(&|$)/);
  await expect(rowHeaders(page)).toHaveCount(vms.length);
});
