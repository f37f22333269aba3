import { describe, expect, it } from "vitest";

import {
  APPROVALS_LIST,
  OFFERS_LIST,
  countByIndicator,
  countByType,
  filterByFacets,
  filterByText,
  pageWindow,
  paginate,
  parseListView,
  serializeListView,
  sortOffers,
  toggleSort,
  waitStart,
  type ListView,
} from "./offer-list";
import { labelsFor } from "./labels";
import type { OfferSummary } from "./schemas/model";
import { parseOfferStatus, type Indicator } from "./schemas/vocabulary";

function offer(id: string, over: Partial<OfferSummary> = {}): OfferSummary {
  return {
    id,
    publisherId: "contoso",
    name: id,
    offerTypeId: "microsoft-azure-virtualmachines",
    version: 1,
    changedTime: "2024-01-01T00:00:00Z",
    status: parseOfferStatus("succeeded"),
    indicator: "live",
    currentStep: null,
    waitingSince: null,
    warningCount: 0,
    errorCount: 0,
    statusError: null,
    previewLinks: [],
    ...over,
  };
}

const ids = (offers: OfferSummary[]) => offers.map((o) => o.id);
const params = (query: string) => new URLSearchParams(query);

const en = labelsFor("en");

describe("parseListView / serializeListView", () => {
  it("reads defaults from an empty query and writes them back as nothing", () => {
    const view = parseListView(params(""), OFFERS_LIST);
    expect(view).toEqual({
      q: "",
      status: [],
      type: [],
      attention: false,
      sort: "name",
      dir: "asc",
      page: 1,
      size: 50,
    });
    expect(serializeListView(view, OFFERS_LIST)).toBe("");
  });

  it("round-trips a full view", () => {
    const view: ListView = {
      q: "contoso vm",
      status: ["publishing", "failed"],
      type: ["microsoft-azure-saas"],
      attention: true,
      sort: "changed",
      dir: "asc",
      page: 3,
      size: 100,
    };
    const query = serializeListView(view, OFFERS_LIST);
    expect(query).toBe(
      "?q=contoso+vm&status=publishing%2Cfailed&type=microsoft-azure-saas&attention=1&sort=changed&dir=asc&page=3&size=100",
    );
    expect(parseListView(params(query.slice(1)), OFFERS_LIST)).toEqual(view);
  });

  it("ignores values it does not know instead of failing", () => {
    const view = parseListView(
      params("status=live,bogus,live&sort=drop-table&dir=sideways&page=-4&size=7"),
      OFFERS_LIST,
    );
    expect(view.status).toEqual(["live"]);
    expect(view.sort).toBe("name");
    expect(view.dir).toBe("asc");
    expect(view.page).toBe(1);
    expect(view.size).toBe(50);
  });

  it("rejects a sort key the page does not offer", () => {
    expect(parseListView(params("sort=waited"), OFFERS_LIST).sort).toBe("name");
    expect(parseListView(params("sort=version"), APPROVALS_LIST).sort).toBe("waited");
    expect(parseListView(params("sort=issues"), APPROVALS_LIST)).toMatchObject({ sort: "issues", dir: "desc" });
  });

  it("gives a column chosen without a direction its natural one", () => {
    expect(parseListView(params("sort=changed"), OFFERS_LIST).dir).toBe("desc");
    expect(parseListView(params(""), APPROVALS_LIST)).toMatchObject({ sort: "waited", dir: "desc" });
    expect(serializeListView(parseListView(params("sort=changed"), OFFERS_LIST), OFFERS_LIST)).toBe("?sort=changed");
  });

  it("flips the direction on the same column and resets the page", () => {
    const view = parseListView(params("page=4"), OFFERS_LIST);
    expect(toggleSort(view, "name")).toMatchObject({ sort: "name", dir: "desc", page: 1 });
    expect(toggleSort(view, "changed")).toMatchObject({ sort: "changed", dir: "desc", page: 1 });
  });
});

describe("filters", () => {
  const offers = [
    offer("contoso-vm-live", { name: "Contoso Secure Gateway" }),
    offer("contoso-saas-1", { name: "Contoso Billing", offerTypeId: "microsoft-azure-saas", indicator: "failed" }),
    offer("fabrikam-app", { name: "Fabrikam Suite", offerTypeId: "Microsoft-Azure-Applications", indicator: "failed" }),
  ];

  it("matches every word against name, id and the type's readable name, ignoring case", () => {
    expect(ids(filterByText(offers, "gateway"))).toEqual(["contoso-vm-live"]);
    expect(ids(filterByText(offers, "SAAS-1"))).toEqual(["contoso-saas-1"]);
    expect(ids(filterByText(offers, "contoso  billing"))).toEqual(["contoso-saas-1"]);
    expect(ids(filterByText(offers, "azure application"))).toEqual(["fabrikam-app"]);
    expect(ids(filterByText(offers, "contoso fabrikam"))).toEqual([]);
    expect(filterByText(offers, "   ")).toHaveLength(3);
  });

  it("finds a type by its name in either language", () => {
    expect(ids(filterByText(offers, "Azure 應用程式"))).toEqual(["fabrikam-app"]);
    expect(ids(filterByText(offers, "虛擬機器"))).toEqual(["contoso-vm-live"]);
  });

  it("filters on status and type, case-insensitively for types", () => {
    expect(ids(filterByFacets(offers, { status: ["failed"], type: [] }))).toEqual(["contoso-saas-1", "fabrikam-app"]);
    expect(ids(filterByFacets(offers, { status: ["failed"], type: ["microsoft-azure-applications"] }))).toEqual([
      "fabrikam-app",
    ]);
    expect(filterByFacets(offers, { status: [], type: [] })).toHaveLength(3);
  });

  it("counts every indicator, with zeros", () => {
    const counts = countByIndicator(offers);
    expect(counts).toMatchObject({ live: 1, failed: 2, publishing: 0, awaitingSignoff: 0, unknown: 0 });
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(3);
  });

  it("counts types under their readable names, most common first", () => {
    expect(countByType([...offers, offer("x", { offerTypeId: "microsoft-azure-saas" })], en)).toEqual([
      { type: "microsoft-azure-saas", label: "SaaS", count: 2 },
      { type: "microsoft-azure-applications", label: "Azure application", count: 1 },
      { type: "microsoft-azure-virtualmachines", label: "Virtual machine", count: 1 },
    ]);
  });
});

describe("sortOffers", () => {
  it("sorts names naturally and breaks ties by id so polls never reorder equal rows", () => {
    const offers = [offer("b", { name: "Offer 10" }), offer("a", { name: "offer 9" }), offer("c", { name: "Offer 9" })];
    expect(ids(sortOffers(offers, "name", "asc", en))).toEqual(["a", "c", "b"]);
    expect(ids(sortOffers(offers, "name", "desc", en))).toEqual(["b", "a", "c"]);
  });

  it("puts offers that need a person first when sorting by status", () => {
    const indicators: Indicator[] = ["live", "publishing", "awaitingSignoff", "draft", "failed", "unknown"];
    const offers = indicators.map((indicator) => offer(indicator, { indicator }));
    expect(ids(sortOffers(offers, "status", "asc", en))).toEqual([
      "awaitingSignoff",
      "failed",
      "publishing",
      "unknown",
      "draft",
      "live",
    ]);
  });

  it("keeps missing values last in both directions", () => {
    const offers = [
      offer("none", { changedTime: null, version: null }),
      offer("old", { changedTime: "2023-01-01T00:00:00Z", version: 2 }),
      offer("new", { changedTime: "2024-06-01T00:00:00Z", version: 10 }),
    ];
    expect(ids(sortOffers(offers, "changed", "desc", en))).toEqual(["new", "old", "none"]);
    expect(ids(sortOffers(offers, "changed", "asc", en))).toEqual(["old", "new", "none"]);
    expect(ids(sortOffers(offers, "version", "desc", en))).toEqual(["new", "old", "none"]);
  });

  it("sorts the queue by wait, from the sign-off step's time or else the last change", () => {
    const offers = [
      offer("recent", { waitingSince: "2024-05-01T00:00:00Z" }),
      offer("fallback", { waitingSince: null, changedTime: "2024-03-01T00:00:00Z" }),
      offer("oldest", { waitingSince: "2024-01-01T00:00:00Z", changedTime: "2024-06-01T00:00:00Z" }),
      offer("unknown", { waitingSince: null, changedTime: null }),
    ];
    expect(ids(sortOffers(offers, "waited", "desc", en))).toEqual(["oldest", "fallback", "recent", "unknown"]);
    expect(waitStart(offers[1]!)).toBe(Date.parse("2024-03-01T00:00:00Z"));
  });

  it("ranks errors above any number of warnings", () => {
    const offers = [offer("warnings", { warningCount: 9 }), offer("error", { errorCount: 1 }), offer("clean")];
    expect(ids(sortOffers(offers, "issues", "desc", en))).toEqual(["error", "warnings", "clean"]);
  });

  it("breaks ties by the page's tie-break column: the queue's equal rows longest wait first", () => {
    const offers = [
      offer("a-recent", { errorCount: 1, waitingSince: "2024-05-01T00:00:00Z" }),
      offer("b-oldest", { errorCount: 1, waitingSince: "2024-01-01T00:00:00Z" }),
      offer("c-clean", { waitingSince: "2023-01-01T00:00:00Z" }),
    ];
    expect(ids(sortOffers(offers, "issues", "desc", en, { tieBreak: "waited" }))).toEqual([
      "b-oldest",
      "a-recent",
      "c-clean",
    ]);
    // Without a tie-break, equal rows fall back to the name.
    expect(ids(sortOffers(offers, "issues", "desc", en))).toEqual(["a-recent", "b-oldest", "c-clean"]);
    // The tie-break keeps its own direction whichever way the column is sorted.
    expect(ids(sortOffers(offers, "issues", "asc", en, { tieBreak: "waited" }))).toEqual([
      "c-clean",
      "b-oldest",
      "a-recent",
    ]);
  });

  it("sorts 5,000 offers without trouble", () => {
    const offers = Array.from({ length: 5000 }, (_, i) => offer(`offer-${(i * 7919) % 5000}`));
    const sorted = sortOffers(offers, "id", "asc", en);
    expect(sorted[0]?.id).toBe("offer-0");
    expect(sorted[4999]?.id).toBe("offer-4999");
  });
});

describe("paginate / pageWindow", () => {
  const items = Array.from({ length: 312 }, (_, i) => i);

  it("reports the range shown, like the portal's footer", () => {
    expect(paginate(items, 1, 50)).toMatchObject({ page: 1, pageCount: 7, total: 312, from: 1, to: 50 });
    expect(paginate(items, 7, 50)).toMatchObject({ page: 7, from: 301, to: 312 });
    expect(paginate(items, 7, 50).items).toHaveLength(12);
  });

  it("clamps a page past the end (a filter shrank the list) and handles empty lists", () => {
    expect(paginate(items, 99, 50).page).toBe(7);
    expect(paginate([], 3, 50)).toMatchObject({ page: 1, pageCount: 1, total: 0, from: 0, to: 0, items: [] });
  });

  it("offers first, last and neighbours, with gaps", () => {
    expect(pageWindow(1, 1)).toEqual([1]);
    expect(pageWindow(1, 7)).toEqual([1, 2, null, 7]);
    expect(pageWindow(4, 7)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(pageWindow(5, 63)).toEqual([1, null, 4, 5, 6, null, 63]);
    expect(pageWindow(63, 63)).toEqual([1, null, 62, 63]);
  });
});
