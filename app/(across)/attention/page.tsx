import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

import { AttentionView } from "@/components/attention/attention-view";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("history.attention");
  return { title: t("pageTitle") };
}

// /attention – across every watched publisher: what needs someone, where approvers start the day
export default function AttentionPage() {
  return <AttentionView />;
}
