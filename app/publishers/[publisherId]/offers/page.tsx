import type { Metadata } from "next";
import { Suspense } from "react";

import { ListFallback } from "@/components/offers/list-fallback";
import { OffersView } from "@/components/offers/offers-view";

export const metadata: Metadata = { title: "All offers" };

// The view reads its filters from the query string; the fallback keeps the page's shape meanwhile.
export default async function OffersPage({ params }: { params: Promise<{ publisherId: string }> }) {
  const { publisherId } = await params;
  return (
    <Suspense fallback={<ListFallback title="All offers" />}>
      <OffersView publisherId={publisherId} />
    </Suspense>
  );
}
