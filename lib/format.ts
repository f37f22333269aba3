/** Formatting with Intl in the page's locale; shared by every view. */

/**
 * Intl formatters are costly to build and every row of a 5,000-offer table formats a time
 * each second (bench: a third of a keystroke's main-thread time), so one per locale is kept.
 */
const formatters = new Map<string, Intl.RelativeTimeFormat | Intl.DateTimeFormat | Intl.NumberFormat>();

function cached<T extends Intl.RelativeTimeFormat | Intl.DateTimeFormat | Intl.NumberFormat>(
  key: string,
  make: () => T,
): T {
  let formatter = formatters.get(key) as T | undefined;
  if (!formatter) {
    formatter = make();
    formatters.set(key, formatter);
  }
  return formatter;
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["day", 86_400_000],
  ["hour", 3_600_000],
  ["minute", 60_000],
  ["second", 1_000],
];

export function formatRelative(from: number, now: number, locale = "en"): string {
  const diff = from - now;
  const abs = Math.abs(diff);
  const rtf = cached(`rtf:${locale}`, () => new Intl.RelativeTimeFormat(locale, { numeric: "auto", style: "long" }));
  if (abs < 5_000) return rtf.format(0, "second");
  for (const [unit, ms] of UNITS) {
    if (abs >= ms || unit === "second") return rtf.format(Math.round(diff / ms), unit);
  }
  return rtf.format(0, "second");
}

export function formatExact(at: number, locale = "en"): string {
  return cached(
    `dtf:${locale}`,
    () => new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "medium" }),
  ).format(at);
}

/** A duration as "2 h 5 min", "3 d 4 h", "45 s". */
export function formatDuration(ms: number, locale = "en"): string {
  const s = Math.max(0, Math.round(ms / 1000));
  const nf = cached(`nf:${locale}`, () => new Intl.NumberFormat(locale));
  const d = Math.floor(s / 86_400);
  const h = Math.floor((s % 86_400) / 3_600);
  const m = Math.floor((s % 3_600) / 60);
  if (d > 0) return `${nf.format(d)} d${h ? ` ${nf.format(h)} h` : ""}`;
  if (h > 0) return `${nf.format(h)} h${m ? ` ${nf.format(m)} min` : ""}`;
  if (m > 0) return `${nf.format(m)} min`;
  return `${nf.format(s)} s`;
}
