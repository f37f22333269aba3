"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useEffect, useMemo } from "react";

import { useCurrentUser } from "@/components/auth/current-user";
import { isFiltering, withoutFilters } from "@/components/offers/list-filters";
import { ListPage, useOffersQuery } from "@/components/offers/list-page";
import { ListSection } from "@/components/offers/list-section";
import { EmptyState, FilteredEmpty } from "@/components/offers/list-states";
import { ListToolbar } from "@/components/offers/list-toolbar";
import { FacetBar } from "@/components/offers/facet-bar";
import { TypeFacets } from "@/components/offers/type-facets";
import { usePhoneLayout } from "@/components/offers/use-media-query";
import { Icon } from "@/components/ui/icon";
import { APPROVALS_LIST, toggleSort } from "@/lib/offer-list";
import type { Transition } from "@/lib/offer-transitions";
import { useListView } from "@/lib/use-list-view";
import { useLiveChanges } from "@/lib/use-live-changes";
import { useOfferList } from "@/lib/use-offer-list";

import { ApprovalCards } from "./approval-cards";
import { ApprovalsTable } from "./approvals-table";
import { QueueNotices } from "./queue-notices";

import { useGoLiveRequests } from "./use-go-live-requests";

const FACETS = { type: true } as const;

/** Only changes into or out of the queue are news on this page. */
const touchesQueue = (t: Transition) => t.fromIndicator === "awaitingSignoff" || t.toIndicator === "awaitingSignoff";

/** Approvals: the offers awaiting sign-off, longest wait first, with Go live; kept live. */
export function ApprovalsView({ publisherId }: { publisherId: string }) {
  const t = useTranslations("approvals.page");
  const toolbar = useTranslations("approvals.toolbar");
  const sortWords = useTranslations("offers.list");
  const { isApprover, approverRole } = useCurrentUser();
  const query = useOffersQuery(publisherId);
  const offers = query.data?.data;
  const { view, setView } = useListView(APPROVALS_LIST);
  const { changed, announcement } = useLiveChanges(offers, touchesQueue);
  const requests = useGoLiveRequests(publisherId, offers);
  const queue = useMemo(
    () => offers?.filter((o) => o.indicator === "awaitingSignoff" || requests.map.get(o.id)?.state === "pending"),
    [offers, requests.map],
  );
  const list = useOfferList(queue, view, FACETS, APPROVALS_LIST);
  const phone = usePhoneLayout();
  useQueueTitle(offers?.filter((o) => o.indicator === "awaitingSignoff").length ?? 0);
  const { page, pageCount, from, to, total } = list.page;

  const listProps = {
    publisherId,
    rows: queue ? list.page.items : null,
    requests: requests.map,
    changed,
    onRequest: requests.onRequest,
    onResult: requests.onResult,
    caption: t("caption", { publisherId, page, pageCount }),
    empty: isFiltering(view) ? (
      <FilteredEmpty title={t("noMatches")} onClear={() => setView(withoutFilters(view))} />
    ) : (
      <EmptyState icon="check" title={t("empty")}>
        {t("emptyHint")}{" "}
        <Link href={`/publishers/${encodeURIComponent(publisherId)}/offers`} className="text-brand-700 underline">
          {t("seeAll")}
        </Link>
      </EmptyState>
    ),
  };

  // Say the order only as it is: the default is the longest wait; any other names itself.
  const order = view.sort === "waited" && view.dir === "desc" ? null : sortWords(`sort.${view.sort}.${view.dir}`);
  const description = isApprover
    ? order === null
      ? t("description")
      : t("descriptionSorted", { order })
    : order === null
      ? t("descriptionViewer")
      : t("descriptionViewerSorted", { order });

  return (
    <ListPage
      title={t("title")}
      description={description}
      query={query}
      announcement={announcement}
      errorTitle={t("loadError")}
      notices={
        <>
          {isApprover ? null : (
            <p
              data-testid="viewer-notice"
              className="flex items-start gap-2 rounded-lg border border-slate-300 bg-white p-3 text-sm text-slate-800"
            >
              <Icon name="info" className="mt-0.5 h-4 w-4 shrink-0 text-slate-600" />
              {t("viewerNotice", { role: approverRole })}
            </p>
          )}
          <QueueNotices publisherId={publisherId} {...requests.notices} />
        </>
      }
    >
      <ListToolbar
        view={view}
        setView={setView}
        config={APPROVALS_LIST}
        searchLabel={toolbar("filterLabel")}
        sortSelect={phone}
        facets={
          <FacetBar>
            <TypeFacets
              selected={view.type}
              typeCounts={list.typeCounts ?? []}
              total={list.textMatches}
              onChange={(type) => setView({ ...view, type, page: 1 })}
            />
          </FacetBar>
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
          <ApprovalCards {...listProps} />
        ) : (
          <ApprovalsTable {...listProps} view={view} onSort={(key) => setView(toggleSort(view, key))} />
        )}
      </ListSection>
    </ListPage>
  );
}

/** The tab says how many wait while the queue is open: "(3) Approvals · Offer Status Dashboard". */
function useQueueTitle(count: number) {
  const t = useTranslations("approvals.page");
  const shell = useTranslations("shell");
  const title = shell("titleTemplate").replace("%s", t("title"));
  const text = count > 0 ? t("tabTitle", { count, title }) : title;
  useEffect(() => {
    document.title = text;
  }, [text]);
}
