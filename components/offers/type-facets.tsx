"use client";

import { useTranslations } from "next-intl";

import type { ListView } from "@/lib/offer-list";

import { FacetFilter } from "./facet-filter";

interface TypeFacetsProps {
  selected: ListView["type"];
  typeCounts: { type: string; label: string; count: number }[];
  total: number;
  onChange: (type: string[]) => void;
}

/**
 * The offer-type filter of both lists; shown when there is a choice. A chosen type with no
 * offers left stays visible to undo it.
 */
export function TypeFacets({ selected, typeCounts, total, onChange }: TypeFacetsProps) {
  const t = useTranslations("offers.toolbar");
  const known = new Set(typeCounts.map((c) => c.type));
  const options = [
    ...typeCounts.map((c) => ({ value: c.type, label: c.label, count: c.count })),
    ...selected.filter((type) => !known.has(type)).map((type) => ({ value: type, label: type, count: 0 })),
  ];
  if (options.length <= 1 && selected.length === 0) return null;
  return (
    <FacetFilter
      legend={t("typeLegend")}
      allLabel={t("allTypes")}
      total={total}
      options={options}
      selected={selected}
      onChange={onChange}
    />
  );
}
