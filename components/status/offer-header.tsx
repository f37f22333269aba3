"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { usePathname } from "next/navigation";

import { usePolling } from "@/components/providers";
import { WatchToggle } from "@/components/notifications/watch-toggle";
import { FreshnessBar } from "@/components/ui/freshness-bar";
import { IndicatorBadge } from "@/components/ui/status-badges";
import { useLabels } from "@/lib/use-labels";
import { queries, requestRefresh } from "@/lib/queries";

import { OfferTabs } from "./offer-tabs";

/**
 * The offer page's header, shared by its tabs: where it sits (breadcrumb), what it is
 * (name, id, type, version), where it stands (the live indicator from its status), and how
 * fresh the open tab's data is.
 */
export function OfferHeader({ publisherId, offerId }: { publisherId: string; offerId: string }) {
  const labels = useLabels();
  const t = useTranslations("status.header");
  const offerQuery = useQuery(queries.offer(publisherId, offerId));
  const statusQuery = useQuery(queries.offerStatus(publisherId, offerId, usePolling()));
  const onDetails = usePathname().endsWith("/details");
  const offer = offerQuery.data?.data;
  const status = statusQuery.data?.data;
  const shown = onDetails ? offerQuery : statusQuery;
  const allOffers = `/publishers/${encodeURIComponent(publisherId)}/offers`;
  const name = offer?.name ?? offerId;
  const partnerCenterUrl = status?.partnerCenterUrl ?? offer?.partnerCenterUrl;

  return (
    <header className="mb-5" data-testid="offer-header">
      <nav aria-label={t("breadcrumb")} className="text-sm text-slate-600">
        <ol className="flex flex-wrap items-center gap-1.5">
          <li>
            <Link href={allOffers} className="text-brand-700 underline-offset-2 hover:underline">
              {t("allOffers")}
            </Link>
          </li>
          <li aria-hidden="true">/</li>
          <li aria-current="page" className="min-w-0 wrap-anywhere text-slate-800">
            {name}
          </li>
        </ol>
      </nav>
      <div className="mt-2 flex flex-wrap items-center gap-x-3 gap-y-2">
        <h1 className="min-w-0 text-2xl font-semibold wrap-anywhere text-slate-900">{name}</h1>
        {status ? <IndicatorBadge indicator={status.indicator} rawStatus={status.status.raw} /> : null}
        <div className="sm:ml-auto">
          <WatchToggle publisherId={publisherId} offerId={offerId} />
        </div>
      </div>
      <dl className="mt-1.5 flex flex-wrap gap-x-5 gap-y-1 text-sm text-slate-600">
        <div className="flex min-w-0 gap-1">
          <dt className="shrink-0">{t("offerId")}</dt>
          <dd className="min-w-0 font-mono wrap-anywhere text-slate-800">{offerId}</dd>
        </div>
        {offer ? (
          <>
            <div className="flex gap-1">
              <dt>{t("type")}</dt>
              <dd className="text-slate-800">{labels.offerType(offer.offerTypeId)}</dd>
            </div>
            <div className="flex gap-1">
              <dt>{t("version")}</dt>
              <dd className="text-slate-800">{offer.version ?? "–"}</dd>
            </div>
          </>
        ) : null}
      </dl>
      {partnerCenterUrl ? (
        <p className="mt-1.5 text-sm">
          <a
            href={partnerCenterUrl}
            target="_blank"
            rel="noopener noreferrer"
            data-testid="partner-center-link"
            className="text-brand-700 underline-offset-2 hover:underline"
          >
            {t("partnerCenter")}
            <span className="sr-only"> {t("partnerCenterNewTab")}</span>
          </a>
        </p>
      ) : null}
      <OfferTabs publisherId={publisherId} offerId={offerId}>
        {shown.data || shown.error ? (
          <FreshnessBar
            fetchedAt={shown.data?.fetchedAt ?? null}
            error={shown.error}
            isFetching={shown.isFetching}
            hasData={Boolean(shown.data)}
            onRefresh={() => {
              if (!onDetails) requestRefresh("status");
              void shown.refetch();
            }}
          />
        ) : null}
      </OfferTabs>
    </header>
  );
}
