"use client";

import type { ReactNode } from "react";

import type { ListView, Page } from "@/lib/offer-list";
import type { HistoryMode } from "@/lib/use-list-view";

import { Pagination } from "./pagination";

interface ListSectionProps {
  /** The region's name ("Offers", "Sign-off queue"). */
  label: string;
  /** The first load is running: said once in a status, placeholders meanwhile. */
  loading: boolean;
  loadingText: string;
  view: ListView;
  setView: (view: ListView, mode?: HistoryMode) => void;
  page: Page<unknown>;
  /** Every offer of the list before filters, for "(filtered from 5,000)". */
  unfilteredTotal: number;
  /** "Showing 1–50 of 5,000 offers". */
  summary: string;
  /** The phone layout: fewer page numbers. */
  compact: boolean;
  /** The table or the cards. */
  children: ReactNode;
}

/** The list's box: the table or cards, and the paging footer once the data is there. */
export function ListSection(props: ListSectionProps) {
  const { label, loading, loadingText, view, setView, page, unfilteredTotal, summary, compact, children } = props;
  return (
    <section
      aria-label={label}
      aria-busy={loading}
      className="min-w-0 overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm"
    >
      {loading ? (
        <p role="status" className="sr-only">
          {loadingText}
        </p>
      ) : null}
      {children}
      {loading ? null : (
        <Pagination
          page={page}
          size={view.size}
          summary={summary}
          unfilteredTotal={unfilteredTotal}
          compact={compact}
          onPage={(p) => setView({ ...view, page: p })}
          onSize={(size) => setView({ ...view, size, page: 1 })}
        />
      )}
    </section>
  );
}
