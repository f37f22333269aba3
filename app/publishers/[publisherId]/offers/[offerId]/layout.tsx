import { HydrationBoundary } from "@tanstack/react-query";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";

import { OfferHeader } from "@/components/status/offer-header";
import { isValidId } from "@/lib/schemas/ids";
import { queryKeys } from "@/lib/queries";
import { checkOffer } from "@/lib/server/page-checks";
import { hydrationState } from "@/lib/server/prefetch";
import { readStoredStatus } from "@/lib/server/recorder/reads";

// The offer's header and tabs, shared by its tabs; their first data rendered on the server.
export default async function OfferLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ publisherId: string; offerId: string }>;
}) {
  const { publisherId, offerId } = await params;
  if (!isValidId(offerId)) notFound();
  // An unknown offer is a 404 page (the publisher's not-found.tsx says which offer), not a 200.
  const [check, status] = await Promise.all([checkOffer(publisherId, offerId), readStoredStatus(publisherId, offerId)]);
  if (check.exists === false) notFound();
  const state = hydrationState([
    [queryKeys.offer(publisherId, offerId), check.offer],
    [queryKeys.offerStatus(publisherId, offerId), status],
  ]);
  return (
    <HydrationBoundary state={state ?? undefined}>
      <OfferHeader publisherId={publisherId} offerId={offerId} />
      {children}
    </HydrationBoundary>
  );
}
