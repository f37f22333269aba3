"use client";

import { useTranslations } from "next-intl";

import type { InboxItem, NotificationEventName } from "@/lib/schemas/notifications";
import { useLabels } from "@/lib/use-labels";

/**
 * An event in the portal's words: the indicator an offer reached ("Awaiting publisher
 * sign-off", "Publish failed"…), or what else happened to it; and the line that says more.
 */
export function useEventText() {
  const labels = useLabels();
  const t = useTranslations("notifications");
  const title = (event: NotificationEventName): string =>
    event === "overdue" || event === "newError" ? t(`event.${event}`) : labels.indicator(event, event);
  const detail = (item: Pick<InboxItem, "event" | "step" | "detail">): string | null => {
    if (item.event === "newError" && item.detail.text) return item.detail.text;
    if (item.event === "overdue" && item.step)
      return t("detail.overdue", { step: item.step.name, estimate: item.detail.estimate ?? "–" });
    return item.step ? t("detail.step", { step: item.step.name }) : null;
  };
  return { title, detail };
}
