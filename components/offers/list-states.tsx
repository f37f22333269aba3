import { useTranslations } from "next-intl";
import type { ReactNode } from "react";

import { Icon, type IconName } from "@/components/ui/icon";

/** Placeholder rows while the first load runs; hidden from assistive tech (a status says it). */
export function SkeletonRows({ columns, rows = 8 }: { columns: number; rows?: number }) {
  return (
    <>
      {Array.from({ length: rows }, (_, r) => (
        <tr key={r} aria-hidden="true" className="border-b border-slate-100">
          {Array.from({ length: columns }, (_, c) => (
            <td key={c} className="px-3 py-3.5">
              <Bar width={45 + ((r * 7 + c * 13) % 5) * 10} />
            </td>
          ))}
        </tr>
      ))}
    </>
  );
}

/**
 * Room for the rest of a long page's new rows, which render a moment after the first
 * screenful (useProgressiveRows): the page keeps its height, so nothing below it jumps.
 */
export function PendingRows({ columns, count }: { columns: number; count: number }) {
  if (count === 0) return null;
  return (
    <tr aria-hidden="true" data-pending-rows={count} style={{ height: `${count * 3.5}rem` }}>
      <td colSpan={columns} />
    </tr>
  );
}

/** The phone's placeholder cards, the shape of an offer card. */
export function SkeletonCards({ cards = 4 }: { cards?: number }) {
  return (
    <div aria-hidden="true" className="flex flex-col gap-3 p-3">
      {Array.from({ length: cards }, (_, i) => (
        <div key={i} className="flex flex-col gap-2.5 rounded-lg border border-slate-200 p-3">
          <Bar width={55 + (i % 3) * 12} />
          <Bar width={40} />
          <Bar width={70 - (i % 2) * 20} />
        </div>
      ))}
    </div>
  );
}

function Bar({ width }: { width: number }) {
  return <div className="h-3.5 rounded bg-slate-200 motion-safe:animate-pulse" style={{ width: `${width}%` }} />;
}

/** "Nothing here", with the way out (clear the filters, go elsewhere); for a table or cards. */
export function EmptyState({
  icon = "info",
  title,
  children,
}: {
  icon?: IconName;
  title: string;
  children?: ReactNode;
}) {
  return (
    <div className="mx-auto flex max-w-md flex-col items-center gap-2 px-3 py-12 text-center text-slate-700">
      <Icon name={icon} className="h-8 w-8 text-slate-400" />
      <p className="text-base font-semibold text-slate-900">{title}</p>
      {children ? <div className="text-sm">{children}</div> : null}
    </div>
  );
}

/** A table's full-width row holding an {@link EmptyState}. */
export function EmptyRow({ columns, children }: { columns: number; children: ReactNode }) {
  return (
    <tr>
      <td colSpan={columns}>{children}</td>
    </tr>
  );
}

/** No offer matches the filters: say so, and offer to clear them. */
export function FilteredEmpty({ title, onClear }: { title: string; onClear: () => void }) {
  const t = useTranslations("offers.list");
  return (
    <EmptyState title={title}>
      <button type="button" onClick={onClear} className="text-brand-700 font-medium underline">
        {t("clearFilters")}
      </button>
    </EmptyState>
  );
}
