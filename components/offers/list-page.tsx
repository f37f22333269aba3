"use client";

import { useQuery, type UseQueryResult } from "@tanstack/react-query";
import type { ReactNode } from "react";

import { usePolling } from "@/components/providers";
import { FreshnessBar } from "@/components/ui/freshness-bar";
import { LiveRegion } from "@/components/ui/live-region";
import { queries, requestRefresh } from "@/lib/queries";
import type { ApiResponse, OfferSummary } from "@/lib/schemas/model";
import type { Announcement } from "@/lib/use-live-changes";

import { ListError } from "./list-error";
import { PageHeader } from "./page-header";

export type OffersQuery = UseQueryResult<ApiResponse<OfferSummary[]>, Error>;

/** The publisher's offers, polled: the one source of All offers and Approvals. */
export function useOffersQuery(publisherId: string): OffersQuery {
  return useQuery(queries.offers(publisherId, usePolling()));
}

interface ListPageProps {
  title: string;
  description: string;
  query: OffersQuery;
  announcement: Announcement | null;
  /** The heading of the error shown when the first load fails. */
  errorTitle: string;
  /** Beside the title's freshness (All offers' "Watch" on the publisher). */
  actions?: ReactNode;
  /** Between the header and the list (Approvals' Go live notices). */
  notices?: ReactNode;
  /** The toolbar and the list, shown once there is data or while it loads. */
  children: ReactNode;
}

/**
 * The frame both offer lists share: title and freshness, the polite live region for
 * transitions, and the first load's failure in place of the list.
 */
export function ListPage({
  title,
  description,
  query,
  announcement,
  errorTitle,
  actions,
  notices,
  children,
}: ListPageProps) {
  const hasData = query.data !== undefined;
  const refetch = () => void query.refetch();
  // Refresh now: the server reads the upstream rather than its record.
  const refreshNow = () => {
    requestRefresh("offers");
    refetch();
  };
  return (
    <div className="flex min-w-0 flex-col gap-5">
      <PageHeader title={title} description={description}>
        <div className="flex flex-wrap items-end gap-3">
          {actions}
          <FreshnessBar
            fetchedAt={query.data?.fetchedAt ?? null}
            error={query.error}
            isFetching={query.isFetching}
            hasData={hasData}
            onRefresh={refreshNow}
          />
        </div>
      </PageHeader>
      <LiveRegion announcement={announcement} />
      {notices}
      {query.isError && !hasData ? <ListError title={errorTitle} error={query.error} onRetry={refetch} /> : children}
    </div>
  );
}
