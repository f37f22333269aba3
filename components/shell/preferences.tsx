"use client";

import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useCallback, useId, useOptimistic, useRef, useState, useTransition, type ReactNode } from "react";

import { Icon, type IconName } from "@/components/ui/icon";
import { useDismiss } from "@/components/ui/use-dismiss";
import { LOCALES, LOCALE_COOKIE, LOCALE_NAMES, isLocale } from "@/i18n/locales";
import { THEMES, THEME_COOKIE, parseTheme, rememberPreference, type Theme } from "@/lib/preferences";

const SELECT =
  "min-h-9 w-full rounded-md border border-slate-300 bg-white py-1.5 pr-7 pl-7 text-sm text-slate-900 lg:w-auto";

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

/**
 * The page's language: remembered in a cookie, then the server renders the page again in it
 * (router.refresh keeps client state: filters, scroll, open panels, cached data). The select
 * shows the choice at once; it stays enabled so focus is not lost while the page re-renders.
 */
export function LanguageSwitcher() {
  const t = useTranslations("shell.preferences");
  const locale = useLocale();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [shown, setShown] = useOptimistic(locale);
  return (
    <Labelled icon="globe" label={t("language")}>
      <select
        className={SELECT}
        value={shown}
        aria-busy={pending}
        onChange={(event) => {
          const next = event.target.value;
          if (!isLocale(next)) return;
          rememberPreference(LOCALE_COOKIE, next);
          startTransition(() => {
            setShown(next);
            router.refresh();
          });
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

/**
 * Language and theme side by side; in the header below 1024 px they fold behind one button
 * (`collapsible`), so the header keeps to a few short rows on a tablet or a phone.
 */
export function PreferenceControls({ theme, collapsible = false }: { theme: Theme; collapsible?: boolean }) {
  const t = useTranslations("shell.preferences");
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const root = useRef<HTMLDivElement>(null);
  const trigger = useRef<HTMLButtonElement>(null);
  const close = useCallback(() => setOpen(false), []);
  useDismiss(open, close, root, trigger);

  const controls = (
    <>
      <LanguageSwitcher />
      <ThemeSwitcher initial={theme} />
    </>
  );
  if (!collapsible) {
    return (
      <div role="group" aria-label={t("label")} className="flex flex-wrap items-center gap-2">
        {controls}
      </div>
    );
  }
  return (
    <div ref={root} className="relative">
      <button
        ref={trigger}
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={t("label")}
        title={t("label")}
        onClick={() => setOpen((value) => !value)}
        className="flex min-h-9 min-w-9 items-center justify-center rounded-md border border-slate-300 bg-white text-slate-800 hover:bg-slate-100 lg:hidden"
      >
        <Icon name="sliders" />
      </button>
      <div
        id={panelId}
        role="group"
        aria-label={t("label")}
        className={`${open ? "flex" : "hidden"} absolute right-0 z-20 mt-2 w-60 flex-col gap-2 rounded-lg border border-slate-200 bg-white p-3 shadow-lg lg:static lg:mt-0 lg:flex lg:w-auto lg:flex-row lg:items-center lg:border-0 lg:bg-transparent lg:p-0 lg:shadow-none`}
      >
        {controls}
      </div>
    </div>
  );
}
