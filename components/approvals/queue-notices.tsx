"use client";

import Link from "next/link";
import { useEffect, useRef } from "react";

import { statusHref } from "@/components/offers/row-click";
import { Icon } from "@/components/ui/icon";
import { IndicatorBadge } from "@/components/ui/status-badges";
import type { OfferSummary } from "@/lib/schemas/model";

export interface ActionNotice {
  seq: number;
  ok: boolean;
  text: string;
}

const dismissClass = "rounded-md px-2 py-1 text-sm font-medium underline-offset-2 hover:underline";

/**
 * The visible side of Go live: the request's result, in a polite status region that is
 * always in the DOM (so it is read when the result arrives), and the offers that left the
 * queue after it with where they went, so nothing vanishes silently (the page's live region
 * announces that move).
 */
export function QueueNotices(props: {
  publisherId: string;
  notice: ActionNotice | null;
  departed: readonly { offerId: string; name: string; now: OfferSummary | undefined }[];
  onDismissNotice: () => void;
  onDismissDeparted: (offerId: string) => void;
}) {
  const { publisherId, notice, departed, onDismissNotice, onDismissDeparted } = props;
  const ref = useRef<HTMLDivElement>(null);
  // The Go live button is gone once the request is accepted: focus lands on its result.
  useEffect(() => {
    if (notice?.ok) ref.current?.focus();
  }, [notice]);

  // A fragment: an empty region is display:none and takes no gap in the page's layout.
  return (
    <>
      <div role="status" className="empty:hidden">
        {notice ? (
          <div
            ref={ref}
            tabIndex={-1}
            className={`flex items-start gap-2 rounded-lg border p-3 text-sm ${notice.ok ? "border-blue-300 bg-blue-50 text-blue-900" : "border-red-300 bg-red-50 text-red-900"}`}
          >
            <Icon name={notice.ok ? "clock" : "cross"} className="mt-0.5 h-4 w-4" />
            <p className="flex-1">{notice.text}</p>
            <button type="button" onClick={onDismissNotice} className={dismissClass}>
              Dismiss<span className="sr-only"> this message</span>
            </button>
          </div>
        ) : null}
      </div>
      {departed.map((d) => (
        <div
          key={d.offerId}
          role="group"
          aria-label={`${d.name} left the queue`}
          className="flex flex-wrap items-center gap-2 rounded-lg border border-green-300 bg-green-50 p-3 text-sm text-green-950"
        >
          <Icon name="check" className="h-4 w-4" />
          <p className="flex flex-1 flex-wrap items-center gap-x-2 gap-y-1">
            <span>
              <strong className="font-semibold">{d.name}</strong> has left the queue
              {d.now ? "; it is now" : "."}
            </span>
            {d.now ? <IndicatorBadge indicator={d.now.indicator} rawStatus={d.now.status.raw} /> : null}
            <Link href={statusHref(publisherId, d.offerId)} prefetch={false} className="font-medium underline">
              Open its status
            </Link>
          </p>
          <button type="button" onClick={() => onDismissDeparted(d.offerId)} className={dismissClass}>
            Dismiss<span className="sr-only"> the note about {d.name}</span>
          </button>
        </div>
      ))}
    </>
  );
}
