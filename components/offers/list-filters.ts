import type { ListView } from "@/lib/offer-list";

/** Whether any filter (text, status or type) narrows the list. */
export function isFiltering(view: ListView): boolean {
  return view.q.trim() !== "" || view.status.length > 0 || view.type.length > 0 || view.attention;
}

/** The same view with every filter off, back on the first page. */
export function withoutFilters(view: ListView): ListView {
  return { ...view, q: "", status: [], type: [], attention: false, page: 1 };
}
