import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

import { OfferHistoryView } from "@/components/history/offer-history-view";

type Params = Promise<{ publisherId: string; offerId: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const [{ offerId }, t] = await Promise.all([params, getTranslations("history.tab")]);
  return { title: t("pageTitle", { offerId }) };
}

export default async function OfferHistoryPage({ params }: { params: Params }) {
  const { publisherId, offerId } = await params;
  return <OfferHistoryView publisherId={publisherId} offerId={offerId} />;
}
