import Link from "next/link";
import { getTranslations } from "next-intl/server";

import { UserMenu } from "@/components/auth/user-menu";

import { MainNav } from "./main-nav";
import { PreferenceBar } from "./preference-bar";
import { PublisherSwitcher } from "./publisher-switcher";

/**
 * The shell: product name, navigation for the current publisher, the publisher switcher,
 * language and theme, and the signed-in user. On a phone it wraps into three rows (name; nav;
 * publisher with the preferences and user buttons), in the same order as on a wide screen, so
 * the keyboard's order is the reading order at every width.
 */
export async function AppHeader({ publisherId }: { publisherId: string | null }) {
  const t = await getTranslations("shell");
  return (
    <header className="border-b border-slate-200 bg-white">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:m-2 focus:rounded focus:bg-white focus:p-2"
      >
        {t("skipToContent")}
      </a>
      <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3">
        <div className="basis-full sm:basis-auto">
          <Link href="/" className="text-base font-semibold text-slate-900 sm:text-lg">
            {t("productName")}
          </Link>
        </div>
        <MainNav publisherId={publisherId} />
        <div className="flex w-full min-w-0 items-center gap-2 sm:ml-auto sm:w-auto sm:gap-3">
          <div className="min-w-0 flex-1">
            <PublisherSwitcher publisherId={publisherId} />
          </div>
          <PreferenceBar collapsible />
          <UserMenu />
        </div>
      </div>
    </header>
  );
}
