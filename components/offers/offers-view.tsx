"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";

import { usePolling } from "@/app/providers";
import { ErrorPanel } from "@/components/ui/error-panel";
import { queries } from "@/lib/queries";

export function OffersView({ publisherId }: { publisherId: string }) {
  const polling = usePolling();
  const { data, error, isPending } = useQuery(queries.offers(publisherId, polling));

  if (isPending) return <p role="status">Loading offers…</p>;
  if (error && !data) return <ErrorPanel title="The offers could not be loaded" message={error.message} />;
  const offers = data?.data ?? [];
  return (
    <section aria-labelledby="offers-heading">
      <h1 id="offers-heading" className="mb-4 text-2xl font-semibold">
        All offers
      </h1>
      <table className="w-full border-collapse bg-white text-sm">
        <thead>
          <tr className="border-b text-left">
            <th scope="col" className="p-2">
              Name
            </th>
            <th scope="col" className="p-2">
              Offer id
            </th>
            <th scope="col" className="p-2">
              Type
            </th>
            <th scope="col" className="p-2">
              Status
            </th>
          </tr>
        </thead>
        <tbody>
          {offers.map((offer) => (
            <tr key={offer.id} className="border-b">
              <td className="p-2">{offer.name}</td>
              <td className="p-2 font-mono">{offer.id}</td>
              <td className="p-2">{offer.offerTypeId}</td>
              <td className="p-2">
                <Link
                  href={`/publishers/${encodeURIComponent(publisherId)}/offers/${encodeURIComponent(offer.id)}/status`}
                >
                  {offer.indicator}
                </Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
