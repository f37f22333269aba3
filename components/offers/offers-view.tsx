"use client";

import { useQuery } from "@tanstack/react-query";

import { usePolling } from "@/app/providers";
import { FreshnessBar } from "@/components/ui/freshness-bar";
import { LiveRegion } from "@/components/ui/live-region";
import { OFFERS_LIST, matchesText, toggleSort } from "@/lib/offer-list";
import type { Transition } from "@/lib/offer-transitions";
import { queries } from "@/lib/queries";
import { useListView } from "@/lib/use-list-view";
import { useLiveChanges } from "@/lib/use-live-changes";
import { useOfferList } from "@/lib/use-offer-list";

import { ListError } from "./list-error";
import { OFFER_COLUMNS, OffersTable } from "./offers-table";
import { OffersToolbar } from "./offers-toolbar";
import { PageHeader } from "./page-header";
import { Pagination } from "./pagination";
import { EmptyRow } from "./table-states";

/** All offers: the publisher's offers, filtered, sorted and paged from the URL, kept live. */
export function OffersView({ publisherId }: { publisherId: string }) {
  const query = useQuery(queries.offers(publisherId, usePolling()));
  const offers = query.data?.data;
  const { view, setView } = useListView(OFFERS_LIST);
  const list = useOfferList(offers, view, "status");
  // Announce what concerns the view: offers matching the text filter, moving into or out of
  // the chosen statuses.
  const inView = (t: Transition) =>
    matchesText(t.offer, view.q) &&
    (view.status.length === 0 || view.status.includes(t.fromIndicator) || view.status.includes(t.toIndicator));
  const { changed, announcement } = useLiveChanges(offers, inView);
  const filtering = view.q.trim() !== "" || view.status.length > 0;
  const clear = () => setView({ ...view, q: "", status: [], page: 1 });

  return (
    <div className="flex flex-col gap-5">
      <PageHeader
        title="All offers"
        description="Every offer of this publisher and where it stands. Select an offer to open its Status tab."
      >
        <FreshnessBar
          fetchedAt={query.data?.fetchedAt ?? null}
          error={query.error}
          isFetching={query.isFetching}
          hasData={offers !== undefined}
          onRefresh={() => void query.refetch()}
        />
      </PageHeader>
      <LiveRegion announcement={announcement} />
      {query.isError && !offers ? (
        <ListError title="The offers could not be loaded" error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <>
          <OffersToolbar
            view={view}
            loaded={offers !== undefined}
            counts={list.counts}
            total={list.textMatches}
            onQuery={(q) => setView({ ...view, q, page: 1 }, "replace")}
            onStatus={(status) => setView({ ...view, status, page: 1 })}
          />
          <section
            aria-label="Offers"
            className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm"
            aria-busy={query.isPending}
          >
            {query.isPending ? (
              <p role="status" className="sr-only">
                Loading offers…
              </p>
            ) : null}
            <OffersTable
              publisherId={publisherId}
              rows={offers ? list.page.items : null}
              view={view}
              changed={changed}
              onSort={(key) => setView(toggleSort(view, key))}
              caption={`Offers of publisher ${publisherId}${filtering ? ", filtered" : ""}; page ${list.page.page} of ${list.page.pageCount}`}
              empty={
                filtering ? (
                  <EmptyRow columns={OFFER_COLUMNS} title="No offers match these filters">
                    <button type="button" onClick={clear} className="text-brand-700 font-medium underline">
                      Clear the filters
                    </button>
                  </EmptyRow>
                ) : (
                  <EmptyRow columns={OFFER_COLUMNS} title="This publisher has no offers yet">
                    Offers created in the Cloud Partner Portal appear here.
                  </EmptyRow>
                )
              }
            />
            {offers ? (
              <Pagination
                page={list.page}
                size={view.size}
                noun={["offer", "offers"]}
                unfilteredTotal={list.total}
                onPage={(page) => setView({ ...view, page })}
                onSize={(size) => setView({ ...view, size, page: 1 })}
              />
            ) : null}
          </section>
        </>
      )}
    </div>
  );
}
