"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { usePathname } from "next/navigation";
import type { ReactNode } from "react";

/**
 * The offer's tabs, as in the portal's offer editor; links, so each tab has its own URL.
 * `children` sits at the row's end (the open tab's freshness).
 */
export function OfferTabs({
  publisherId,
  offerId,
  children,
}: {
  publisherId: string;
  offerId: string;
  children?: ReactNode;
}) {
  const t = useTranslations("status.tabs");
  const pathname = usePathname();
  const base = `/publishers/${encodeURIComponent(publisherId)}/offers/${encodeURIComponent(offerId)}`;
  const tabs = [
    { href: `${base}/status`, label: t("status") },
    { href: `${base}/details`, label: t("details") },
    { href: `${base}/history`, label: t("history") },
  ];
  return (
    <div className="mt-4 flex flex-wrap items-end justify-between gap-x-4 gap-y-2 border-b border-slate-200">
      <nav aria-label={t("label")}>
        <ul className="-mb-px flex gap-1">
          {tabs.map((tab) => {
            const current = pathname === tab.href;
            return (
              <li key={tab.href}>
                <Link
                  href={tab.href}
                  aria-current={current ? "page" : undefined}
                  className={`inline-block border-b-2 px-4 py-2 text-sm font-medium ${current ? "border-brand-600 text-brand-700" : "border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900"}`}
                >
                  {tab.label}
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>
      {children ? <div className="pb-2">{children}</div> : null}
    </div>
  );
}
