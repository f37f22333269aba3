import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Suspense } from "react";

import { ListFallback } from "@/components/offers/list-fallback";
import { OffersView } from "@/components/offers/offers-view";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("shell.titles");
  return { title: t("allOffers") };
}

// The view reads its filters from the query string; the fallback keeps the page's shape meanwhile.
export default async function OffersPage({ params }: { params: Promise<{ publisherId: string }> }) {
  const [{ publisherId }, t] = await Promise.all([params, getTranslations("shell.titles")]);
  return (
    <Suspense fallback={<ListFallback title={t("allOffers")} />}>
      <OffersView publisherId={publisherId} />
    </Suspense>
  );
}
