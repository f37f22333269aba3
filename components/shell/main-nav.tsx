"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";

export function MainNav({ publisherId }: { publisherId: string }) {
  const t = useTranslations("shell.nav");
  const pathname = usePathname();
  const base = `/publishers/${encodeURIComponent(publisherId)}`;
  const items = [
    { href: `${base}/offers`, label: t("allOffers") },
    { href: `${base}/approvals`, label: t("approvals") },
  ];
  return (
    <nav aria-label={t("label")}>
      <ul className="flex gap-1">
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
