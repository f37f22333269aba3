"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";

import { ErrorPanel } from "@/components/ui/error-panel";
import { RelativeTime } from "@/components/ui/relative-time";
import { ApiError } from "@/lib/api-client";
import { queries } from "@/lib/queries";
import { joinErrorText, useErrorText } from "@/lib/use-error-text";

const card = "min-w-0 rounded-lg border border-slate-200 bg-white p-3 shadow-sm sm:p-4";

/** The Details tab: the offer's basic definition, read-only (editing stays in Partner Center). */
export function OfferDetailsView({ publisherId, offerId }: { publisherId: string; offerId: string }) {
  const t = useTranslations("status");
  const errorText = useErrorText();
  const { data, error, isPending, refetch } = useQuery(queries.offer(publisherId, offerId));
  if (isPending) {
    return (
      <p role="status" className="text-sm text-slate-600">
        {t("details.loading")}
      </p>
    );
  }
  if (!data) {
    const notFound = error instanceof ApiError && error.status === 404;
    return (
      <ErrorPanel
        title={notFound ? t("errors.notFoundTitle") : t("errors.detailsTitle")}
        message={notFound ? t("errors.notFound", { offerId, publisherId }) : joinErrorText(errorText(error))}
        code={error instanceof ApiError ? error.code : undefined}
        action={
          notFound ? null : (
            <button
              type="button"
              onClick={() => void refetch()}
              className="rounded-md border border-red-300 bg-white px-3 py-1.5 text-sm"
            >
              {t("errors.tryAgain")}
            </button>
          )
        }
      />
    );
  }
  const offer = data.data;
  return (
    <div className="space-y-5">
      <section aria-labelledby="listing-heading" className={card}>
        <h2 id="listing-heading" className="text-lg font-semibold">
          {t("details.listing")}
        </h2>
        <dl className="mt-3 grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[10rem_1fr] sm:gap-y-3">
          <dt className="text-slate-600">{t("details.title")}</dt>
          <dd className="mb-2 wrap-anywhere text-slate-900 sm:mb-0">{offer.title ?? t("details.notSet")}</dd>
          <dt className="text-slate-600">{t("details.summary")}</dt>
          <dd className="mb-2 wrap-anywhere text-slate-900 sm:mb-0">{offer.summary ?? t("details.notSet")}</dd>
          <dt className="text-slate-600">{t("details.lastChanged")}</dt>
          <dd className="text-slate-900">{offer.changedTime ? <RelativeTime value={offer.changedTime} /> : "–"}</dd>
        </dl>
      </section>
      <section aria-labelledby="plans-heading" className={card}>
        <h2 id="plans-heading" className="text-lg font-semibold">
          {t("details.plans", { count: offer.plans.length })}
        </h2>
        {offer.plans.length === 0 ? (
          <p className="mt-2 text-sm text-slate-600">{t("details.noPlans")}</p>
        ) : (
          <table className="mt-3 w-full table-fixed text-left text-sm">
            <thead>
              <tr className="border-b border-slate-200 text-slate-600">
                <th scope="col" className="w-2/5 py-2 pr-4 font-medium">
                  {t("details.planId")}
                </th>
                <th scope="col" className="py-2 font-medium">
                  {t("details.planTitle")}
                </th>
              </tr>
            </thead>
            <tbody>
              {offer.plans.map((plan) => (
                <tr key={plan.id} className="border-b border-slate-100 last:border-0">
                  <td className="py-2 pr-4 align-top font-mono wrap-anywhere text-slate-800">{plan.id}</td>
                  <td className="py-2 align-top wrap-anywhere text-slate-900">{plan.title ?? "–"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
