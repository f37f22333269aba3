import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

import { OfferDetailsView } from "@/components/status/offer-details-view";

type Params = Promise<{ publisherId: string; offerId: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const [{ offerId }, t] = await Promise.all([params, getTranslations("shell.titles")]);
  return { title: t("offerDetails", { offerId }) };
}

export default async function OfferDetailsPage({ params }: { params: Params }) {
  const { publisherId, offerId } = await params;
  return <OfferDetailsView publisherId={publisherId} offerId={offerId} />;
}
