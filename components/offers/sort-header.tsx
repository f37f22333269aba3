import type { SortDir, SortKey } from "@/lib/offer-list";

interface SortHeaderProps {
  label: string;
  column: SortKey;
  sort: SortKey;
  dir: SortDir;
  onSort: (column: SortKey) => void;
  className?: string;
  align?: "left" | "right";
}

/**
 * A sortable column header: a real button inside `<th scope="col" aria-sort>`, so the
 * current order is announced with the column and the button works from the keyboard.
 */
export function SortHeader({ label, column, sort, dir, onSort, className = "", align = "left" }: SortHeaderProps) {
  const active = sort === column;
  return (
    <th
      scope="col"
      aria-sort={active ? (dir === "asc" ? "ascending" : "descending") : "none"}
      className={`px-3 py-2 font-semibold ${align === "right" ? "text-right" : "text-left"} ${className}`}
    >
      <button
        type="button"
        onClick={() => onSort(column)}
        className={`group -mx-1 inline-flex items-center gap-1 rounded px-1 py-0.5 hover:bg-slate-200/70 hover:text-slate-900 ${active ? "text-slate-900" : "text-slate-600"}`}
      >
        {label}
        <SortArrow active={active} dir={dir} />
      </button>
    </th>
  );
}

function SortArrow({ active, dir }: { active: boolean; dir: SortDir }) {
  return (
    <svg
      viewBox="0 0 12 12"
      aria-hidden="true"
      className={`h-3 w-3 ${active ? "opacity-100" : "opacity-0 group-hover:opacity-40 group-focus-visible:opacity-40"}`}
      fill="currentColor"
    >
      {active && dir === "desc" ? <path d="M6 9L2 4h8z" /> : <path d="M6 3l4 5H2z" />}
    </svg>
  );
}
