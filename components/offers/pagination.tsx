"use client";

import { useId, useRef } from "react";

import { PAGE_SIZES, pageWindow, type Page } from "@/lib/offer-list";

interface PaginationProps {
  page: Pick<Page<unknown>, "page" | "pageCount" | "total" | "from" | "to">;
  size: number;
  /** What the rows are, singular and plural: ["offer", "offers"]. */
  noun: readonly [string, string];
  /** The unfiltered total, when a filter is on. */
  unfilteredTotal?: number;
  onPage: (page: number) => void;
  onSize: (size: number) => void;
}

const nf = new Intl.NumberFormat("en");
const button =
  "inline-flex h-8 min-w-8 items-center justify-center rounded-md px-2 text-sm tabular-nums aria-disabled:cursor-not-allowed aria-disabled:opacity-40";

/**
 * The portal's footer: aggregate and page counts, page size, and paging. Previous/Next are
 * aria-disabled rather than disabled at the ends, so a focused button keeps its focus.
 */
export function Pagination({ page, size, noun, unfilteredTotal, onPage, onSize }: PaginationProps) {
  const sizeId = useId();
  const ref = useRef<HTMLDivElement>(null);
  // Paging from the footer of a long page: bring the table's top back into view.
  const go = (p: number) => {
    onPage(p);
    const table = ref.current?.closest("section");
    if (table && table.getBoundingClientRect().top < 0) table.scrollIntoView({ block: "start" });
  };
  const filtered = unfilteredTotal !== undefined && unfilteredTotal !== page.total;
  const [one, many] = noun;
  return (
    <div
      ref={ref}
      className="flex flex-wrap items-center justify-between gap-3 border-t border-slate-200 px-3 py-2.5 text-sm text-slate-700"
    >
      <p className="tabular-nums">
        {page.total === 0 ? (
          `No ${many}`
        ) : (
          <>
            Showing {nf.format(page.from)}–{nf.format(page.to)} of {nf.format(page.total)}{" "}
            {page.total === 1 ? one : many}
          </>
        )}
        {filtered ? <span className="text-slate-500"> (filtered from {nf.format(unfilteredTotal)})</span> : null}
      </p>
      <div className="flex flex-wrap items-center gap-4">
        <div className="flex items-center gap-2">
          <label htmlFor={sizeId}>Rows per page</label>
          <select
            id={sizeId}
            value={size}
            onChange={(event) => onSize(Number(event.target.value))}
            className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm"
          >
            {PAGE_SIZES.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </div>
        {page.pageCount > 1 ? (
          <nav aria-label="Pages">
            <ul className="flex items-center gap-1">
              <li>
                <button
                  type="button"
                  className={`${button} hover:bg-slate-100`}
                  aria-disabled={page.page <= 1}
                  onClick={() => page.page > 1 && go(page.page - 1)}
                >
                  <span aria-hidden="true">‹&nbsp;</span>Previous
                </button>
              </li>
              {pageWindow(page.page, page.pageCount).map((p, i) =>
                p === null ? (
                  <li key={`gap-${i}`} aria-hidden="true" className="px-1 text-slate-400">
                    …
                  </li>
                ) : (
                  <li key={p}>
                    <button
                      type="button"
                      aria-current={p === page.page ? "page" : undefined}
                      aria-label={`Page ${p}`}
                      onClick={() => go(p)}
                      className={`${button} ${p === page.page ? "bg-slate-900 font-semibold text-white" : "hover:bg-slate-100"}`}
                    >
                      {p}
                    </button>
                  </li>
                ),
              )}
              <li>
                <button
                  type="button"
                  className={`${button} hover:bg-slate-100`}
                  aria-disabled={page.page >= page.pageCount}
                  onClick={() => page.page < page.pageCount && go(page.page + 1)}
                >
                  Next<span aria-hidden="true">&nbsp;›</span>
                </button>
              </li>
            </ul>
          </nav>
        ) : null}
      </div>
    </div>
  );
}
