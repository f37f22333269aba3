import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

import { DeliveryLogView } from "@/components/notifications/delivery-log-view";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("notifications.deliveries");
  return { title: t("pageTitle") };
}

// /deliveries – for operators: each notification's deliveries to Teams, Slack and the webhook
export default function DeliveriesPage() {
  return <DeliveryLogView />;
}
