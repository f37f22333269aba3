"use client";

import type { MouseEvent, ReactNode } from "react";

import { rowId } from "@/lib/progressive-rows";
import { useProgressiveRows } from "@/lib/use-progressive-rows";

import { SkeletonCards } from "./list-states";
import { handleRowClick } from "./row-click";

interface CardListProps<T> {
  /** The page's offers, or null before the first load. */
  rows: readonly T[] | null;
  /** The list's accessible name (the table's caption on a desktop). */
  caption: string;
  /** Shown in place of cards when there are none (an EmptyState). */
  empty: ReactNode;
  children: (row: T) => ReactNode;
}

/** The phone's form of an offer list: one card per offer in a labelled list. */
export function CardList<T extends { id: string }>({ rows, caption, empty, children }: CardListProps<T>) {
  const progressive = useProgressiveRows(rows, rowId);
  if (progressive === null) return <SkeletonCards />;
  if (progressive.shown.length === 0) return empty;
  return (
    <ul aria-label={caption} className="flex flex-col gap-3 p-3">
      {progressive.shown.map(children)}
      {progressive.pending > 0 ? (
        // Room for the cards that follow a moment later (see PendingRows).
        <li
          aria-hidden="true"
          data-pending-rows={progressive.pending}
          style={{ height: `${progressive.pending * 9}rem` }}
        />
      ) : null}
    </ul>
  );
}

interface CardProps {
  offerId: string;
  href: string;
  navigate: (href: string) => void;
  /** Changed on the last poll: highlighted for a while, like a table row. */
  changed: boolean;
  /** A tint for another state (a Go live request on its way). */
  tint?: string;
  children: ReactNode;
}

/**
 * One offer's card. Like a table row, a click anywhere opens its Status tab while the name's
 * link stays the way in for the keyboard; the card shows where that link's focus is.
 */
export function Card({ offerId, href, navigate, changed, tint = "", children }: CardProps) {
  return (
    <li
      data-offer-id={offerId}
      data-changed={changed || undefined}
      onClick={(event: MouseEvent<HTMLElement>) => handleRowClick(event, href, navigate)}
      className={`has-[a:focus-visible]:border-brand-600 flex cursor-pointer flex-col gap-2 rounded-lg border border-slate-200 p-3 text-sm transition-[background-color] duration-1000 hover:bg-slate-50 ${changed ? "bg-amber-50" : tint}`}
    >
      {children}
    </li>
  );
}

/** The card's name (its link) and id, at its top. */
export function CardTitle({ id, children }: { id: string; children: ReactNode }) {
  return (
    <div className="min-w-0">
      <h2 className="text-base leading-snug break-words">{children}</h2>
      <p className="mt-0.5 font-mono text-xs break-all text-slate-600">{id}</p>
    </div>
  );
}

/** Label–value pairs of a card ("Type", "Last changed"). */
export function CardFacts({ facts }: { facts: readonly { label: string; value: ReactNode }[] }) {
  return (
    <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 gap-y-1 text-xs">
      {facts.map((f) => (
        <div key={f.label} className="contents">
          <dt className="text-slate-600">{f.label}</dt>
          <dd className="text-slate-800">{f.value}</dd>
        </div>
      ))}
    </dl>
  );
}
