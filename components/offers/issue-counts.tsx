"use client";

import { useTranslations } from "next-intl";
import { useCallback } from "react";

import { Icon } from "@/components/ui/icon";

/** "1 error · 2 warnings", icon + text; "None" (or nothing, when `quiet`) for a clean offer. */
export function IssueCounts({
  errors,
  warnings,
  quiet = false,
}: {
  errors: number;
  warnings: number;
  quiet?: boolean;
}) {
  const t = useTranslations("offers.list.issues");
  if (errors === 0 && warnings === 0) {
    return quiet ? null : <span className="text-sm text-slate-600">{t("none")}</span>;
  }
  return (
    <span className="inline-flex flex-wrap items-center gap-x-3 gap-y-1 text-xs font-medium">
      {errors > 0 ? (
        <span data-level="error" className="inline-flex items-center gap-1 text-red-700">
          <Icon name="cross" className="h-3.5 w-3.5" />
          {t("errors", { count: errors })}
        </span>
      ) : null}
      {warnings > 0 ? (
        <span data-level="warning" className="inline-flex items-center gap-1 text-amber-800">
          <Icon name="warning" className="h-3.5 w-3.5" />
          {t("warnings", { count: warnings })}
        </span>
      ) : null}
    </span>
  );
}

/** "1 error and 2 warnings" in the page's language, for sentences. */
export function useIssueSentence(): (errors: number, warnings: number) => string {
  const t = useTranslations("offers.list.issues");
  return useCallback(
    (errors: number, warnings: number) => {
      const e = errors ? t("errors", { count: errors }) : "";
      const w = warnings ? t("warnings", { count: warnings }) : "";
      if (e && w) return t("both", { errors: e, warnings: w });
      return e || w || t("noneSentence");
    },
    [t],
  );
}
