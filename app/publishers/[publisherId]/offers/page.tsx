import { HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Suspense } from "react";

import { offersPageState } from "@/lib/server/prefetch";
import { ListFallback } from "@/components/offers/list-fallback";
import { OffersView } from "@/components/offers/offers-view";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("offers.page"))("title") };
}

// The first rows come from the recorder's store, in the HTML. The view reads its filters from
// the query string; the fallback keeps the page's shape meanwhile.
export default async function OffersPage({ params }: { params: Promise<{ publisherId: string }> }) {
  const { publisherId } = await params;
  const state = await offersPageState(publisherId);
  return (
    <HydrationBoundary state={state ?? undefined}>
      <Suspense fallback={<ListFallback list="offers" />}>
        <OffersView publisherId={publisherId} />
      </Suspense>
    </HydrationBoundary>
  );
}
