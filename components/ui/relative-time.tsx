"use client";

import { useLocale } from "next-intl";

import { formatExact, formatRelative } from "@/lib/format";
import { useClockText } from "@/lib/use-now";

/** "3 minutes ago", with the exact local time on hover and in the markup; re-rendered when the words change. */
export function RelativeTime({ value, className }: { value: string | number | null; className?: string }) {
  const locale = useLocale();
  const at = value === null ? Number.NaN : typeof value === "number" ? value : Date.parse(value);
  const text = useClockText((now) => (Number.isNaN(at) ? null : formatRelative(at, now, locale)));
  if (text === null) return <span className={className}>–</span>;
  return (
    <time
      dateTime={new Date(at).toISOString()}
      title={formatExact(at, locale)}
      className={className}
      suppressHydrationWarning
    >
      {text}
    </time>
  );
}
