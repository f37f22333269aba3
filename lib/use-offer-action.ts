"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";

import { postOfferAction, queryKeys, startBurst, type OfferAction, type OfferActionBody } from "@/lib/queries";

/**
 * Go live / Cancel publish for one offer. On success the offer's status and the publisher's
 * lists poll fast for a while, so the change shows up promptly wherever it is watched.
 */
export function useOfferAction(publisherId: string, offerId: string, action: OfferAction) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: ["offer-action", publisherId, offerId, action],
    mutationFn: (body?: OfferActionBody) => postOfferAction(publisherId, offerId, action, body),
    onSettled: async () => {
      const keys = [queryKeys.offerStatus(publisherId, offerId), queryKeys.offers(publisherId)];
      keys.forEach(startBurst);
      await Promise.all(keys.map((queryKey) => queryClient.invalidateQueries({ queryKey, exact: true })));
    },
  });
}
