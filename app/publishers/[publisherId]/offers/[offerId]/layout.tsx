import { notFound } from "next/navigation";
import type { ReactNode } from "react";

import { OfferHeader } from "@/components/status/offer-header";
import { isValidId } from "@/lib/schemas/ids";

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
  return (
    <>
      <OfferHeader publisherId={publisherId} offerId={offerId} />
      {children}
    </>
  );
}
