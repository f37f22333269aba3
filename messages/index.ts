/**
 * The message catalogues: one JSON file per feature and language, so a feature's words live
 * next to each other and two people can work on two features without touching one file.
 * English is the reference shape: TypeScript refuses a Traditional Chinese catalogue with a
 * missing or extra key, and next-intl's typed keys refuse a lookup of a key that is not there.
 */
import type { Locale } from "@/i18n/locales";

import enApprovals from "./en/approvals.json";
import enAuth from "./en/auth.json";
import enCommon from "./en/common.json";
import enHistory from "./en/history.json";
import enNotifications from "./en/notifications.json";
import enNotify from "./en/notify.json";
import enOffers from "./en/offers.json";
import enShell from "./en/shell.json";
import enStatus from "./en/status.json";
import enVocabulary from "./en/vocabulary.json";
import zhApprovals from "./zh-TW/approvals.json";
import zhAuth from "./zh-TW/auth.json";
import zhCommon from "./zh-TW/common.json";
import zhHistory from "./zh-TW/history.json";
import zhNotifications from "./zh-TW/notifications.json";
import zhNotify from "./zh-TW/notify.json";
import zhOffers from "./zh-TW/offers.json";
import zhShell from "./zh-TW/shell.json";
import zhStatus from "./zh-TW/status.json";
import zhVocabulary from "./zh-TW/vocabulary.json";

const en = {
  common: enCommon,
  shell: enShell,
  offers: enOffers,
  approvals: enApprovals,
  status: enStatus,
  auth: enAuth,
  vocabulary: enVocabulary,
  history: enHistory,
  notifications: enNotifications,
  notify: enNotify,
};

export type Messages = typeof en;

/** Same keys as English, every value a string (checked by `npm run typecheck` and a unit test). */
type Catalogue<T> = { [K in keyof T]: T[K] extends string ? string : Catalogue<T[K]> };

const zhTW: Catalogue<Messages> = {
  common: zhCommon,
  shell: zhShell,
  offers: zhOffers,
  approvals: zhApprovals,
  status: zhStatus,
  auth: zhAuth,
  vocabulary: zhVocabulary,
  history: zhHistory,
  notifications: zhNotifications,
  notify: zhNotify,
};

export const CATALOGUES: Record<Locale, Catalogue<Messages>> = { en, "zh-TW": zhTW };
