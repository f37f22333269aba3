import { useLocale } from "next-intl";

import { labelsFor, type Labels } from "@/lib/labels";

/** The status vocabulary in the page's language (one object per locale, stable across renders). */
export function useLabels(): Labels {
  return labelsFor(useLocale());
}
