import { cookies } from "next/headers";
import Link from "next/link";
import { getTranslations } from "next-intl/server";

import { UserMenu } from "@/components/auth/user-menu";
import { THEME_COOKIE, parseTheme } from "@/lib/preferences";

import { MainNav } from "./main-nav";
import { LanguageSwitcher, ThemeSwitcher } from "./preferences";
import { PublisherSwitcher } from "./publisher-switcher";

/**
 * The shell: product name, navigation for the current publisher, the publisher switcher,
 * language and theme, and the signed-in user.
 */
export async function AppHeader({ publisherId }: { publisherId: string }) {
  const [t, cookieStore] = await Promise.all([getTranslations("shell"), cookies()]);
  return (
    <header className="border-b border-slate-200 bg-white">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:m-2 focus:rounded focus:bg-white focus:p-2"
      >
        {t("skipToContent")}
      </a>
      <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3">
        <Link href="/" className="text-lg font-semibold text-slate-900">
          {t("productName")}
        </Link>
        <MainNav publisherId={publisherId} />
        <div className="flex flex-wrap items-center gap-2 sm:ml-auto sm:gap-3">
          <PublisherSwitcher publisherId={publisherId} />
          <LanguageSwitcher />
          <ThemeSwitcher initial={parseTheme(cookieStore.get(THEME_COOKIE)?.value)} />
          <UserMenu />
        </div>
      </div>
    </header>
  );
}
