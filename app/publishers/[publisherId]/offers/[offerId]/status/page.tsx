import type { Metadata } from "next";

import { StatusView } from "@/components/status/status-view";

type Params = Promise<{ publisherId: string; offerId: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { offerId } = await params;
  return { title: `${offerId} · Status` };
}

export default async function OfferStatusPage({ params }: { params: Params }) {
  const { publisherId, offerId } = await params;
  return <StatusView publisherId={publisherId} offerId={offerId} />;
}
