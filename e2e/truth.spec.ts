import { request as httpRequest } from "node:http";

import type { Page } from "@playwright/test";

import { fetchOffers, row } from "./support/offer-list";
import { APP_URL } from "./support/ports";
import { header, openStatus } from "./support/status-page";
import { expect, test } from "./support/fixtures";

/** Issue #14: the dashboard tells the same truth everywhere, under faults too. */

test("a delisted offer is Delisted in the list, in its header and on its Status tab", async ({ page, request }) => {
  const offers = await fetchOffers(request);
  expect(offers.find((o) => o.id === "contoso-vm-delisted")?.indicator).toBe("delisted");
  await page.goto("/publishers/contoso/offers");
  await expect(row(page, "contoso-vm-delisted").getByText("Delisted", { exact: true })).toBeVisible();

  await openStatus(page, "contoso-vm-delisted");
  await expect(header(page).getByText("Delisted", { exact: true })).toBeVisible();
  await expect(page.getByTestId("status-headline")).toHaveText("This offer was removed from the marketplace.");
  await expect(page.getByText("The offer is live in the marketplace.")).toHaveCount(0);
});

test("a failed offer's row says which step failed and how many errors it has", async ({ page, request }) => {
  const failed = (await fetchOffers(request)).find((o) => o.id === "contoso-vm-failed");
  expect(failed?.currentStep?.name).toBe("Certification");
  expect(failed?.errorCount).toBe(2);
  await page.goto("/publishers/contoso/offers");
  const failedRow = row(page, "contoso-vm-failed");
  await expect(failedRow).toContainText("Certification Rejected");
  await expect(failedRow).toContainText("2 errors");
});

test("a mistyped publisher is told as not visible to the app, and is not offered as a publisher", async ({ page }) => {
  await page.goto("/publishers/nope/offers");
  const alert = page.getByRole("alert").filter({ hasText: "The offers could not be loaded" });
  await expect(alert).toContainText(
    "No publisher by this id is visible to the dashboard's app registration: the id may be wrong",
  );
  const switcher = page.getByRole("combobox", { name: "Publisher" });
  await expect(switcher.locator("option", { hasText: "Contoso" })).toHaveCount(1);
  await expect(switcher.locator("option", { hasText: "nope" })).toHaveCount(0);
});

test("an unknown offer's page answers HTTP 404 and says which offer is missing", async ({ page }) => {
  const res = await page.goto("/publishers/contoso/offers/contoso-no-such-offer/status");
  expect(res?.status()).toBe(404);
  const alert = page.getByRole("alert").filter({ hasText: "Offer not found" });
  await expect(alert).toContainText('There is no offer "contoso-no-such-offer" under publisher "contoso"');
  await alert.getByRole("link", { name: "Back to All offers" }).click();
  await expect(page).toHaveURL(/\/publishers\/contoso\/offers$/);
  // A known offer is still a 200.
  expect((await page.goto("/publishers/contoso/offers/contoso-vm-failed/status"))?.status()).toBe(200);
});

test("the viewer's user menu names the role it lacks", async ({ viewerPage: page }) => {
  await page.goto("/publishers/contoso/offers");
  await page
    .getByRole("banner")
    .getByRole("button", { name: /Vera Viewer/ })
    .click();
  await expect(page.getByText("Viewer: read-only (no “Approver” role).")).toBeVisible();
  await expect(page.getByText("{role}")).toHaveCount(0);
});

/** Every text the Status tab's action result shows, from now on (a live region can change faster than a check). */
async function recordActionResults(page: Page): Promise<() => Promise<string[]>> {
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { __results: string[] }).__results = seen;
    const target = document.querySelector('[data-testid="action-result"]');
    if (!target) throw new Error("no action result region");
    new MutationObserver(() => seen.push(target.textContent ?? "")).observe(target, {
      childList: true,
      characterData: true,
      subtree: true,
    });
  });
  return () => page.evaluate(() => (window as unknown as { __results: string[] }).__results);
}

test("a Go live applied but answered with a 5xx is checked, not told as refused, and is not offered again meanwhile", async ({
  page,
  emulator,
}) => {
  await openStatus(page, "contoso-saas-golive");
  const results = await recordActionResults(page);
  await emulator.addFault({ target: "golive", kind: "status", status: 500, afterAction: true, times: 1 });
  const goLive = page.getByRole("region", { name: "Actions" }).getByRole("button", { name: "Go live", exact: true });
  await goLive.click();
  // The offer's status answers slowly for a moment, so the check can be seen.
  await emulator.addFault({ target: "status", kind: "latency", latencyMs: 2500, times: 2 });
  await page.getByRole("dialog").getByRole("button", { name: "Go live", exact: true }).click();
  await expect(page.getByTestId("action-result")).toHaveText(
    "Go live was sent, but the answer did not say whether it went through. Checking whether it went through…",
  );
  await expect(page.getByRole("dialog")).toBeHidden();
  // Not offered again while it is checked.
  await expect(
    page.getByRole("region", { name: "Actions" }).getByRole("button", { name: "Go live requested" }),
  ).toHaveAttribute("aria-disabled", "true");
  // It went through: the status says so, and the notice retires.
  await expect(header(page).getByText("Publish in progress", { exact: true })).toBeVisible();
  await expect(page.getByTestId("action-result")).toHaveText("");
  const said = await results();
  expect(said).toContain(
    "Go live was sent, but the answer did not say whether it went through. Checking whether it went through…",
  );
  expect(said.join("\n")).not.toContain("not accepted");
  const stats = await emulator.stats();
  expect(stats.byRoute["POST /api/publishers/{p}/offers/{o}/golive"]).toBe(1);
});

test("a second Go live while one is in flight is information naming who, never a second request upstream", async ({
  page,
  emulator,
}) => {
  await openStatus(page, "contoso-vm-signoff");
  // Another tab of the same approver took it a moment ago; this page has not seen it yet.
  await emulator.addFault({ target: "status", kind: "latency", latencyMs: 8000, offerId: "contoso-vm-signoff" });
  const first = await page.request.post("/api/publishers/contoso/offers/contoso-vm-signoff/golive", {
    headers: { Origin: APP_URL },
  });
  expect(first.status()).toBe(202);
  await emulator.resetStats();
  await page.getByRole("region", { name: "Actions" }).getByRole("button", { name: "Go live", exact: true }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Go live", exact: true }).click();
  const result = page.getByTestId("action-result");
  await expect(result).toHaveText(
    "A Go live of this offer by aaron@contoso.onmicrosoft.com is already under way. Wait for its outcome.",
  );
  await expect(result).not.toHaveClass(/text-red/);
  expect((await emulator.stats()).byRoute["POST /api/publishers/{p}/offers/{o}/golive"] ?? 0).toBe(0);
});

test("broken %-encoding, TRACE and unanswered methods get the envelope with the usual headers", async ({ request }) => {
  const malformed = await request.get("/api/publishers/contoso/offers/a%zz/status");
  expect(malformed.status()).toBe(400);
  expect(await malformed.json()).toMatchObject({ error: { code: "invalid_request" } });
  expect(malformed.headers()["x-content-type-options"]).toBe("nosniff");

  const put = await request.put("/api/publishers", { headers: { Origin: APP_URL } });
  expect(put.status()).toBe(405);
  expect(put.headers()["allow"]).toBe("GET, HEAD");
  expect(await put.json()).toMatchObject({ error: { code: "method_not_allowed" } });

  const trace = await new Promise<{ status: number; headers: Record<string, unknown>; body: string }>(
    (resolve, reject) => {
      const req = httpRequest(`${APP_URL}/api/publishers`, { method: "TRACE" }, (res) => {
        let body = "";
        res.on("data", (chunk: Buffer) => (body += chunk.toString()));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      });
      req.on("error", reject);
      req.end();
    },
  );
  expect(trace.status).toBe(405);
  expect(trace.headers["x-frame-options"]).toBe("DENY");
  expect(trace.headers.allow).toBe("GET, HEAD, POST");
  expect(JSON.parse(trace.body)).toMatchObject({ error: { code: "method_not_allowed" } });
});
