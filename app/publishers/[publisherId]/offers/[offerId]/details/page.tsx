import type { Metadata } from "next";

import { OfferDetailsView } from "@/components/status/offer-details-view";

type Params = Promise<{ publisherId: string; offerId: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { offerId } = await params;
  return { title: `${offerId} · Details` };
}

export default async function OfferDetailsPage({ params }: { params: Params }) {
  const { publisherId, offerId } = await params;
  return <OfferDetailsView publisherId={publisherId} offerId={offerId} />;
}
