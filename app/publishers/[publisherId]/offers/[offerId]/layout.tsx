import { notFound } from "next/navigation";
import type { ReactNode } from "react";

import { OfferHeader } from "@/components/status/offer-header";
import { isValidId } from "@/lib/schemas/ids";
import { offerExists } from "@/lib/server/page-checks";

// The offer's header and tabs, shared by its Status and Details tabs.
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
  if ((await offerExists(publisherId, offerId)) === false) notFound();
  return (
    <>
      <OfferHeader publisherId={publisherId} offerId={offerId} />
      {children}
    </>
  );
}
