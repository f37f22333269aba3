"use client";

import { useLocale } from "next-intl";

import { formatDateTime, formatExact, formatRelative } from "@/lib/format";
import { useClockText } from "@/lib/use-now";

/**
 * A time where it matters, readable without hovering (touch screens cannot hover): the local
 * date and time to the minute, and with `relative` how long ago ("Nov 29, 11:42 AM · 3
 * minutes ago"); to the second on hover and in the markup.
 */
export function LocalTime({
  value,
  relative = false,
  className,
}: {
  value: string | number | null;
  relative?: boolean;
  className?: string;
}) {
  const locale = useLocale();
  const at = value === null ? Number.NaN : typeof value === "number" ? value : Date.parse(value);
  const ago = useClockText((now) => (relative && !Number.isNaN(at) ? formatRelative(at, now, locale) : null));
  if (Number.isNaN(at)) return <span className={className}>–</span>;
  const absolute = formatDateTime(at, locale);
  return (
    <time
      dateTime={new Date(at).toISOString()}
      title={formatExact(at, locale)}
      className={className}
      suppressHydrationWarning
    >
      {ago === null ? absolute : `${absolute} · ${ago}`}
    </time>
  );
}
