"use client";

import { useTranslations } from "next-intl";

import { WatchToggle } from "@/components/notifications/watch-toggle";
import { OFFERS_LIST, countByIndicator, matchesText, toggleSort } from "@/lib/offer-list";
import type { Transition } from "@/lib/offer-transitions";
import { useListView } from "@/lib/use-list-view";
import { useLiveChanges } from "@/lib/use-live-changes";
import { useOfferList } from "@/lib/use-offer-list";

import { isFiltering, withoutFilters } from "./list-filters";
import { ListPage, useOffersQuery } from "./list-page";
import { ListSection } from "./list-section";
import { EmptyState, FilteredEmpty } from "./list-states";
import { ListToolbar } from "./list-toolbar";
import { OfferCards } from "./offer-cards";
import { OffersTable } from "./offers-table";
import { SinceVisitSummary, useSinceVisit } from "./since-visit";
import { AttentionToggle } from "./attention-toggle";
import { FacetBar } from "./facet-bar";
import { StatusFacets } from "./status-facets";
import { TypeFacets } from "./type-facets";
import { usePhoneLayout } from "./use-media-query";

const FACETS = { status: true, type: true, attention: true } as const;

/** All offers: the publisher's offers, filtered, sorted and paged from the URL, kept live. */
export function OffersView({ publisherId }: { publisherId: string }) {
  const t = useTranslations("offers.page");
  const toolbar = useTranslations("offers.toolbar");
  const query = useOffersQuery(publisherId);
  const offers = query.data?.data;
  const { view, setView } = useListView(OFFERS_LIST);
  const list = useOfferList(offers, view, FACETS, OFFERS_LIST);
  const phone = usePhoneLayout();
  // Announce what concerns the view: offers matching the text filter, moving into or out of
  // the chosen statuses.
  const inView = (change: Transition) =>
    matchesText(change.offer, view.q) &&
    (view.status.length === 0 ||
      view.status.includes(change.fromIndicator) ||
      view.status.includes(change.toIndicator));
  const { changed, announcement } = useLiveChanges(offers, inView);
  const sinceVisit = useSinceVisit(publisherId);
  const filtering = isFiltering(view);
  const { page, pageCount, from, to, total } = list.page;

  const listProps = {
    publisherId,
    rows: offers ? list.page.items : null,
    changed,
    sinceVisit,
    caption: t(filtering ? "captionFiltered" : "caption", { publisherId, page, pageCount }),
    empty: filtering ? (
      <FilteredEmpty title={t("noMatches")} onClear={() => setView(withoutFilters(view))} />
    ) : (
      <EmptyState title={t("noOffers")}>{t("noOffersHint")}</EmptyState>
    ),
  };

  return (
    <ListPage
      title={t("title")}
      description={t("description")}
      query={query}
      announcement={announcement}
      errorTitle={t("loadError")}
      actions={<WatchToggle publisherId={publisherId} />}
      notices={<SinceVisitSummary sinceVisit={sinceVisit} />}
    >
      <ListToolbar
        view={view}
        setView={setView}
        config={OFFERS_LIST}
        searchLabel={toolbar("filterLabel")}
        sortSelect={phone}
        facets={
          offers ? (
            <FacetBar>
              <AttentionToggle view={view} setView={setView} config={OFFERS_LIST} count={list.attentionCount ?? 0} />
              <StatusFacets
                selected={view.status}
                counts={list.statusCounts ?? countByIndicator([])}
                total={list.textMatches}
                onChange={(status) => setView({ ...view, status, page: 1 })}
              />
              <TypeFacets
                selected={view.type}
                typeCounts={list.typeCounts ?? []}
                total={list.textMatches}
                onChange={(type) => setView({ ...view, type, page: 1 })}
              />
            </FacetBar>
          ) : null
        }
      />
      <ListSection
        label={t("region")}
        loading={query.isPending}
        loadingText={t("loading")}
        view={view}
        setView={setView}
        page={list.page}
        unfilteredTotal={list.total}
        summary={total === 0 ? t("none") : t("summary", { from, to, total })}
        compact={phone}
      >
        {phone ? (
          <OfferCards {...listProps} />
        ) : (
          <OffersTable {...listProps} view={view} onSort={(key) => setView(toggleSort(view, key))} />
        )}
      </ListSection>
    </ListPage>
  );
}
