"use client";

import { useQuery } from "@tanstack/react-query";

import { ErrorPanel } from "@/components/ui/error-panel";
import { RelativeTime } from "@/components/ui/relative-time";
import { ApiError } from "@/lib/api-client";
import { queries } from "@/lib/queries";

/** The Details tab: the offer's basic definition, read-only (editing stays in Partner Center). */
export function OfferDetailsView({ publisherId, offerId }: { publisherId: string; offerId: string }) {
  const { data, error, isPending, refetch } = useQuery(queries.offer(publisherId, offerId));
  if (isPending) {
    return (
      <p role="status" className="text-sm text-slate-600">
        Loading the offer&apos;s details…
      </p>
    );
  }
  if (!data) {
    const notFound = error instanceof ApiError && error.status === 404;
    return (
      <ErrorPanel
        title={notFound ? "Offer not found" : "The offer's details could not be loaded"}
        message={notFound ? `There is no offer "${offerId}" under publisher "${publisherId}".` : error.message}
        code={error instanceof ApiError ? error.code : undefined}
        action={
          notFound ? null : (
            <button
              type="button"
              onClick={() => void refetch()}
              className="rounded-md border border-red-300 bg-white px-3 py-1.5 text-sm"
            >
              Try again
            </button>
          )
        }
      />
    );
  }
  const offer = data.data;
  return (
    <div className="space-y-5">
      <section aria-labelledby="listing-heading" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
        <h2 id="listing-heading" className="text-lg font-semibold">
          Listing
        </h2>
        <dl className="mt-3 grid gap-x-6 gap-y-3 text-sm sm:grid-cols-[10rem_1fr]">
          <dt className="text-slate-600">Title</dt>
          <dd className="text-slate-900">{offer.title ?? "Not set"}</dd>
          <dt className="text-slate-600">Summary</dt>
          <dd className="text-slate-900">{offer.summary ?? "Not set"}</dd>
          <dt className="text-slate-600">Last changed</dt>
          <dd className="text-slate-900">{offer.changedTime ? <RelativeTime value={offer.changedTime} /> : "–"}</dd>
        </dl>
      </section>
      <section aria-labelledby="plans-heading" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
        <h2 id="plans-heading" className="text-lg font-semibold">
          Plans ({offer.plans.length})
        </h2>
        {offer.plans.length === 0 ? (
          <p className="mt-2 text-sm text-slate-600">This offer has no plans yet.</p>
        ) : (
          <table className="mt-3 w-full text-left text-sm">
            <thead>
              <tr className="border-b border-slate-200 text-slate-600">
                <th scope="col" className="py-2 pr-4 font-medium">
                  Plan id
                </th>
                <th scope="col" className="py-2 font-medium">
                  Title
                </th>
              </tr>
            </thead>
            <tbody>
              {offer.plans.map((plan) => (
                <tr key={plan.id} className="border-b border-slate-100 last:border-0">
                  <td className="py-2 pr-4 font-mono text-slate-800">{plan.id}</td>
                  <td className="py-2 text-slate-900">{plan.title ?? "–"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
