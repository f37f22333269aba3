/** The languages the dashboard speaks, and how a request picks one. Shared by server and browser. */

export const LOCALES = ["en", "zh-TW"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";

/** The cookie that remembers a choice made in the header (next-intl's own name for it). */
export const LOCALE_COOKIE = "NEXT_LOCALE";

/** Each language's own name for itself, shown in the switcher whatever the page's language. */
export const LOCALE_NAMES: Record<Locale, string> = { en: "English", "zh-TW": "繁體中文" };

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/**
 * The supported locale a language tag asks for: Traditional Chinese by script (zh-Hant) or by
 * region (TW, HK, MO); English in any region. Simplified Chinese (zh, zh-CN, zh-Hans) is not
 * Traditional: it falls through to the next preference.
 */
function supported(tag: string): Locale | null {
  const parts = tag.toLowerCase().split(/[-_]/);
  const [language, ...rest] = parts;
  if (language === "en") return "en";
  if (language !== "zh") return null;
  if (rest.includes("hant")) return "zh-TW";
  if (rest.includes("hans")) return null;
  return rest.some((p) => p === "tw" || p === "hk" || p === "mo") ? "zh-TW" : null;
}

/** The best supported locale for an `Accept-Language` header (RFC 9110 quality values). */
export function negotiateLocale(acceptLanguage: string | null | undefined): Locale {
  if (!acceptLanguage) return DEFAULT_LOCALE;
  const ranked = acceptLanguage
    .slice(0, 1_000)
    .split(",")
    .map((entry, index) => {
      const [tag = "", ...params] = entry.trim().split(";");
      // A malformed weight (q=abc) counts as 0: the entry is ignored rather than preferred.
      const q = params.map((p) => /^\s*q\s*=(.*)$/i.exec(p)?.[1]).find((v) => v !== undefined);
      const quality = q === undefined ? 1 : /^\s*[0-9.]+\s*$/.test(q) ? Number(q) : 0;
      return { tag: tag.trim(), quality: Number.isFinite(quality) ? quality : 0, index };
    })
    .filter((e) => e.tag && e.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  for (const { tag } of ranked) {
    const locale = supported(tag);
    if (locale) return locale;
  }
  return DEFAULT_LOCALE;
}

/** The locale for a request: a remembered choice first, then the browser's languages. */
export function resolveLocale(cookie: string | undefined, acceptLanguage: string | null): Locale {
  return isLocale(cookie) ? cookie : negotiateLocale(acceptLanguage);
}
