/** The offer's Status tab, where every notification leads. */
export function offerStatusHref(publisherId: string, offerId: string): string {
  return `/publishers/${encodeURIComponent(publisherId)}/offers/${encodeURIComponent(offerId)}/status`;
}
