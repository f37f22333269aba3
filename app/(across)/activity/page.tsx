import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

import { ActivityView } from "@/components/activity/activity-view";
import { parseActivityQuery } from "@/lib/schemas/activity";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("history.activity");
  return { title: t("pageTitle") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

// /activity – the audit of Go live / Cancel, filtered by the query string (deep-linkable)
export default async function ActivityPage({ searchParams }: { searchParams: SearchParams }) {
  const raw = await searchParams;
  const params = new URLSearchParams();
  for (const key of ["publisherId", "offerId", "user", "action", "outcome", "from", "to"]) {
    const value = raw[key];
    if (typeof value === "string" && value.trim() !== "") params.set(key, value.trim());
  }
  const parsed = parseActivityQuery(params);
  return (
    <ActivityView
      search={params.toString()}
      filters={Object.fromEntries(params)}
      invalid={parsed.success ? null : (parsed.error.issues[0]?.message ?? null)}
    />
  );
}
