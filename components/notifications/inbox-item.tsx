"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";

import { RelativeTime } from "@/components/ui/relative-time";
import type { InboxItem } from "@/lib/schemas/notifications";

import { offerStatusHref } from "./offer-href";
import { useEventText } from "./use-event-text";

/** One notification: what happened, to which offer of which publisher, when; unread ones stand out. */
export function InboxItemLink({ item, onOpen }: { item: InboxItem; onOpen: () => void }) {
  const t = useTranslations("notifications.panel");
  const text = useEventText();
  const detail = text.detail(item);
  return (
    <Link
      href={offerStatusHref(item.publisherId, item.offerId)}
      onClick={onOpen}
      data-event-id={item.id}
      data-read={item.read}
      className={`flex gap-2 px-3 py-2.5 hover:bg-slate-50 ${item.read ? "text-slate-700" : "bg-sky-50/60 text-slate-900"}`}
    >
      <span
        aria-hidden="true"
        className={`mt-1.5 h-2 w-2 shrink-0 rounded-full ${item.read ? "bg-transparent" : "bg-sky-700"}`}
      />
      <span className="min-w-0 flex-1">
        <span className={`block ${item.read ? "" : "font-semibold"}`}>
          {item.read ? null : <span className="sr-only">{t("unread")}: </span>}
          {text.title(item.event)}
        </span>
        <span className="block wrap-anywhere">{item.offerName}</span>
        <span className="block text-xs text-slate-600">
          {t("publisher", { publisherId: item.publisherId })} · <RelativeTime value={item.occurredAt} />
        </span>
        {detail ? <span className="mt-0.5 block text-xs wrap-anywhere text-slate-600">{detail}</span> : null}
      </span>
    </Link>
  );
}
