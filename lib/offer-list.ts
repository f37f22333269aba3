/**
 * The list logic behind All offers and Approvals: the view state kept in the query string,
 * text and facet filters with counts, sorting and paging. Pure functions, so the pages can
 * memoise each stage and a test can pin every rule down.
 */
import { LOCALES } from "@/i18n/locales";
import { attentionRank } from "@/lib/attention";
import { labelsFor, type Labels } from "@/lib/labels";
import type { OfferSummary } from "@/lib/schemas/model";
import { INDICATORS, type Indicator } from "@/lib/schemas/vocabulary";

export const SORT_KEYS = [
  "name",
  "id",
  "type",
  "version",
  "changed",
  "status",
  "waited",
  "issues",
  "attention",
] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type SortDir = "asc" | "desc";

export const PAGE_SIZES = [25, 50, 100, 200] as const;
export const DEFAULT_PAGE_SIZE = 50;

export interface ListView {
  /** Free text matched against name, id and offer type. */
  q: string;
  /** Indicators to show; empty means all. */
  status: Indicator[];
  /** Offer type ids to show (lower case); empty means all. */
  type: string[];
  /** Only offers that need a person (failed, overdue, blocked or rejected, awaiting sign-off). */
  attention: boolean;
  sort: SortKey;
  dir: SortDir;
  /** 1-based; clamped to the page count when the list is shown. */
  page: number;
  size: number;
}

/** Per page: which sort keys make sense and where the view starts. */
export interface ListConfig {
  sortKeys: readonly SortKey[];
  defaultSort: SortKey;
  defaultDir: SortDir;
  /** The order among equal values of the chosen column (else name, then id). */
  tieBreak?: SortKey;
}

export const OFFERS_LIST: ListConfig = {
  sortKeys: ["name", "id", "type", "version", "changed", "status", "attention"],
  defaultSort: "name",
  defaultDir: "asc",
};

/** The approver's queue starts with the longest wait. */
export const APPROVALS_LIST: ListConfig = {
  sortKeys: ["name", "type", "waited", "issues"],
  defaultSort: "waited",
  defaultDir: "desc",
  tieBreak: "waited",
};

/** The direction a column sorts in when first chosen: newest, longest and most first. */
export function initialDir(key: SortKey): SortDir {
  // "attention" ranks the most pressing first (rank 0) and the rest after.
  return key === "changed" || key === "waited" || key === "issues" || key === "version" ? "desc" : "asc";
}

type ParamsLike = Pick<URLSearchParams, "get">;

function list(raw: string | null): string[] {
  return (raw ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
}

const INDICATOR_SET: ReadonlySet<string> = new Set(INDICATORS);

/** Reads the view from the query string; anything unreadable falls back to the default. */
export function parseListView(params: ParamsLike, config: ListConfig): ListView {
  const sortRaw = params.get("sort");
  const sort = config.sortKeys.find((k) => k === sortRaw) ?? config.defaultSort;
  const dirRaw = params.get("dir");
  const dir: SortDir =
    dirRaw === "asc" || dirRaw === "desc" ? dirRaw : sort === config.defaultSort ? config.defaultDir : initialDir(sort);
  const page = Number.parseInt(params.get("page") ?? "", 10);
  const size = Number.parseInt(params.get("size") ?? "", 10);
  const status = [...new Set(list(params.get("status")).filter((s): s is Indicator => INDICATOR_SET.has(s)))];
  const type = [...new Set(list(params.get("type")).map((t) => t.toLowerCase()))];
  return {
    q: (params.get("q") ?? "").slice(0, 200),
    status,
    type,
    attention: params.get("attention") === "1",
    sort,
    dir,
    page: Number.isFinite(page) && page >= 1 ? page : 1,
    size: (PAGE_SIZES as readonly number[]).includes(size) ? size : DEFAULT_PAGE_SIZE,
  };
}

/** The query string for a view, leaving out defaults so shared links stay short. */
export function serializeListView(view: ListView, config: ListConfig): string {
  const params = new URLSearchParams();
  if (view.q.trim()) params.set("q", view.q);
  if (view.status.length) params.set("status", view.status.join(","));
  if (view.type.length) params.set("type", view.type.join(","));
  if (view.attention) params.set("attention", "1");
  const defaultDir = view.sort === config.defaultSort ? config.defaultDir : initialDir(view.sort);
  if (view.sort !== config.defaultSort) params.set("sort", view.sort);
  if (view.dir !== defaultDir) params.set("dir", view.dir);
  if (view.page > 1) params.set("page", String(view.page));
  if (view.size !== DEFAULT_PAGE_SIZE) params.set("size", String(view.size));
  const text = params.toString();
  return text ? `?${text}` : "";
}

/** Clicking a column: the same column flips direction, another starts in its natural one. */
export function toggleSort(view: ListView, key: SortKey): ListView {
  const dir = view.sort === key ? (view.dir === "asc" ? "desc" : "asc") : initialDir(key);
  return { ...view, sort: key, dir, page: 1 };
}

const haystacks = new WeakMap<OfferSummary, string>();

function haystack(offer: OfferSummary): string {
  let text = haystacks.get(offer);
  if (text === undefined) {
    // The type in every language, so a search finds it whichever language the page is in.
    const types = LOCALES.map((locale) => labelsFor(locale).offerType(offer.offerTypeId));
    text = [offer.name, offer.id, ...types, offer.offerTypeId].join("\n").toLowerCase();
    haystacks.set(offer, text);
  }
  return text;
}

/**
 * A test for the text filter: every word of the query must appear in the name, id or type
 * (case-insensitive). The query is split once, not once per offer.
 */
export function textMatcher(q: string): (offer: OfferSummary) => boolean {
  const words = q.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return () => true;
  return (offer) => {
    const text = haystack(offer);
    return words.every((w) => text.includes(w));
  };
}

export function matchesText(offer: OfferSummary, q: string): boolean {
  return textMatcher(q)(offer);
}

export function filterByText(offers: readonly OfferSummary[], q: string): OfferSummary[] {
  return q.trim() ? offers.filter(textMatcher(q)) : [...offers];
}

/**
 * The facet filters (status, offer type and "needs attention"), applied after the text
 * filter; `now` decides which steps are overdue.
 */
export function filterByFacets(
  offers: readonly OfferSummary[],
  facets: Pick<ListView, "status" | "type"> & { attention?: boolean; now?: number },
): OfferSummary[] {
  const status = new Set<string>(facets.status);
  const type = new Set(facets.type);
  const now = facets.now ?? Date.now();
  return offers.filter(
    (o) =>
      (status.size === 0 || status.has(o.indicator)) &&
      (type.size === 0 || type.has(o.offerTypeId.toLowerCase())) &&
      (!facets.attention || attentionRank(o, now) !== null),
  );
}

/** How many offers need a person now. */
export function countNeedingAttention(offers: readonly OfferSummary[], now: number): number {
  let count = 0;
  for (const o of offers) if (attentionRank(o, now) !== null) count++;
  return count;
}

/** How many offers carry each indicator (every indicator present, zero when none). */
export function countByIndicator(offers: readonly OfferSummary[]): Record<Indicator, number> {
  const counts = Object.fromEntries(INDICATORS.map((i) => [i, 0])) as Record<Indicator, number>;
  for (const o of offers) counts[o.indicator]++;
  return counts;
}

/** How many offers of each type (lower-cased id), most common first. */
export function countByType(
  offers: readonly OfferSummary[],
  labels: Labels,
): { type: string; label: string; count: number }[] {
  const collator = collatorFor(labels.locale);
  const counts = new Map<string, { label: string; count: number }>();
  for (const o of offers) {
    const key = o.offerTypeId.toLowerCase();
    const entry = counts.get(key);
    if (entry) entry.count++;
    else counts.set(key, { label: labels.offerType(o.offerTypeId), count: 1 });
  }
  return [...counts.entries()]
    .map(([type, { label, count }]) => ({ type, label, count }))
    .sort((a, b) => b.count - a.count || collator.compare(a.label, b.label));
}

/** Needs a person first, then moving, then settled: the order a publisher scans for. */
export const STATUS_ORDER: readonly Indicator[] = [
  "awaitingSignoff",
  "failed",
  "publishing",
  "unknown",
  "canceled",
  "draft",
  "live",
  "delisted",
];
const statusRank = new Map(STATUS_ORDER.map((s, i) => [s, i]));

const collators = new Map<string, Intl.Collator>();

/** Names sort as the page's language sorts them (numbers by value: "vm-2" before "vm-10"). */
function collatorFor(locale: string): Intl.Collator {
  let collator = collators.get(locale);
  if (!collator) {
    collator = new Intl.Collator(locale, { numeric: true, sensitivity: "base" });
    collators.set(locale, collator);
  }
  return collator;
}

function time(value: string | null): number | null {
  if (value === null) return null;
  const t = Date.parse(value);
  return Number.isNaN(t) ? null : t;
}

/** When the sign-off wait began: the step's own time, else the offer's last change. */
export function waitStart(offer: OfferSummary): number | null {
  return time(offer.waitingSince) ?? time(offer.changedTime);
}

type Key = number | string | null;

/** The value to sort on; for `waited` a larger value is a longer wait. */
function sortValue(offer: OfferSummary, key: SortKey, labels: Labels, now: number): Key {
  switch (key) {
    case "name":
      return offer.name;
    case "id":
      return offer.id;
    case "type":
      return labels.offerType(offer.offerTypeId);
    case "version":
      return offer.version;
    case "changed":
      return time(offer.changedTime);
    case "status":
      return statusRank.get(offer.indicator) ?? STATUS_ORDER.length;
    case "waited": {
      const start = waitStart(offer);
      return start === null ? null : -start;
    }
    case "issues":
      return offer.errorCount * 1_000_000 + offer.warningCount;
    case "attention":
      return attentionRank(offer, now);
  }
}

function compareKeys(a: Key, b: Key, collator: Intl.Collator): number {
  if (typeof a === "string" && typeof b === "string") return collator.compare(a, b);
  if (typeof a === "number" && typeof b === "number") return a - b;
  return 0;
}

/** Missing values last whatever the direction; 0 when equal. */
function compareValues(a: Key, b: Key, sign: number, collator: Intl.Collator): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  return sign * compareKeys(a, b, collator);
}

export interface SortOptions {
  /** The column that orders equal values (in its natural direction) before name and id. */
  tieBreak?: SortKey;
  /** The time "overdue" is judged at, for the `attention` sort. */
  now?: number;
}

/**
 * A stable sort on one column; missing values go last in both directions, and ties fall
 * back to the tie-break column, then name then id, so the order never jumps between polls.
 */
export function sortOffers(
  offers: readonly OfferSummary[],
  key: SortKey,
  dir: SortDir,
  labels: Labels,
  options: SortOptions = {},
): OfferSummary[] {
  const collator = collatorFor(labels.locale);
  const now = options.now ?? Date.now();
  const sign = dir === "asc" ? 1 : -1;
  const tie = options.tieBreak !== undefined && options.tieBreak !== key ? options.tieBreak : null;
  const tieSign = tie !== null && initialDir(tie) === "desc" ? -1 : 1;
  const keyed = offers.map((offer) => ({
    offer,
    value: sortValue(offer, key, labels, now),
    tie: tie === null ? null : sortValue(offer, tie, labels, now),
  }));
  keyed.sort(
    (a, b) =>
      compareValues(a.value, b.value, sign, collator) ||
      compareValues(a.tie, b.tie, tieSign, collator) ||
      collator.compare(a.offer.name, b.offer.name) ||
      collator.compare(a.offer.id, b.offer.id),
  );
  return keyed.map((k) => k.offer);
}

export interface Page<T> {
  items: T[];
  /** The page shown, clamped to 1..pageCount. */
  page: number;
  pageCount: number;
  total: number;
  /** 1-based positions of the first and last item shown; 0 and 0 when empty. */
  from: number;
  to: number;
}

export function paginate<T>(items: readonly T[], page: number, size: number): Page<T> {
  const total = items.length;
  const pageCount = Math.max(1, Math.ceil(total / size));
  const current = Math.min(Math.max(1, Math.floor(page)), pageCount);
  const start = (current - 1) * size;
  const slice = items.slice(start, start + size);
  return {
    items: slice,
    page: current,
    pageCount,
    total,
    from: slice.length ? start + 1 : 0,
    to: start + slice.length,
  };
}

/**
 * Page numbers to offer, with `null` for a gap: always the first and last, and the
 * neighbours of the current page ("1 … 4 5 6 … 63").
 */
export function pageWindow(page: number, pageCount: number, radius = 1): (number | null)[] {
  const pages: (number | null)[] = [];
  for (let p = 1; p <= pageCount; p++) {
    const near = Math.abs(p - page) <= radius;
    const edge = p === 1 || p === pageCount;
    // A gap of one page is shown as that page rather than as an ellipsis.
    const bridges = Math.abs(p - page) === radius + 1 && (p === 2 || p === pageCount - 1);
    if (near || edge || bridges) pages.push(p);
    else if (pages[pages.length - 1] !== null) pages.push(null);
  }
  return pages;
}
