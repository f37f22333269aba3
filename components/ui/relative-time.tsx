"use client";

import { useLocale } from "next-intl";

import { formatExact, formatRelative } from "@/lib/format";
import { useNow } from "@/lib/use-now";

/** "3 minutes ago", with the exact local time on hover and in the markup. */
export function RelativeTime({ value, className }: { value: string | number | null; className?: string }) {
  const now = useNow();
  const locale = useLocale();
  if (value === null) return <span className={className}>–</span>;
  const at = typeof value === "number" ? value : Date.parse(value);
  if (Number.isNaN(at)) return <span className={className}>–</span>;
  return (
    <time
      dateTime={new Date(at).toISOString()}
      title={formatExact(at, locale)}
      className={className}
      suppressHydrationWarning
    >
      {formatRelative(at, now, locale)}
    </time>
  );
}
