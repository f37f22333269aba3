import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

import { StatusView } from "@/components/status/status-view";

type Params = Promise<{ publisherId: string; offerId: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const [{ offerId }, t] = await Promise.all([params, getTranslations("shell.titles")]);
  return { title: t("offerStatus", { offerId }) };
}

export default async function OfferStatusPage({ params }: { params: Params }) {
  const { publisherId, offerId } = await params;
  return <StatusView publisherId={publisherId} offerId={offerId} />;
}
