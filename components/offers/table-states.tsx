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
              <div
                className="h-3.5 rounded bg-slate-200 motion-safe:animate-pulse"
                style={{ width: `${45 + ((r * 7 + c * 13) % 5) * 10}%` }}
              />
            </td>
          ))}
        </tr>
      ))}
    </>
  );
}

/** A full-width row for "nothing here", with the way out (clear filters, go elsewhere). */
export function EmptyRow({
  columns,
  icon = "info",
  title,
  children,
}: {
  columns: number;
  icon?: IconName;
  title: string;
  children?: ReactNode;
}) {
  return (
    <tr>
      <td colSpan={columns} className="px-3 py-12 text-center">
        <div className="mx-auto flex max-w-md flex-col items-center gap-2 text-slate-700">
          <Icon name={icon} className="h-8 w-8 text-slate-400" />
          <p className="text-base font-semibold text-slate-900">{title}</p>
          {children ? <div className="text-sm">{children}</div> : null}
        </div>
      </td>
    </tr>
  );
}
