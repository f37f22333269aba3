"use client";

import { useLocale } from "next-intl";

import { formatExact } from "@/lib/format";

/** A time in the reader's local words, always visible (touch screens cannot hover). */
export function ExactTime({ value, className }: { value: string; className?: string }) {
  const locale = useLocale();
  const at = Date.parse(value);
  if (Number.isNaN(at)) return <span className={className}>–</span>;
  return (
    <time dateTime={new Date(at).toISOString()} className={className} suppressHydrationWarning>
      {formatExact(at, locale)}
    </time>
  );
}
