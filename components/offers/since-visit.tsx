"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useMemo } from "react";

import { usePolling } from "@/components/providers";
import { RelativeTime } from "@/components/ui/relative-time";
import { queries } from "@/lib/queries";

export interface SinceVisit {
  /** Offers (lower-case ids) changed since the user's last visit. */
  ids: ReadonlySet<string>;
  /** The end of the last visit; null on a first visit or without a store. */
  since: string | null;
}

const NONE: ReadonlySet<string> = new Set();

/** This visit to All offers, recorded by the server, and what changed since the last one. */
export function useSinceVisit(publisherId: string): SinceVisit {
  const { data } = useQuery(queries.visit(publisherId, usePolling()));
  const visit = data?.data;
  const ids = useMemo(() => (visit ? new Set(visit.changed.map((c) => c.offerId)) : NONE), [visit]);
  return { ids, since: visit?.since ?? null };
}

export const changedSinceVisit = (sinceVisit: SinceVisit, offerId: string): boolean =>
  sinceVisit.ids.has(offerId.toLowerCase());

/** "4 offers changed since your last visit (3 hours ago)": above the list, when there are any. */
export function SinceVisitSummary({ sinceVisit }: { sinceVisit: SinceVisit }) {
  const t = useTranslations("offers.sinceVisit");
  if (!sinceVisit.since || sinceVisit.ids.size === 0) return null;
  return (
    <p data-testid="since-visit" className="flex flex-wrap items-center gap-x-2 text-sm text-slate-700">
      <Dot />
      <span>{t("summary", { count: sinceVisit.ids.size })}</span>
      <span className="text-slate-500">
        {t("lastVisit")} <RelativeTime value={sinceVisit.since} />
      </span>
    </p>
  );
}

/** The mark beside an offer's name: changed since the user's last visit. */
export function SinceVisitMark() {
  const t = useTranslations("offers.sinceVisit");
  return (
    <span
      data-testid="since-visit-mark"
      title={t("markTitle")}
      className="ml-2 inline-flex items-center gap-1 rounded-full bg-blue-50 px-2 py-0.5 align-middle text-xs font-medium whitespace-nowrap text-blue-800 ring-1 ring-blue-200"
    >
      <Dot />
      {t("mark")}
      <span className="sr-only">{t("markTitle")}</span>
    </span>
  );
}

const Dot = () => <span aria-hidden className="size-1.5 shrink-0 rounded-full bg-blue-600" />;
