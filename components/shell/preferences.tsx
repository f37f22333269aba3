"use client";

import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useState, useTransition, type ReactNode } from "react";

import { Icon, type IconName } from "@/components/ui/icon";
import { LOCALES, LOCALE_COOKIE, LOCALE_NAMES, isLocale } from "@/i18n/locales";
import { THEMES, THEME_COOKIE, parseTheme, rememberPreference, type Theme } from "@/lib/preferences";

const SELECT =
  "rounded-md border border-slate-300 bg-white py-1.5 pr-7 pl-7 text-sm text-slate-900 disabled:opacity-60";

function Labelled({ icon, label, children }: { icon: IconName; label: string; children: ReactNode }) {
  return (
    <label className="relative flex items-center text-slate-700">
      <span className="sr-only">{label}</span>
      <span className="pointer-events-none absolute left-2">
        <Icon name={icon} />
      </span>
      {children}
    </label>
  );
}

/** The page's language: remembered in a cookie, then the server renders the page again in it. */
export function LanguageSwitcher() {
  const t = useTranslations("shell.preferences");
  const locale = useLocale();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <Labelled icon="globe" label={t("language")}>
      <select
        className={SELECT}
        value={locale}
        disabled={pending}
        aria-busy={pending}
        onChange={(event) => {
          const next = event.target.value;
          if (!isLocale(next)) return;
          rememberPreference(LOCALE_COOKIE, next);
          startTransition(() => router.refresh());
        }}
      >
        {LOCALES.map((l) => (
          <option key={l} value={l} lang={l}>
            {LOCALE_NAMES[l]}
          </option>
        ))}
      </select>
    </Labelled>
  );
}

/**
 * Light, dark, or the system's choice; applied at once and remembered for the next visit.
 * `initial` is what the server read from the same cookie when it rendered data-theme.
 */
export function ThemeSwitcher({ initial }: { initial: Theme }) {
  const t = useTranslations("shell.preferences");
  const [theme, setTheme] = useState<Theme>(initial);
  return (
    <Labelled icon="contrast" label={t("theme")}>
      <select
        className={SELECT}
        value={theme}
        onChange={(event) => {
          const next = parseTheme(event.target.value);
          if (next === "system") delete document.documentElement.dataset.theme;
          else document.documentElement.dataset.theme = next;
          rememberPreference(THEME_COOKIE, next);
          setTheme(next);
        }}
      >
        {THEMES.map((value) => (
          <option key={value} value={value}>
            {t(`themes.${value}`)}
          </option>
        ))}
      </select>
    </Labelled>
  );
}
