import "server-only";

import type { OfferDetail } from "@/lib/schemas/model";

import type { Fetched } from "./coalescer";
import { ApiError, logServerError } from "./errors";
import { getServices } from "./services";

/**
 * Whether an offer exists, for the offer pages' HTTP status (404 for an unknown offer), with
 * the offer when it was read, for the page's header to render on the server. Read through the
 * adapter's cache (the header reads the same entry). `exists: null` when the upstream cannot
 * tell right now: the page renders and says why itself.
 */
export async function checkOffer(
  publisherId: string,
  offerId: string,
): Promise<{ exists: boolean | null; offer?: Fetched<OfferDetail> }> {
  try {
    return { exists: true, offer: await getServices().cpp.getOffer(publisherId, offerId) };
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return { exists: false };
    logServerError(error, { publisherId, offerId, during: "offer page check" });
    return { exists: null };
  }
}
