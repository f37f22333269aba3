"use client";

import Link from "next/link";
import { useParams } from "next/navigation";
import { useTranslations } from "next-intl";

import { ErrorPanel } from "@/components/ui/error-panel";

// An offer that does not exist under this publisher (notFound() in the offer's layout): HTTP 404.
export default function OfferNotFound() {
  const t = useTranslations("status.errors");
  const params = useParams<{ publisherId: string; offerId?: string }>();
  const publisherId = decodeURIComponent(params.publisherId ?? "");
  const offerId = decodeURIComponent(params.offerId ?? "");
  return (
    <>
      <h1 className="mb-4 text-2xl font-semibold wrap-anywhere text-slate-900">{offerId}</h1>
      <ErrorPanel
        title={t("notFoundTitle")}
        message={t("notFound", { offerId, publisherId })}
        code="not_found"
        action={
          <Link
            href={`/publishers/${encodeURIComponent(publisherId)}/offers`}
            className="font-medium text-red-900 underline underline-offset-2"
          >
            {t("backToAllOffers")}
          </Link>
        }
      />
    </>
  );
}
