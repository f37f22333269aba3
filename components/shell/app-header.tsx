import Link from "next/link";
import { getTranslations } from "next-intl/server";

import { UserMenu } from "@/components/auth/user-menu";
import { InboxBell } from "@/components/notifications/inbox-bell";

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
      <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-2 sm:py-3">
        <div className="shrink-0">
          {/* On a phone the icon stands for the name (still its link's name), so the nav fits beside it. */}
          <Link href="/" className="flex items-center gap-2 text-base font-semibold text-slate-900 sm:text-lg">
            {/* eslint-disable-next-line @next/next/no-img-element -- a 28 px SVG needs no optimising */}
            <img src="/favicon.svg" alt="" width={28} height={28} className="h-7 w-7" />
            <span className="sr-only sm:not-sr-only">{t("productName")}</span>
          </Link>
        </div>
        <MainNav publisherId={publisherId} />
        <div className="flex w-full min-w-0 items-center gap-2 sm:ml-auto sm:w-auto sm:gap-3">
          <div className="min-w-0 flex-1">
            <PublisherSwitcher publisherId={publisherId} />
          </div>
          <PreferenceBar collapsible />
          <InboxBell />
          <UserMenu />
        </div>
      </div>
    </header>
  );
}
