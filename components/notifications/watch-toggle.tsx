"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";

import { Icon } from "@/components/ui/icon";
import { putWatch, queries, queryKeys } from "@/lib/queries";
import type { Watches } from "@/lib/schemas/inbox";
import type { ApiResponse } from "@/lib/schemas/model";
import { joinErrorText, useErrorText } from "@/lib/use-error-text";

function isWatching(watches: Watches | undefined, publisherId: string, offerId: string | null): boolean {
  const p = publisherId.toLowerCase();
  if (!watches) return false;
  if (offerId === null) return watches.publishers.includes(p);
  const o = offerId.toLowerCase();
  return watches.offers.some((w) => w.publisherId === p && w.offerId === o);
}

function withWatch(watches: Watches, publisherId: string, offerId: string | null, on: boolean): Watches {
  const p = publisherId.toLowerCase();
  if (offerId === null) {
    const publishers = watches.publishers.filter((x) => x !== p);
    return { ...watches, publishers: on ? [...publishers, p] : publishers };
  }
  const o = offerId.toLowerCase();
  const offers = watches.offers.filter((w) => !(w.publisherId === p && w.offerId === o));
  return { ...watches, offers: on ? [...offers, { publisherId: p, offerId: o }] : offers };
}

/**
 * "Watch" / "Watching" on an offer (offerId) or a whole publisher (offerId null): a toggle
 * button that changes at once and goes back, saying why, if the server refuses.
 */
export function WatchToggle({ publisherId, offerId = null }: { publisherId: string; offerId?: string | null }) {
  const t = useTranslations("notifications.watch");
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const watches = useQuery(queries.watches());
  const key = queryKeys.watches();
  const change = useMutation({
    mutationFn: (on: boolean) => putWatch(on, publisherId, offerId),
    onMutate: async (on) => {
      await queryClient.cancelQueries({ queryKey: key });
      const previous = queryClient.getQueryData<ApiResponse<Watches>>(key);
      if (previous)
        queryClient.setQueryData(key, { ...previous, data: withWatch(previous.data, publisherId, offerId, on) });
      return { previous };
    },
    onError: (_error, _on, context) => {
      if (context?.previous) queryClient.setQueryData(key, context.previous);
    },
    onSuccess: (fresh) => {
      queryClient.setQueryData(key, fresh);
      void queryClient.invalidateQueries({ queryKey: queryKeys.inbox() });
    },
  });
  // Without the dashboard's database there is nothing to watch with (the pages say so).
  if (watches.isError && !watches.data) return null;
  const watching = isWatching(watches.data?.data, publisherId, offerId);
  return (
    <div className="flex flex-col items-start gap-1">
      <button
        type="button"
        aria-pressed={watching}
        disabled={!watches.data}
        title={offerId === null ? t("publisher", { publisherId }) : t("offer")}
        onClick={() => change.mutate(!watching)}
        data-testid={offerId === null ? "watch-publisher" : "watch-offer"}
        className={`flex min-h-9 items-center gap-1.5 rounded-md border px-3 py-1.5 text-sm font-medium ${watching ? "border-sky-700 bg-sky-50 text-sky-900" : "border-slate-300 text-slate-800 hover:bg-slate-50"} disabled:border-slate-200 disabled:text-slate-600`}
      >
        <Icon name={watching ? "eye" : "bell"} />
        {watching ? t("watching") : t("watch")}
      </button>
      {change.isError ? (
        <p role="alert" className="text-xs text-red-900">
          {t("failed", { reason: joinErrorText(errorText(change.error)) })}
        </p>
      ) : null}
    </div>
  );
}
