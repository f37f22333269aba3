"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";

import { usePolling } from "@/components/providers";
import { ExactTime } from "@/components/history/exact-time";
import { PageHeader } from "@/components/offers/page-header";
import { ErrorPanel } from "@/components/ui/error-panel";
import { QueryFreshnessBar } from "@/components/ui/freshness-bar";
import { ApiError } from "@/lib/api-client";
import { queries } from "@/lib/queries";
import { ACTIVITY_ACTIONS, ACTIVITY_OUTCOMES } from "@/lib/schemas/activity";
import { joinErrorText, useErrorText } from "@/lib/use-error-text";

import { ActivityFilters } from "./activity-filters";

const card = "min-w-0 rounded-lg border border-slate-200 bg-white p-3 shadow-sm sm:p-4";

/** The audit of Go live / Cancel publish across publishers, filtered by the URL, with CSV export. */
export function ActivityView({
  search,
  filters,
  invalid,
}: {
  search: string;
  filters: Record<string, string>;
  invalid: string | null;
}) {
  const t = useTranslations("history.activity");
  const changes = useTranslations("history.changes");
  const errorText = useErrorText();
  const query = useQuery({ ...queries.activity(search, usePolling()), enabled: invalid === null });
  const entries = query.data?.data ?? [];
  const csvHref = `/api/activity?${search ? `${search}&` : ""}format=csv`;
  const outcomeText = (o: string) =>
    (ACTIVITY_OUTCOMES as readonly string[]).includes(o)
      ? changes(`outcomes.${o as (typeof ACTIVITY_OUTCOMES)[number]}`)
      : o;
  const actionText = (a: string) =>
    (ACTIVITY_ACTIONS as readonly string[]).includes(a)
      ? changes(`actions.${a as (typeof ACTIVITY_ACTIONS)[number]}`)
      : a;
  return (
    <div className="flex min-w-0 flex-col gap-5">
      <PageHeader title={t("title")} description={t("description")}>
        <QueryFreshnessBar query={query} />
      </PageHeader>
      <ActivityFilters filters={filters} />
      {invalid ? (
        <ErrorPanel title={t("loadFailed")} message={invalid} code="invalid_query" />
      ) : query.isPending ? (
        <p role="status" className="text-sm text-slate-600">
          {t("loading")}
        </p>
      ) : !query.data ? (
        <ErrorPanel
          title={t("loadFailed")}
          message={joinErrorText(errorText(query.error))}
          code={query.error instanceof ApiError ? query.error.code : undefined}
        />
      ) : (
        <section aria-labelledby="activity-heading" className={card}>
          <div className="flex flex-wrap items-center justify-between gap-2">
            <h2 id="activity-heading" className="text-lg font-semibold">
              {t("count", { count: entries.length })}
            </h2>
            <a
              href={csvHref}
              download
              className="rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50"
            >
              {t("downloadCsv")}
            </a>
          </div>
          {entries.length === 0 ? (
            <p className="mt-3 text-sm text-slate-600">{search ? t("empty") : t("emptyAll")}</p>
          ) : (
            // Focusable, so the keyboard can scroll it: on a phone the table scrolls sideways.
            <div className="mt-3 overflow-x-auto" tabIndex={0}>
              <table className="w-full min-w-[48rem] text-left text-sm" data-testid="activity-table">
                <thead>
                  <tr className="border-b border-slate-200 text-slate-600">
                    {(["time", "action", "offer", "user", "outcome", "detail"] as const).map((c) => (
                      <th key={c} scope="col" className="py-2 pr-4 font-medium">
                        {t(`columns.${c}`)}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {entries.map((e) => (
                    <tr key={e.id} className="border-b border-slate-100 align-top" data-outcome={e.outcome}>
                      <td className="py-2 pr-4 whitespace-nowrap">
                        <ExactTime value={e.at} />
                      </td>
                      <td className="py-2 pr-4">{actionText(e.action)}</td>
                      <td className="py-2 pr-4">
                        <Link
                          href={`/publishers/${encodeURIComponent(e.publisherId)}/offers/${encodeURIComponent(e.offerId)}/history`}
                          className="text-brand-700 font-mono wrap-anywhere underline-offset-2 hover:underline"
                        >
                          {e.offerId}
                        </Link>
                        <span className="block text-xs text-slate-600">{e.publisherId}</span>
                      </td>
                      <td className="py-2 pr-4 wrap-anywhere">{e.user ?? "–"}</td>
                      <td className="py-2 pr-4">{outcomeText(e.outcome)}</td>
                      <td className="py-2 text-slate-700">
                        {[
                          e.code ? t("code", { code: e.code }) : null,
                          e.upstreamStatus ? t("upstream", { status: e.upstreamStatus }) : null,
                          e.acknowledgedErrors ? t("acknowledged", { count: e.acknowledgedErrors }) : null,
                        ]
                          .filter(Boolean)
                          .join(" · ") || "–"}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      )}
    </div>
  );
}
