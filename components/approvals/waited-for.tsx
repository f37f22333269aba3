"use client";

import { useLocale, useTranslations } from "next-intl";

import { formatDuration, formatExact } from "@/lib/format";
import { useClockText } from "@/lib/use-now";

/** How long an offer has waited for sign-off ("3 d 4 h"), with the exact start on hover. */
export function WaitedFor({ since }: { since: number | null }) {
  const t = useTranslations("approvals");
  const locale = useLocale();
  const waited = useClockText((now) => (since === null ? null : formatDuration(Math.max(0, now - since), locale)));
  if (since === null || waited === null) return <span className="text-slate-600">–</span>;
  return (
    <time
      dateTime={new Date(since).toISOString()}
      title={t("waitedSince", { time: formatExact(since, locale) })}
      className="font-medium text-slate-900 tabular-nums"
      suppressHydrationWarning
    >
      {waited}
    </time>
  );
}
