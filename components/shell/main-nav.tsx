"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";

import { usePolling } from "@/components/providers";
import { queries } from "@/lib/queries";
import { useHydrated } from "@/lib/use-hydrated";

/**
 * The publisher's pages, then the pages across every publisher (from the recorder). The item
 * of the page you are on is highlighted, offer pages under All offers; Approvals carries the
 * number of offers awaiting sign-off, kept live by the same polled list the pages share (one
 * request for the whole header and page). The count joins after hydration: the list pages
 * render that list on the server, and their HydrationBoundary must be the first to hold it.
 */
export function MainNav({ publisherId }: { publisherId: string | null }) {
  const t = useTranslations("shell.nav");
  const across = useTranslations("history.nav");
  const notifications = useTranslations("notifications.deliveries");
  const pathname = usePathname();
  const hydrated = useHydrated();
  const base = publisherId === null ? null : `/publishers/${encodeURIComponent(publisherId)}`;
  const items = [
    ...(base
      ? [
          { href: `${base}/offers`, label: t("allOffers") },
          { href: `${base}/approvals`, label: t("approvals"), counted: true },
        ]
      : []),
    { href: "/attention", label: across("attention"), across: true },
    { href: "/activity", label: across("activity"), across: true },
    { href: "/deliveries", label: notifications("nav"), across: true },
  ];
  // On a phone a publisher's page keeps its header to one row: the pages across publishers are
  // reached from the switcher's "All publishers" there (and listed in full on those pages).
  const phoneHidden = (item: { across?: boolean }) => (base !== null && item.across ? "hidden sm:block" : undefined);
  return (
    <nav aria-label={t("label")}>
      <ul className="flex flex-wrap gap-1">
        {items.map((item) => {
          const exact = pathname === item.href;
          // An offer's pages sit under All offers: the nav says where you are.
          const within = !exact && pathname.startsWith(`${item.href}/`);
          const current = exact || within;
          return (
            <li key={item.href} className={phoneHidden(item)}>
              <Link
                href={item.href}
                aria-current={exact ? "page" : within ? "true" : undefined}
                className={`flex items-center gap-1.5 rounded-md px-3 py-2 text-sm font-medium whitespace-nowrap ${current ? "bg-slate-900 text-white" : "text-slate-700 hover:bg-slate-100"}`}
              >
                {item.label}
                {item.counted && publisherId !== null && hydrated ? (
                  <WaitingCount publisherId={publisherId} current={current} />
                ) : null}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

/** The number of offers awaiting sign-off, from the publisher's polled list. */
function WaitingCount({ publisherId, current }: { publisherId: string; current: boolean }) {
  const t = useTranslations("shell.nav");
  const format = useFormatter();
  const offers = useQuery(queries.offers(publisherId, usePolling())).data?.data;
  const count = offers?.filter((o) => o.indicator === "awaitingSignoff").length ?? 0;
  if (count === 0) return null;
  return (
    <>
      <span
        aria-hidden="true"
        data-testid="approvals-count"
        className={`rounded-full px-1.5 text-xs font-semibold tabular-nums ${current ? "bg-white/20 text-white" : "bg-amber-100 text-amber-950"}`}
      >
        {format.number(count)}
      </span>
      <span className="sr-only">{t("awaitingCount", { count })}</span>
    </>
  );
}
