import { createTranslator } from "next-intl";

import { type Locale } from "@/i18n/locales";
import { CATALOGUES } from "@/messages";
import type { Indicator, MessageLevelValue, Parsed, StepStatusValue } from "@/lib/schemas/vocabulary";

/**
 * The status vocabulary in words, per locale, from the `vocabulary` catalogue (the portal's
 * words; "sign-off", not the zh-TW portal's "sign out" slip). Unknown values show their raw
 * text, never a blank. Plain functions rather than a hook, so list filtering, sorting and
 * announcements (outside React) use the very same words the page shows.
 */
export interface Labels {
  locale: Locale;
  indicator(indicator: Indicator, rawStatus: string): string;
  stepStatus(status: Parsed<StepStatusValue>): string;
  level(level: Parsed<MessageLevelValue>): string;
  /** A readable name for each offerTypeId; the raw id for types we do not know. */
  offerType(offerTypeId: string): string;
  /** The status filter's words: the indicator's (unknown offers count together). */
  indicatorFilter(indicator: Indicator): string;
  /** Sentences for screen-reader announcements of changes. */
  announce: {
    statusChanged(status: string): string;
    stepChanged(step: string, status: string): string;
    stepWithState(step: string, status: string): string;
    transition(name: string, from: string, to: string): string;
    moreChanged(count: number): string;
  };
}

const cache = new Map<Locale, Labels>();

function build(locale: Locale): Labels {
  const vocabulary = CATALOGUES[locale].vocabulary;
  const t = createTranslator({ locale, messages: CATALOGUES[locale], namespace: "vocabulary" });
  const unknown = (raw: string) => {
    const text = raw.trim().slice(0, 60);
    return text ? t("unknown", { raw: text }) : t("unknownEmpty");
  };
  const types: Record<string, string> = vocabulary.offerType;
  return {
    locale,
    indicator: (indicator, rawStatus) =>
      indicator === "unknown" ? unknown(rawStatus) : vocabulary.indicator[indicator],
    stepStatus: (status) => (status.value === "unknown" ? unknown(status.raw) : vocabulary.stepStatus[status.value]),
    level: (level) => (level.value === "unknown" ? unknown(level.raw) : vocabulary.level[level.value]),
    offerType: (offerTypeId) => types[offerTypeId.toLowerCase()] ?? offerTypeId,
    indicatorFilter: (indicator) => (indicator === "unknown" ? t("unknownStatus") : vocabulary.indicator[indicator]),
    announce: {
      statusChanged: (status) => t("announce.statusChanged", { status }),
      stepChanged: (step, status) => t("announce.stepChanged", { step, status }),
      stepWithState: (step, status) => t("announce.stepWithState", { step, status }),
      transition: (name, from, to) => t("announce.transition", { name, from, to }),
      moreChanged: (count) => t("announce.moreChanged", { count }),
    },
  };
}

export function labelsFor(locale: Locale): Labels {
  let labels = cache.get(locale);
  if (!labels) {
    labels = build(locale);
    cache.set(locale, labels);
  }
  return labels;
}
