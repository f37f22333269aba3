import "server-only";

import { ApiError, logServerError } from "./errors";
import { getServices } from "./services";

/**
 * Whether an offer exists, for the offer pages' HTTP status (404 for an unknown offer). Read
 * through the adapter's cache (the page's own header reads the same entry). `null` when the
 * upstream cannot tell right now: the page renders and says why itself.
 */
export async function offerExists(publisherId: string, offerId: string): Promise<boolean | null> {
  try {
    await getServices().cpp.getOffer(publisherId, offerId);
    return true;
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return false;
    logServerError(error, { publisherId, offerId, during: "offer page check" });
    return null;
  }
}
