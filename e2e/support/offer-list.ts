import type { APIRequestContext, Locator, Page } from "@playwright/test";

import type { OfferSummary } from "../../lib/schemas/model";

/** Helpers shared by the All offers and Approvals specs (read what a user sees; no test ids). */

/** Our own API's list, as the page gets it. */
export async function fetchOffers(request: APIRequestContext, publisherId = "contoso"): Promise<OfferSummary[]> {
  const res = await request.get(`/api/publishers/${publisherId}/offers`);
  if (!res.ok()) throw new Error(`GET offers → ${res.status()}`);
  return ((await res.json()) as { data: OfferSummary[] }).data;
}

/** The table row of an offer, found by the offer id it shows. */
export function row(page: Page, offerId: string): Locator {
  return page.getByRole("row").filter({ has: page.getByText(offerId, { exact: true }) });
}

/** The body rows' headers (offer name, and on Approvals the id under it), in order. */
export function rowHeaders(page: Page): Locator {
  return page.locator("tbody").getByRole("rowheader");
}
