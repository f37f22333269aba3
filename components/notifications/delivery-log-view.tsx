"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";

import { usePolling } from "@/components/providers";
import { ExactTime } from "@/components/history/exact-time";
import { PageHeader } from "@/components/offers/page-header";
import { ErrorPanel } from "@/components/ui/error-panel";
import { QueryFreshnessBar } from "@/components/ui/freshness-bar";
import { ApiError } from "@/lib/api-client";
import { formatExact } from "@/lib/format";
import { queries } from "@/lib/queries";
import { joinErrorText, useErrorText } from "@/lib/use-error-text";

import { ChannelList } from "./channel-list";
import { offerStatusHref } from "./offer-href";
import { useEventText } from "./use-event-text";

const card = "min-w-0 rounded-lg border border-slate-200 bg-white p-3 shadow-sm sm:p-4";
const COLUMNS = ["event", "offer", "channel", "state", "attempts", "lastAttempt", "lastResult"] as const;

/** For operators: the channels' states and each delivery (event × channel), newest first. */
export function DeliveryLogView() {
  const t = useTranslations("notifications.deliveries");
  const errorText = useErrorText();
  const eventText = useEventText();
  const locale = useLocale();
  const query = useQuery(queries.deliveries(usePolling()));
  const log = query.data?.data;
  return (
    <div className="flex min-w-0 flex-col gap-5">
      <PageHeader title={t("title")} description={t("description")}>
        <QueryFreshnessBar query={query} />
      </PageHeader>
      {query.isPending ? (
        <p role="status" className="text-sm text-slate-600">
          {t("loading")}
        </p>
      ) : !log ? (
        <ErrorPanel
          title={t("loadFailed")}
          message={joinErrorText(errorText(query.error))}
          code={query.error instanceof ApiError ? query.error.code : undefined}
        />
      ) : (
        <>
          <ChannelList channels={log.channels} />
          <section aria-labelledby="deliveries-heading" className={card}>
            <h2 id="deliveries-heading" className="text-lg font-semibold">
              {t("tableHeading", { count: log.deliveries.length })}
            </h2>
            {log.deliveries.length === 0 ? (
              <p className="mt-3 text-sm text-slate-600">{t("empty")}</p>
            ) : (
              <div className="mt-3 overflow-x-auto" tabIndex={0}>
                <table className="w-full min-w-[48rem] text-left text-sm" data-testid="deliveries-table">
                  <thead>
                    <tr className="border-b border-slate-200 text-slate-600">
                      {COLUMNS.map((c) => (
                        <th key={c} scope="col" className="py-2 pr-4 font-medium">
                          {t(`columns.${c}`)}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {log.deliveries.map((d) => (
                      <tr key={`${d.eventId}-${d.channel}`} className="border-b border-slate-100 align-top">
                        <td className="py-2 pr-4">
                          {eventText.title(d.event)}
                          <span className="block text-xs text-slate-600">
                            <ExactTime value={d.occurredAt} />
                          </span>
                        </td>
                        <td className="py-2 pr-4">
                          <Link
                            href={offerStatusHref(d.publisherId, d.offerId)}
                            className="text-brand-700 font-mono wrap-anywhere underline-offset-2 hover:underline"
                          >
                            {d.offerId}
                          </Link>
                          <span className="block text-xs text-slate-600">{d.publisherId}</span>
                        </td>
                        <td className="py-2 pr-4">{t(`channels.${d.channel}`)}</td>
                        <td className="py-2 pr-4" data-state={d.state}>
                          {t(`states.${d.state}`)}
                          {d.nextAttemptAt ? (
                            <span className="block text-xs text-slate-600">
                              {t("nextAttempt", { at: formatExact(Date.parse(d.nextAttemptAt), locale) })}
                            </span>
                          ) : null}
                        </td>
                        <td className="py-2 pr-4 tabular-nums">{d.attempts}</td>
                        <td className="py-2 pr-4 whitespace-nowrap">
                          {d.lastAttemptAt ? <ExactTime value={d.lastAttemptAt} /> : t("never")}
                        </td>
                        <td className="py-2 wrap-anywhere text-slate-700">{d.lastResult ?? "–"}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>
        </>
      )}
    </div>
  );
}
