import type { Metadata } from "next";

import { OffersView } from "@/components/offers/offers-view";

export const metadata: Metadata = { title: "All offers" };

export default async function OffersPage({ params }: { params: Promise<{ publisherId: string }> }) {
  const { publisherId } = await params;
  return <OffersView publisherId={publisherId} />;
}
