import { expect, test } from "./support/fixtures";

test("the home page opens the first publisher's offers, listed from the emulator through our API", async ({
  page,
  emulator,
}) => {
  await emulator.resetStats();
  await page.goto("/");
  await expect(page).toHaveURL(/\/publishers\/contoso\/offers/);
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "All offers" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Approvals" })).toBeVisible();
  const switcher = page.getByRole("combobox", { name: "Publisher" });
  await expect(switcher.getByRole("option", { name: /Fabrikam/ })).toHaveCount(1);
  await expect(page.getByRole("cell", { name: "contoso-vm-certifying" }).first()).toBeVisible();
  // The rows came from the upstream (the emulator counted the list request) via our route.
  const stats = await emulator.stats();
  expect(stats.byRoute["GET /api/publishers/{p}/offers"] ?? 0).toBeGreaterThan(0);
  expect(stats.tokenRequests).toBeGreaterThan(0);

  // The publisher switcher keeps the page and changes the account.
  await switcher.selectOption({ label: "Fabrikam, Inc. (fabrikam)" });
  await expect(page).toHaveURL(/\/publishers\/fabrikam\/offers/);
  await expect(page.getByText("fabrikam-vm-signoff").first()).toBeVisible();
});

test("the health route answers without touching the upstream", async ({ request }) => {
  const res = await request.get("/api/health");
  expect(res.status()).toBe(200);
  expect(await res.json()).toMatchObject({ status: "ok" });
});

test("an unknown API route answers the JSON error envelope", async ({ request }) => {
  const res = await request.get("/api/nope");
  expect(res.status()).toBe(404);
  expect(await res.json()).toMatchObject({ error: { code: "not_found" } });
});
