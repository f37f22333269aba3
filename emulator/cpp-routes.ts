import type { RouteKind } from "./faults";

/** Route table of the CPP API (paths after /api). */

export interface CppRoute {
  readonly kind: RouteKind;
  readonly method: "GET" | "POST";
  /** Templated route used as the stats key, e.g. "/api/publishers/{p}/offers/{o}/status". */
  readonly template: string;
  readonly publisherId?: string;
  readonly offerId?: string;
  readonly version?: string;
  readonly slot?: string;
  readonly operationId?: string;
  /** publishingVersion from a non-migrated operation path ({p}${o}${n}$preview). */
  readonly publishingVersion?: number;
}

export type RouteMatch =
  | { readonly type: "route"; readonly route: CppRoute }
  | { readonly type: "method"; readonly allow: string }
  | { readonly type: "none" };

const OFFER = "/api/publishers/{p}/offers/{o}";

function offerRoute(p: string, o: string, rest: readonly string[]): Omit<CppRoute, "method"> | null {
  const base = { publisherId: p, offerId: o };
  const [a, b] = rest;
  if (rest.length === 0) return { ...base, kind: "offer", template: OFFER };
  if (rest.length === 1) {
    switch (a) {
      case "status":
        return { ...base, kind: "status", template: `${OFFER}/status` };
      case "publish":
      case "golive":
      case "cancel":
        return { ...base, kind: a, template: `${OFFER}/${a}` };
      case "submissions":
        return { ...base, kind: "operations", template: `${OFFER}/submissions` };
      default:
        return null;
    }
  }
  if (rest.length === 2 && b !== undefined) {
    if (a === "versions") return { ...base, kind: "offer", template: `${OFFER}/versions/{n}`, version: b };
    if (a === "slot") return { ...base, kind: "offer", template: `${OFFER}/slot/{slot}`, slot: b };
    if (a === "operations")
      return { ...base, kind: "operations", template: `${OFFER}/operations/{id}`, operationId: b };
  }
  return null;
}

/** Parses "{p}${o}${n}$preview" (the `$` may have arrived as %24; segments are decoded). */
function operationPath(path: string): Omit<CppRoute, "method"> | null {
  const parts = path.split("$");
  const [p, o, n, slot] = parts;
  if (parts.length !== 4 || !p || !o || n === undefined || !/^\d{1,9}$/.test(n) || slot === undefined) return null;
  return {
    kind: "operations",
    template: "/api/operations/{p}${o}${n}${slot}",
    publisherId: p,
    offerId: o,
    publishingVersion: Number(n),
    slot,
  };
}

/** `segments` are the decoded path segments after "api". */
export function matchCppRoute(method: string, segments: readonly string[]): RouteMatch {
  let found: Omit<CppRoute, "method"> | null = null;
  const [first, p, offers, o, ...rest] = segments;
  if (first === "publishers") {
    if (segments.length === 1) found = { kind: "publishers", template: "/api/publishers" };
    else if (p && offers === "offers" && segments.length === 3) {
      found = { kind: "offers", template: "/api/publishers/{p}/offers", publisherId: p };
    } else if (p && offers === "offers" && o) found = offerRoute(p, o, rest);
  } else if (first === "operations" && segments.length === 2 && p) {
    found = operationPath(p);
  }
  if (found === null) return { type: "none" };
  const expected = found.kind === "publish" || found.kind === "golive" || found.kind === "cancel" ? "POST" : "GET";
  if (method !== expected) return { type: "method", allow: expected };
  return { type: "route", route: { ...found, method: expected } };
}
