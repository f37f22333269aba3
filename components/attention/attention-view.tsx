"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";

import { usePolling } from "@/components/providers";
import { PageHeader } from "@/components/offers/page-header";
import { ErrorPanel } from "@/components/ui/error-panel";
import { QueryFreshnessBar } from "@/components/ui/freshness-bar";
import { IndicatorIcon } from "@/components/ui/status-badges";
import { ApiError } from "@/lib/api-client";
import { formatExact } from "@/lib/format";
import { queries } from "@/lib/queries";
import { ATTENTION_REASONS, type AttentionItem } from "@/lib/schemas/history";
import { joinErrorText, useErrorText } from "@/lib/use-error-text";

const card = "min-w-0 rounded-lg border border-slate-200 bg-white p-3 shadow-sm sm:p-4";

/** The cross-publisher queue: each reason a group, longest waiting first. */
export function AttentionView() {
  const t = useTranslations("history.attention");
  const errorText = useErrorText();
  const query = useQuery(queries.attention(usePolling()));
  const items = query.data?.data ?? [];
  return (
    <div className="flex min-w-0 flex-col gap-5">
      <PageHeader title={t("title")} description={t("description")}>
        <QueryFreshnessBar query={query} />
      </PageHeader>
      {query.isPending ? (
        <p role="status" className="text-sm text-slate-600">
          {t("loading")}
        </p>
      ) : !query.data ? (
        <ErrorPanel
          title={t("loadFailed")}
          message={joinErrorText(errorText(query.error))}
          code={query.error instanceof ApiError ? query.error.code : undefined}
        />
      ) : items.length === 0 ? (
        <p className={`${card} text-sm text-slate-700`} data-testid="attention-empty">
          {t("empty")}
        </p>
      ) : (
        ATTENTION_REASONS.map((reason) => {
          const group = items.filter((i) => i.reason === reason);
          if (group.length === 0) return null;
          return (
            <section key={reason} aria-labelledby={`attention-${reason}`} className={card} data-reason={reason}>
              <h2 id={`attention-${reason}`} className="text-lg font-semibold">
                {t("group", { reason: t(`reasons.${reason}`), count: group.length })}
              </h2>
              <ul className="mt-2 divide-y divide-slate-100">
                {group.map((item) => (
                  <AttentionRow key={`${item.publisherId}/${item.offerId}`} item={item} />
                ))}
              </ul>
            </section>
          );
        })
      )}
    </div>
  );
}

function AttentionRow({ item }: { item: AttentionItem }) {
  const t = useTranslations("history.attention");
  const locale = useLocale();
  const href = `/publishers/${encodeURIComponent(item.publisherId)}/offers/${encodeURIComponent(item.offerId)}/status`;
  const issues = t("issues", {
    errors: item.errorCount,
    warnings: item.warningCount,
    both: item.errorCount > 0 && item.warningCount > 0 ? "yes" : "no",
  });
  return (
    <li className="flex flex-col gap-1 py-2 sm:flex-row sm:items-baseline sm:gap-4" data-testid="attention-item">
      <span className="flex min-w-0 items-center gap-2 sm:w-80">
        <IndicatorIcon indicator={item.indicator} />
        <Link href={href} className="text-brand-700 font-medium wrap-anywhere underline-offset-2 hover:underline">
          {item.offerName}
        </Link>
      </span>
      <span className="text-sm text-slate-700 sm:w-48">
        <span className="sr-only">{t("publisher")}: </span>
        {item.publisherName}
      </span>
      <span className="min-w-0 flex-1 text-sm text-slate-700">
        {item.stepName ? t("step", { step: item.stepName }) : null}
        {item.estimate && item.reason === "overdue" ? <> · {t("estimate", { estimate: item.estimate })}</> : null}
        {issues ? <> · {issues}</> : null}
      </span>
      {item.since ? (
        <span className="text-sm text-slate-600">
          {t("since", { time: formatExact(Date.parse(item.since), locale) })}
        </span>
      ) : null}
    </li>
  );
}
