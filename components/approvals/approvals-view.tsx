"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useMemo } from "react";

import { usePolling } from "@/app/providers";
import { ListError } from "@/components/offers/list-error";
import { PageHeader } from "@/components/offers/page-header";
import { Pagination } from "@/components/offers/pagination";
import { EmptyRow } from "@/components/offers/table-states";
import { FreshnessBar } from "@/components/ui/freshness-bar";
import { LiveRegion } from "@/components/ui/live-region";
import { APPROVALS_LIST, toggleSort } from "@/lib/offer-list";
import type { Transition } from "@/lib/offer-transitions";
import { queries } from "@/lib/queries";
import { useListView } from "@/lib/use-list-view";
import { useLiveChanges } from "@/lib/use-live-changes";
import { useOfferList } from "@/lib/use-offer-list";

import { APPROVAL_COLUMNS, ApprovalsTable } from "./approvals-table";
import { ApprovalsToolbar } from "./approvals-toolbar";
import { QueueNotices } from "./queue-notices";
import { useGoLiveRequests } from "./use-go-live-requests";

/** Only changes into or out of the queue are news on this page. */
const touchesQueue = (t: Transition) => t.fromIndicator === "awaitingSignoff" || t.toIndicator === "awaitingSignoff";

/** Approvals: the offers awaiting sign-off, longest wait first, with Go live; kept live. */
export function ApprovalsView({ publisherId }: { publisherId: string }) {
  const query = useQuery(queries.offers(publisherId, usePolling()));
  const offers = query.data?.data;
  const { view, setView } = useListView(APPROVALS_LIST);
  const { changed, announcement } = useLiveChanges(offers, touchesQueue);
  const requests = useGoLiveRequests(offers);
  const queue = useMemo(
    () => offers?.filter((o) => o.indicator === "awaitingSignoff" || requests.map.get(o.id)?.state === "pending"),
    [offers, requests.map],
  );
  const list = useOfferList(queue, view, "type");
  const filtering = view.q.trim() !== "" || view.type.length > 0;

  return (
    <div className="flex flex-col gap-5">
      <PageHeader
        title="Approvals"
        description="Offers awaiting your sign-off, longest wait first. Review each preview, then Go live."
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
      <QueueNotices publisherId={publisherId} {...requests.notices} />
      {query.isError && !offers ? (
        <ListError title="The queue could not be loaded" error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <>
          <ApprovalsToolbar
            view={view}
            typeCounts={list.counts}
            total={list.textMatches}
            onQuery={(q) => setView({ ...view, q, page: 1 }, "replace")}
            onType={(type) => setView({ ...view, type, page: 1 })}
          />
          <section
            aria-label="Sign-off queue"
            aria-busy={query.isPending}
            className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm"
          >
            {query.isPending ? (
              <p role="status" className="sr-only">
                Loading the queue…
              </p>
            ) : null}
            <ApprovalsTable
              publisherId={publisherId}
              rows={queue ? list.page.items : null}
              view={view}
              requests={requests.map}
              changed={changed}
              onSort={(key) => setView(toggleSort(view, key))}
              onRequest={requests.onRequest}
              onResult={requests.onResult}
              caption={`Offers of publisher ${publisherId} awaiting sign-off; page ${list.page.page} of ${list.page.pageCount}`}
              empty={
                filtering ? (
                  <EmptyRow columns={APPROVAL_COLUMNS} title="No offers in the queue match these filters">
                    <button
                      type="button"
                      onClick={() => setView({ ...view, q: "", type: [], page: 1 })}
                      className="text-brand-700 font-medium underline"
                    >
                      Clear the filters
                    </button>
                  </EmptyRow>
                ) : (
                  <EmptyRow columns={APPROVAL_COLUMNS} icon="check" title="No offers await sign-off">
                    Offers appear here when Microsoft&apos;s checks are done and their preview is ready for your review.{" "}
                    <Link
                      href={`/publishers/${encodeURIComponent(publisherId)}/offers`}
                      className="text-brand-700 underline"
                    >
                      See all offers
                    </Link>
                  </EmptyRow>
                )
              }
            />
            {queue ? (
              <Pagination
                page={list.page}
                size={view.size}
                noun={["offer awaiting sign-off", "offers awaiting sign-off"]}
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
