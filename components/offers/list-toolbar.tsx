"use client";

import { useTranslations } from "next-intl";
import type { ReactNode } from "react";

import type { ListConfig, ListView } from "@/lib/offer-list";
import type { HistoryMode } from "@/lib/use-list-view";

import { SearchBox } from "./search-box";
import { SortSelect } from "./sort-select";

interface ListToolbarProps {
  view: ListView;
  setView: (view: ListView, mode?: HistoryMode) => void;
  config: ListConfig;
  /** The search box's accessible name ("Filter offers by name or id"). */
  searchLabel: string;
  /** The facet chips (status or type), when there is anything to choose. */
  facets: ReactNode;
  /** Cards have no column headers to click: the phone sorts with a select instead. */
  sortSelect: boolean;
}

/** Text filter, the phone's sort, and the facets: the toolbar of both offer lists. */
export function ListToolbar({ view, setView, config, searchLabel, facets, sortSelect }: ListToolbarProps) {
  const t = useTranslations("offers.list");
  return (
    <div className="flex min-w-0 flex-col gap-3">
      <div className="flex flex-row items-center gap-2 sm:gap-3">
        <SearchBox
          value={view.q}
          onCommit={(q) => setView({ ...view, q, page: 1 }, "replace")}
          label={searchLabel}
          placeholder={t("filterPlaceholder")}
        />
        {sortSelect ? (
          <SortSelect
            keys={config.sortKeys}
            view={view}
            onSort={(sort, dir) => setView({ ...view, sort, dir, page: 1 })}
          />
        ) : null}
      </div>
      {facets}
    </div>
  );
}
