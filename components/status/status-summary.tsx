"use client";

import { useLocale, useTranslations } from "next-intl";

import { formatDuration, formatExact } from "@/lib/format";
import { useLabels } from "@/lib/use-labels";
import type { OfferStatus } from "@/lib/schemas/model";
import { useNow } from "@/lib/use-now";

import { OfferActions } from "./offer-actions";
import { OfferLinks } from "./offer-links";

/** "…waiting for your sign-off for 3 hr", with the exact start on hover. */
function AwaitingSignoff({ since }: { since: string | null }) {
  const t = useTranslations("status.summary");
  const now = useNow();
  const locale = useLocale();
  const at = since ? Date.parse(since) : Number.NaN;
  if (Number.isNaN(at)) return <>{t("awaitingSignoffNoTime")}</>;
  return (
    <>
      {t.rich("awaitingSignoff", {
        duration: formatDuration(now - at, locale),
        time: (chunks) => (
          <time
            dateTime={new Date(at).toISOString()}
            title={t("since", { at: formatExact(at, locale) })}
            suppressHydrationWarning
          >
            {chunks}
          </time>
        ),
      })}
    </>
  );
}

/** One sentence on where the offer stands and what, if anything, the publisher should do. */
function Headline({ status }: { status: OfferStatus }) {
  const t = useTranslations("status.summary");
  const labels = useLabels();
  const index = status.steps.findIndex((s) => s.id === status.currentStepId);
  const current = status.steps[index];
  switch (status.indicator) {
    case "awaitingSignoff":
      return <AwaitingSignoff since={status.waitingSince} />;
    case "publishing": {
      if (!current) return <>{t("publishing")}</>;
      const words = labels.stepStatus(current.status);
      return (
        <>
          {t("publishingStep", {
            step: current.name,
            // Mid-sentence in English ("Certification is in progress"); Chinese has no case.
            status: labels.locale === "en" ? words.toLowerCase() : words,
            position: index + 1,
            total: status.steps.length,
          })}
        </>
      );
    }
    case "live":
    case "failed":
    case "canceled":
    case "draft":
    case "delisted":
      return <>{t(status.indicator)}</>;
    default:
      return <>{status.status.raw.trim() ? t("unknown", { raw: status.status.raw }) : t("unknownEmpty")}</>;
  }
}

export function StatusSummary({ status }: { status: OfferStatus }) {
  const t = useTranslations("status.summary");
  const done = status.steps.filter((s) => s.status.value === "complete").length;
  return (
    // In reading order the preview links come before Go live (check the preview, then
    // decide), as they show on a phone; a wider screen puts the actions top right.
    <section
      aria-label={t("label")}
      className="flex flex-col gap-4 rounded-lg border border-slate-200 bg-white p-3 shadow-sm sm:grid sm:grid-cols-[minmax(0,1fr)_auto] sm:gap-x-6 sm:p-4"
    >
      <div className="min-w-0 sm:col-start-1 sm:row-start-1">
        <p className="text-base wrap-anywhere text-slate-900" data-testid="status-headline">
          <Headline status={status} />
        </p>
        {status.steps.length > 0 ? (
          <p className="mt-0.5 text-sm text-slate-600">{t("stepsComplete", { done, total: status.steps.length })}</p>
        ) : null}
      </div>
      <div className="min-w-0 empty:hidden sm:col-span-2 sm:row-start-2">
        <OfferLinks previewLinks={status.previewLinks} liveLinks={status.liveLinks} />
      </div>
      <div className="min-w-0 sm:col-start-2 sm:row-start-1">
        <OfferActions status={status} />
      </div>
    </section>
  );
}
