"use client";

import { useTranslations } from "next-intl";

import { IndicatorIcon } from "@/components/ui/status-badges";
import type { ListView } from "@/lib/offer-list";
import { useLabels } from "@/lib/use-labels";
import type { Indicator } from "@/lib/schemas/vocabulary";

import { FacetFilter } from "./facet-filter";

/** The lifecycle order for the status chips. */
const CHIP_ORDER: readonly Indicator[] = [
  "draft",
  "publishing",
  "awaitingSignoff",
  "live",
  "failed",
  "canceled",
  "delisted",
  "unknown",
];

interface StatusFacetsProps {
  selected: ListView["status"];
  counts: Record<Indicator, number>;
  total: number;
  onChange: (status: Indicator[]) => void;
}

/** The status filter of All offers; a status with no offers shows only if chosen. */
export function StatusFacets({ selected, counts, total, onChange }: StatusFacetsProps) {
  const t = useTranslations("offers.toolbar");
  const labels = useLabels();
  const options = CHIP_ORDER.filter((i) => counts[i] > 0 || selected.includes(i)).map((i) => ({
    value: i,
    label: labels.indicatorFilter(i),
    count: counts[i],
    icon: <IndicatorIcon indicator={i} />,
  }));
  return (
    <FacetFilter
      legend={t("statusLegend")}
      allLabel={t("allStatuses")}
      total={total}
      options={options}
      selected={selected}
      onChange={onChange}
    />
  );
}
