"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";

/** The current publisher's pages, then the pages across every publisher (from the recorder). */
export function MainNav({ publisherId }: { publisherId: string | null }) {
  const t = useTranslations("shell.nav");
  const across = useTranslations("history.nav");
  const pathname = usePathname();
  const base = publisherId === null ? null : `/publishers/${encodeURIComponent(publisherId)}`;
  const items = [
    ...(base
      ? [
          { href: `${base}/offers`, label: t("allOffers") },
          { href: `${base}/approvals`, label: t("approvals") },
        ]
      : []),
    { href: "/attention", label: across("attention") },
    { href: "/activity", label: across("activity") },
  ];
  return (
    <nav aria-label={t("label")}>
      <ul className="flex flex-wrap gap-1">
        {items.map((item) => {
          const current = pathname === item.href;
          return (
            <li key={item.href}>
              <Link
                href={item.href}
                aria-current={current ? "page" : undefined}
                className={`block rounded-md px-3 py-2 text-sm font-medium whitespace-nowrap ${current ? "bg-slate-900 text-white" : "text-slate-700 hover:bg-slate-100"}`}
              >
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
