"use client";

import { useTranslations } from "next-intl";

import { isFatal } from "@/lib/queries";
import { joinErrorText, useErrorText } from "@/lib/use-error-text";
import { useNow } from "@/lib/use-now";

import { Icon } from "./icon";
import { RelativeTime } from "./relative-time";

interface FreshnessBarProps {
  /** When the upstream data on screen was fetched (server's fetchedAt), or null before any data. */
  fetchedAt: string | null;
  error: Error | null;
  isFetching: boolean;
  /** Whether data is on screen (an error then makes it stale rather than missing). */
  hasData: boolean;
  onRefresh: () => void;
}

/** A fetch cannot happen in the future: a later time is clock skew between server and browser. */
function notInFuture(fetchedAt: string, now: number): string | number {
  const at = Date.parse(fetchedAt);
  return Number.isNaN(at) || at <= now ? fetchedAt : now;
}

/** Honest freshness: how old the data is, why it is stale, and a way to refresh now. */
export function FreshnessBar({ fetchedAt, error, isFetching, hasData, onRefresh }: FreshnessBarProps) {
  const t = useTranslations("common.freshness");
  const errorText = useErrorText();
  const now = useNow();
  const stale = Boolean(error) && hasData;
  return (
    <div className="flex flex-wrap items-center gap-3 text-sm text-slate-600" data-testid="freshness">
      <span>
        {fetchedAt
          ? t.rich("updated", { time: () => <RelativeTime value={notInFuture(fetchedAt, now)} /> })
          : t("notLoaded")}
      </span>
      {stale ? (
        <span
          role="status"
          data-testid="stale-badge"
          className="inline-flex items-center gap-1 rounded-full bg-amber-100 px-2 py-0.5 text-xs font-medium text-amber-900 ring-1 ring-amber-400 ring-inset"
        >
          <Icon name="warning" className="h-3.5 w-3.5" />
          {t("stale", { reason: joinErrorText(errorText(error)) })}
          {isFatal(error) ? ` ${t("paused")}` : null}
        </span>
      ) : null}
      {/* Never disabled and never relabelled: background polls would otherwise flicker it and
          pull keyboard focus off it. The icon spins while a refresh runs. */}
      <button
        type="button"
        onClick={onRefresh}
        aria-busy={isFetching}
        className="inline-flex items-center gap-1 rounded-md border border-slate-300 bg-white px-2.5 py-1 text-slate-800 hover:bg-slate-50"
      >
        <Icon name={isFetching ? "spinner" : "refresh"} />
        {t("refresh")}
      </button>
    </div>
  );
}

interface FreshQuery {
  data: { fetchedAt: string } | undefined;
  error: Error | null;
  isFetching: boolean;
  refetch: () => unknown;
}

/** The freshness of one query's data, refreshed by refetching it (the pages across publishers). */
export function QueryFreshnessBar({ query }: { query: FreshQuery }) {
  return (
    <FreshnessBar
      fetchedAt={query.data?.fetchedAt ?? null}
      error={query.error}
      isFetching={query.isFetching}
      hasData={query.data !== undefined}
      onRefresh={() => void query.refetch()}
    />
  );
}
