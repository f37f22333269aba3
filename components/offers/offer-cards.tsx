"use client";

import { useTranslations } from "next-intl";
import { memo } from "react";

import { RelativeTime } from "@/components/ui/relative-time";
import type { OfferSummary } from "@/lib/schemas/model";

import { Card, CardFacts, CardList, CardTitle } from "./card-list";
import { OfferLink, OfferType } from "./offer-row";
import type { OfferListProps } from "./offers-table";
import { statusHref, useNavigate } from "./row-click";
import { SinceVisitMark, changedSinceVisit } from "./since-visit";
import { StatusCell } from "./status-cell";

/** All offers on a phone: a card per offer (sorting is the toolbar's select). */
export function OfferCards({ publisherId, rows, changed, sinceVisit, caption, empty }: OfferListProps) {
  const navigate = useNavigate();
  return (
    <CardList rows={rows} caption={caption} empty={empty}>
      {(offer) => (
        <OfferCard
          key={offer.id}
          offer={offer}
          publisherId={publisherId}
          changed={changed.has(offer.id)}
          sinceVisit={changedSinceVisit(sinceVisit, offer.id)}
          navigate={navigate}
        />
      )}
    </CardList>
  );
}

interface OfferCardProps {
  offer: OfferSummary;
  publisherId: string;
  changed: boolean;
  sinceVisit: boolean;
  navigate: (href: string) => void;
}

/** One offer: name and id, where it stands, then its type, version and last change. */
const OfferCard = memo(function OfferCard({ offer, publisherId, changed, sinceVisit, navigate }: OfferCardProps) {
  const t = useTranslations("offers.columns");
  const href = statusHref(publisherId, offer.id);
  return (
    <Card offerId={offer.id} href={href} navigate={navigate} changed={changed}>
      <CardTitle id={offer.id}>
        <OfferLink href={href} offer={offer} />
        {sinceVisit ? <SinceVisitMark /> : null}
      </CardTitle>
      <StatusCell offer={offer} changed={changed} />
      <CardFacts
        facts={[
          { label: t("type"), value: <OfferType offerTypeId={offer.offerTypeId} /> },
          { label: t("version"), value: offer.version ?? "–" },
          { label: t("changed"), value: <RelativeTime value={offer.changedTime} /> },
        ]}
      />
    </Card>
  );
});
