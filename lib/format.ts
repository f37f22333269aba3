/** Formatting with Intl in the page's locale; shared by every view. */

/**
 * Intl formatters are costly to build and every row of a 5,000-offer table formats a time
 * each second (bench: a third of a keystroke's main-thread time), so one per locale is kept.
 */
type Formatter = Intl.RelativeTimeFormat | Intl.DateTimeFormat | Intl.NumberFormat;
const formatters = new Map<string, Formatter>();

function cached<T extends Formatter>(key: string, make: () => T): T {
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

export function formatRelative(from: number, now: number, locale: string): string {
  const diff = from - now;
  const abs = Math.abs(diff);
  const rtf = cached(`rtf:${locale}`, () => new Intl.RelativeTimeFormat(locale, { numeric: "auto", style: "long" }));
  if (abs < 5_000) return rtf.format(0, "second");
  for (const [unit, ms] of UNITS) {
    if (abs >= ms || unit === "second") return rtf.format(Math.round(diff / ms), unit);
  }
  return rtf.format(0, "second");
}

export function formatExact(at: number, locale: string): string {
  return cached(
    `dtf:${locale}`,
    () => new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "medium" }),
  ).format(at);
}

/** Date and time to the minute ("Nov 29, 2026, 11:42 AM"), for times people read without hovering. */
export function formatDateTime(at: number, locale: string): string {
  return cached(
    `dtf-short:${locale}`,
    () => new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" }),
  ).format(at);
}

type DurationUnit = "day" | "hour" | "minute" | "second";

function unit(value: number, name: DurationUnit, locale: string): string {
  return cached(
    `unit:${locale}:${name}`,
    () => new Intl.NumberFormat(locale, { style: "unit", unit: name, unitDisplay: "short" }),
  ).format(value);
}

/**
 * A duration in its two largest units, in the locale's words: "2 hr 5 min" / "2 小時 5 分鐘",
 * "3 days 4 hr", "45 sec". (Intl.DurationFormat would do this, but Node 20 lacks it.)
 */
export function formatDuration(ms: number, locale: string): string {
  const s = Math.max(0, Math.round(ms / 1000));
  const d = Math.floor(s / 86_400);
  const h = Math.floor((s % 86_400) / 3_600);
  const m = Math.floor((s % 3_600) / 60);
  const parts: [number, DurationUnit][] =
    d > 0
      ? [
          [d, "day"],
          [h, "hour"],
        ]
      : h > 0
        ? [
            [h, "hour"],
            [m, "minute"],
          ]
        : m > 0
          ? [[m, "minute"]]
          : [[s, "second"]];
  const words = parts.filter(([value], i) => i === 0 || value > 0).map(([value, name]) => unit(value, name, locale));
  return words.join(" ");
}
