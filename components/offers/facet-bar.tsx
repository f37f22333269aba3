import type { ReactNode } from "react";

/**
 * The filter chips of a list, one group to a line. On a phone each group is one row that
 * scrolls sideways (its chips stay reachable by Tab), so nine chips take one line, not four.
 */
export function FacetBar({ children }: { children: ReactNode }) {
  return <div className="flex min-w-0 flex-col items-start gap-2">{children}</div>;
}
