"use client";

import { useTranslations } from "next-intl";
import { memo } from "react";

import { Card, CardFacts, CardList, CardTitle } from "@/components/offers/card-list";
import { IssueCounts } from "@/components/offers/issue-counts";
import { OfferLink } from "@/components/offers/offer-row";
import { statusHref, useNavigate } from "@/components/offers/row-click";
import { waitStart } from "@/lib/offer-list";
import { useLabels } from "@/lib/use-labels";

import type { ApprovalListProps } from "./approvals-table";
import { GoLiveCell } from "./go-live-cell";
import type { ApprovalItemProps } from "./approval-row";
import { PreviewLinks } from "./preview-links";
import { WaitedFor } from "./waited-for";

/** The queue on a phone: a card per waiting offer, Go live at its foot. */
export function ApprovalCards(props: ApprovalListProps) {
  const { publisherId, rows, requests, changed, onRequest, onResult, caption, empty } = props;
  const navigate = useNavigate();
  return (
    <CardList rows={rows} caption={caption} empty={empty}>
      {(offer) => (
        <ApprovalCard
          key={offer.id}
          offer={offer}
          publisherId={publisherId}
          request={requests.get(offer.id)}
          changed={changed.has(offer.id)}
          navigate={navigate}
          onRequest={onRequest}
          onResult={onResult}
        />
      )}
    </CardList>
  );
}

const ApprovalCard = memo(function ApprovalCard(props: ApprovalItemProps) {
  const { offer, publisherId, request, changed, navigate } = props;
  const t = useTranslations("approvals.columns");
  const labels = useLabels();
  const href = statusHref(publisherId, offer.id);
  return (
    <Card
      offerId={offer.id}
      href={href}
      navigate={navigate}
      changed={changed}
      tint={request?.state === "accepted" ? "bg-blue-50/60" : ""}
    >
      <CardTitle id={offer.id}>
        <OfferLink href={href} offer={offer} />
      </CardTitle>
      <CardFacts
        facts={[
          { label: t("type"), value: labels.offerType(offer.offerTypeId) },
          { label: t("waited"), value: <WaitedFor since={waitStart(offer)} /> },
          {
            label: t("issues"),
            value: <IssueCounts errors={offer.errorCount} warnings={offer.warningCount} />,
          },
        ]}
      />
      {/* The preview comes before Go live: check it, then decide. */}
      <div className="flex flex-col gap-1">
        <p className="text-xs font-semibold text-slate-700">{t("preview")}</p>
        <PreviewLinks links={offer.previewLinks} offerName={offer.name} />
      </div>
      <div className="flex justify-end">
        <GoLiveCell {...props} />
      </div>
    </Card>
  );
});
