import { getTranslations } from "next-intl/server";

import { PreferenceBar } from "./preference-bar";

/**
 * The header of pages outside a publisher (sign-in pages, not found, no publisher): the
 * product name and the language and theme choices, which every page must offer.
 */
export async function StandaloneHeader({ width = "max-w-lg" }: { width?: "max-w-lg" | "max-w-3xl" }) {
  const t = await getTranslations("shell");
  return (
    <header className={`mx-auto flex ${width} flex-wrap items-center justify-between gap-3 px-4 pt-8 sm:pt-16`}>
      <p className="text-lg font-semibold text-slate-900">{t("productName")}</p>
      <PreferenceBar />
    </header>
  );
}
