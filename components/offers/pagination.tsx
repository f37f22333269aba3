"use client";

import { useTranslations } from "next-intl";
import { useId, useRef } from "react";

import { PAGE_SIZES, pageWindow, type Page } from "@/lib/offer-list";

export type PageInfo = Pick<Page<unknown>, "page" | "pageCount" | "total" | "from" | "to">;

interface PaginationProps {
  page: PageInfo;
  size: number;
  /** The aggregate in the list's own words: "Showing 1–50 of 5,000 offers". */
  summary: string;
  /** The unfiltered total, when a filter is on. */
  unfilteredTotal?: number;
  /** Fewer page numbers, for a phone's width. */
  compact?: boolean;
  onPage: (page: number) => void;
  onSize: (size: number) => void;
}

// Decoration beside the words (hidden from assistive tech), with a no-break space.
const PREVIOUS_ARROW = "‹\u00a0";
const NEXT_ARROW = "\u00a0›";
const button =
  "inline-flex h-8 min-w-8 items-center justify-center rounded-md px-2 text-sm tabular-nums aria-disabled:cursor-not-allowed aria-disabled:opacity-40";

/**
 * The portal's footer: aggregate and page counts, page size, and paging. Previous/Next are
 * aria-disabled rather than disabled at the ends, so a focused button keeps its focus.
 */
export function Pagination({ page, size, summary, unfilteredTotal, compact = false, onPage, onSize }: PaginationProps) {
  const t = useTranslations("offers.list.pagination");
  const sizeId = useId();
  const ref = useRef<HTMLDivElement>(null);
  // Paging from the footer of a long page: bring the list's top back into view.
  const go = (p: number) => {
    onPage(p);
    const list = ref.current?.closest("section");
    if (list && list.getBoundingClientRect().top < 0) list.scrollIntoView({ block: "start" });
  };
  const filtered = unfilteredTotal !== undefined && unfilteredTotal !== page.total;
  return (
    <div
      ref={ref}
      className="flex flex-wrap items-center justify-between gap-3 border-t border-slate-200 px-3 py-2.5 text-sm text-slate-700"
    >
      <p className="tabular-nums">
        {summary}
        {filtered ? <span className="text-slate-600"> {t("filteredFrom", { total: unfilteredTotal })}</span> : null}
      </p>
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
        <div className="flex items-center gap-2">
          <label htmlFor={sizeId}>{t("rowsPerPage")}</label>
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
          <nav aria-label={t("pages")}>
            <ul className="flex flex-wrap items-center gap-1">
              <li>
                <button
                  type="button"
                  className={`${button} hover:bg-slate-100`}
                  aria-disabled={page.page <= 1}
                  onClick={() => page.page > 1 && go(page.page - 1)}
                >
                  <span aria-hidden="true">{PREVIOUS_ARROW}</span>
                  {t("previous")}
                </button>
              </li>
              {pageWindow(page.page, page.pageCount, compact ? 0 : 1).map((p, i) =>
                p === null ? (
                  <li key={`gap-${i}`} aria-hidden="true" className="px-1 text-slate-500">
                    …
                  </li>
                ) : (
                  <li key={p}>
                    <button
                      type="button"
                      aria-current={p === page.page ? "page" : undefined}
                      aria-label={t("page", { page: p })}
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
                  {t("next")}
                  <span aria-hidden="true">{NEXT_ARROW}</span>
                </button>
              </li>
            </ul>
          </nav>
        ) : null}
      </div>
    </div>
  );
}
