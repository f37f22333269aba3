"use client";

import { useLocale } from "next-intl";

import { formatDuration, formatExact } from "@/lib/format";
import { useLabels } from "@/lib/use-labels";
import type { OfferStatus } from "@/lib/schemas/model";
import { useNow } from "@/lib/use-now";

import { OfferActions } from "./offer-actions";
import { OfferLinks } from "./offer-links";

/** "waiting for your sign-off for 3 h", with the exact start on hover. */
function WaitingFor({ since }: { since: string | null }) {
  const now = useNow();
  const locale = useLocale();
  const at = since ? Date.parse(since) : Number.NaN;
  if (Number.isNaN(at)) return <>waiting for your sign-off</>;
  return (
    <>
      waiting for your sign-off for{" "}
      <time dateTime={new Date(at).toISOString()} title={`Since ${formatExact(at, locale)}`} suppressHydrationWarning>
        {formatDuration(now - at, locale)}
      </time>
    </>
  );
}

/** One sentence on where the offer stands and what, if anything, the publisher should do. */
function Headline({ status }: { status: OfferStatus }) {
  const labels = useLabels();
  const index = status.steps.findIndex((s) => s.id === status.currentStepId);
  const current = status.steps[index];
  const position = current ? ` (step ${index + 1} of ${status.steps.length})` : "";
  switch (status.indicator) {
    case "awaitingSignoff":
      return (
        <>
          The preview is ready and <WaitingFor since={status.waitingSince} />. Check it with the preview links, then go
          live.
        </>
      );
    case "publishing":
      return current ? (
        <>
          Publishing: {current.name} is {labels.stepStatus(current.status).toLowerCase()}
          {position}.
        </>
      ) : (
        <>Publishing is in progress.</>
      );
    case "live":
      return <>The offer is live in the marketplace.</>;
    case "failed":
      return <>The last publish failed. Fix the issues and publish again.</>;
    case "canceled":
      return <>The last publish was canceled. A version that was already live stays live.</>;
    case "draft":
      return <>This offer has not been published yet.</>;
    case "delisted":
      return <>This offer was removed from the marketplace.</>;
    default:
      return <>The upstream reports a status this dashboard does not know: {status.status.raw || "(empty)"}.</>;
  }
}

export function StatusSummary({ status }: { status: OfferStatus }) {
  const done = status.steps.filter((s) => s.status.value === "complete").length;
  return (
    <section aria-label="Summary" className="space-y-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <div className="flex flex-wrap items-start justify-between gap-x-6 gap-y-3">
        <div>
          <p className="text-base text-slate-900" data-testid="status-headline">
            <Headline status={status} />
          </p>
          {status.steps.length > 0 ? (
            <p className="mt-0.5 text-sm text-slate-600">
              {done} of {status.steps.length} steps complete
            </p>
          ) : null}
        </div>
        <OfferActions status={status} />
      </div>
      <OfferLinks previewLinks={status.previewLinks} liveLinks={status.liveLinks} />
    </section>
  );
}
