/**
 * How many of a list's rows to render at once: about a screenful of rows that are not on
 * screen yet. Rows already rendered cost little (memoised), so they never count.
 */
export const IMMEDIATE_NEW_ROWS = 16;

/** The key of a row that has an id (an offer). */
export const rowId = (row: { id: string }): string => row.id;

export interface ProgressiveRows<T> {
  /** The rows to render now: a prefix of the list. */
  shown: readonly T[];
  /** The rows after them, left for a render that follows. */
  pending: number;
}

/**
 * The prefix of `rows` to render now, given the rows rendered before (`previous`): every row
 * until `immediate` rows new to the screen have been taken. A poll that changes a few offers,
 * or a sort within the page, renders in full; a filter that brings 50 new rows renders the
 * first 16 now.
 */
export function progressiveRows<T>(
  rows: readonly T[],
  previous: readonly T[] | null,
  key: (row: T) => string,
  immediate = IMMEDIATE_NEW_ROWS,
): ProgressiveRows<T> {
  if (rows.length <= immediate) return { shown: rows, pending: 0 };
  const rendered = new Set(previous?.map(key));
  let fresh = 0;
  for (let end = 0; end < rows.length; end++) {
    if (rendered.has(key(rows[end] as T))) continue;
    if (++fresh > immediate) return { shown: rows.slice(0, end), pending: rows.length - end };
  }
  return { shown: rows, pending: 0 };
}
