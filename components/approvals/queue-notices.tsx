"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useEffect, useRef, type ReactNode } from "react";

import { statusHref } from "@/components/offers/row-click";
import { Icon } from "@/components/ui/icon";
import { IndicatorBadge } from "@/components/ui/status-badges";
import type { OfferSummary } from "@/lib/schemas/model";
import { joinErrorText, useErrorText } from "@/lib/use-error-text";

/**
 * A Go live request's result, put in words here: accepted (tracking), checking (sent, outcome
 * unknown), did not go through, could not be checked, information (already live or going
 * live, another request in flight), or refused with its error.
 */
export type ActionNotice = {
  seq: number;
  offerId: string;
  name: string;
  body:
    { kind: "accepted" | "checking" | "notApplied" | "undetermined" } | { kind: "info" | "refused"; error: unknown };
};

const dismissClass = "min-h-6 rounded-md px-2 py-1 text-sm font-medium underline-offset-2 hover:underline";
const hidden = (chunks: ReactNode) => <span className="sr-only">{chunks}</span>;
const strong = (chunks: ReactNode) => <strong className="font-semibold">{chunks}</strong>;

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
  const t = useTranslations("approvals.notices");
  const errorText = useErrorText();
  const ref = useRef<HTMLDivElement>(null);
  const departedRefs = useRef(new Map<string, HTMLDivElement>());
  // One banner per outcome: once the accepted offer has left the queue, its departure note
  // says all there is, and the "accepted" notice gives way to it.
  const succeededBy = notice?.body.kind === "accepted" ? departed.find((d) => d.offerId === notice.offerId) : undefined;
  const shown = succeededBy ? null : notice;
  // The Go live button is gone once the request is accepted (or being checked): focus lands on
  // its result, and follows it to the departure note when the notice gives way.
  useEffect(() => {
    if (shown?.body.kind === "accepted" || shown?.body.kind === "checking") ref.current?.focus();
  }, [shown]);
  // When an offer this tab sent live leaves the queue, its row (and button) go away: focus
  // follows to its departure note rather than falling to the page (whether the "accepted"
  // notice gave way to the note or already retired).
  const newest = departed.at(-1)?.offerId;
  useEffect(() => {
    if (!newest) return;
    const active = document.activeElement;
    if (active === null || active === document.body) departedRefs.current.get(newest)?.focus();
  }, [newest]);
  const failed = shown?.body.kind === "refused" || shown?.body.kind === "undetermined";
  const text = (n: ActionNotice): string => {
    const { body, name } = n;
    switch (body.kind) {
      case "accepted":
        return t("accepted", { name });
      case "checking":
        return t("checking", { name });
      case "notApplied":
        return t("notApplied", { name });
      case "undetermined":
        return t("undetermined", { name });
      case "info":
        return t("info", { name, reason: joinErrorText(errorText(body.error)) });
      case "refused":
        return t("failed", { name, reason: joinErrorText(errorText(body.error)) });
    }
  };

  // A fragment: an empty region is display:none and takes no gap in the page's layout.
  return (
    <>
      <div role="status" className="empty:hidden">
        {shown ? (
          <div
            ref={ref}
            tabIndex={-1}
            data-kind={shown.body.kind}
            className={`flex items-start gap-2 rounded-lg border p-3 text-sm ${failed ? "border-red-300 bg-red-50 text-red-900" : "border-blue-300 bg-blue-50 text-blue-900"}`}
          >
            <Icon name={failed ? "cross" : "clock"} className="mt-0.5 h-4 w-4" />
            <p className="min-w-0 flex-1 break-words">{text(shown)}</p>
            <button type="button" onClick={onDismissNotice} className={dismissClass}>
              {t.rich("dismiss", { hidden })}
            </button>
          </div>
        ) : null}
      </div>
      {departed.map((d) => (
        <div
          key={d.offerId}
          ref={(el) => {
            if (el) departedRefs.current.set(d.offerId, el);
            else departedRefs.current.delete(d.offerId);
          }}
          tabIndex={-1}
          role="group"
          aria-label={t("departedLabel", { name: d.name })}
          className="flex flex-wrap items-center gap-2 rounded-lg border border-green-300 bg-green-50 p-3 text-sm text-green-950"
        >
          <Icon name="check" className="h-4 w-4" />
          <p className="flex min-w-0 flex-1 flex-wrap items-center gap-x-2 gap-y-1">
            <span>{t.rich(d.now ? "departedNow" : "departed", { name: d.name, b: strong })}</span>
            {d.now ? <IndicatorBadge indicator={d.now.indicator} rawStatus={d.now.status.raw} /> : null}
            <Link href={statusHref(publisherId, d.offerId)} prefetch={false} className="font-medium underline">
              {t("openStatus")}
            </Link>
          </p>
          <button type="button" onClick={() => onDismissDeparted(d.offerId)} className={dismissClass}>
            {t.rich("dismissDeparted", { name: d.name, hidden })}
          </button>
        </div>
      ))}
    </>
  );
}
