"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useCallback, useEffect, useRef, useState } from "react";

import type { Inbox } from "@/lib/schemas/notifications";

import { offerStatusHref } from "./offer-href";
import { useEventText } from "./use-event-text";

const KEY = "offer-status-dashboard.desktop-notifications";

export type DesktopPermission = NotificationPermission | "unsupported";

export interface DesktopNotifications {
  permission: DesktopPermission;
  /** The user's opt-in, remembered in this browser. */
  enabled: boolean;
  toggle(): Promise<void>;
}

const supported = () => typeof window !== "undefined" && "Notification" in window;
const readOptIn = () => supported() && window.localStorage.getItem(KEY) === "on";

/**
 * Opt-in browser notifications while a tab is open: each unread inbox item that arrives after
 * the page loaded is shown once (its event id is the notification's tag, so several open tabs
 * show it once). Permission is asked only when the person turns this on.
 */
export function useDesktopNotifications(inbox: Inbox | undefined): DesktopNotifications {
  const t = useTranslations("notifications");
  const text = useEventText();
  const router = useRouter();
  // Used only after hydration (the bell waits for it): the browser's state can be read at once.
  const [permission, setPermission] = useState<DesktopPermission>(() =>
    supported() ? Notification.permission : "unsupported",
  );
  const [optIn, setOptIn] = useState(readOptIn);
  const enabled = optIn && permission === "granted";
  const seen = useRef<Set<string> | null>(null);

  useEffect(() => {
    if (!inbox) return;
    const ids = inbox.items.map((i) => i.id);
    // What was there when the page loaded is no news.
    if (seen.current === null) {
      seen.current = new Set(ids);
      return;
    }
    const fresh = inbox.items.filter((i) => !i.read && !seen.current?.has(i.id));
    for (const id of ids) seen.current.add(id);
    if (!enabled || !supported()) return;
    for (const item of fresh.reverse()) {
      const step = text.detail(item);
      const note = new Notification(t("desktop.title", { event: text.title(item.event), offer: item.offerName }), {
        body: t("desktop.body", { publisher: item.publisherId, step: step ?? "none" }),
        tag: item.id,
      });
      note.onclick = () => {
        window.focus();
        router.push(offerStatusHref(item.publisherId, item.offerId));
      };
    }
  }, [inbox, enabled, t, text, router]);

  const toggle = useCallback(async () => {
    if (!supported()) return;
    if (enabled) {
      window.localStorage.removeItem(KEY);
      setOptIn(false);
      return;
    }
    const answer = Notification.permission === "granted" ? "granted" : await Notification.requestPermission();
    setPermission(answer);
    if (answer === "granted") window.localStorage.setItem(KEY, "on");
    setOptIn(answer === "granted");
  }, [enabled]);

  return { permission, enabled, toggle };
}
