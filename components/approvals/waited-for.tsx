"use client";

import { useLocale, useTranslations } from "next-intl";

import { formatDuration, formatExact } from "@/lib/format";
import { useNow } from "@/lib/use-now";

/** How long an offer has waited for sign-off ("3 d 4 h"), with the exact start on hover. */
export function WaitedFor({ since }: { since: number | null }) {
  const t = useTranslations("approvals");
  const now = useNow();
  const locale = useLocale();
  if (since === null) return <span className="text-slate-600">–</span>;
  return (
    <time
      dateTime={new Date(since).toISOString()}
      title={t("waitedSince", { time: formatExact(since, locale) })}
      className="font-medium text-slate-900 tabular-nums"
      suppressHydrationWarning
    >
      {formatDuration(Math.max(0, now - since), locale)}
    </time>
  );
}
