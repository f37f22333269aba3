"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

export function MainNav({ publisherId }: { publisherId: string }) {
  const pathname = usePathname();
  const base = `/publishers/${encodeURIComponent(publisherId)}`;
  const items = [
    { href: `${base}/offers`, label: "All offers" },
    { href: `${base}/approvals`, label: "Approvals" },
  ];
  return (
    <nav aria-label="Main">
      <ul className="flex gap-1">
        {items.map((item) => {
          const current = pathname === item.href;
          return (
            <li key={item.href}>
              <Link
                href={item.href}
                aria-current={current ? "page" : undefined}
                className={`rounded-md px-3 py-2 text-sm font-medium ${current ? "bg-slate-900 text-white" : "text-slate-700 hover:bg-slate-100"}`}
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
