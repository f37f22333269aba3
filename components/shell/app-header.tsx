import Link from "next/link";

import { UserMenu } from "@/components/auth/user-menu";

import { MainNav } from "./main-nav";
import { PublisherSwitcher } from "./publisher-switcher";

/** The shell: product name, navigation for the current publisher, the publisher switcher and the signed-in user. */
export function AppHeader({ publisherId }: { publisherId: string }) {
  return (
    <header className="border-b border-slate-200 bg-white">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:m-2 focus:rounded focus:bg-white focus:p-2"
      >
        Skip to content
      </a>
      <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-4 px-4 py-3">
        <Link href="/" className="text-lg font-semibold text-slate-900">
          Offer Status Dashboard
        </Link>
        <MainNav publisherId={publisherId} />
        <div className="ml-auto flex items-center gap-3">
          <PublisherSwitcher publisherId={publisherId} />
          <UserMenu />
        </div>
      </div>
    </header>
  );
}
