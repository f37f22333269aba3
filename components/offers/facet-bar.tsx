import type { ReactNode } from "react";

/**
 * The filter chips of a list. On a phone all of them share one row that scrolls sideways
 * (each chip stays reachable by Tab), so nine chips take one line, not four; on a wider
 * screen each group wraps on its own line.
 */
export function FacetBar({ children }: { children: ReactNode }) {
  return (
    // `relative`: the chips' hidden legends (absolutely placed) are clipped with the row
    // instead of widening the page.
    <div className="relative -mx-1 flex min-w-0 flex-row items-center gap-2 overflow-x-auto px-1 pb-1 sm:mx-0 sm:flex-col sm:items-start sm:overflow-visible sm:px-0 sm:pb-0">
      {children}
    </div>
  );
}
