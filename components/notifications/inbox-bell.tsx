"use client";

import { useQuery } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useCallback, useEffect, useId, useRef, useState } from "react";

import { usePolling } from "@/components/providers";
import { useCurrentUser } from "@/components/auth/current-user";
import { Icon } from "@/components/ui/icon";
import { useDismiss } from "@/components/ui/use-dismiss";
import { queries } from "@/lib/queries";
import { useHydrated } from "@/lib/use-hydrated";

import { InboxPanel } from "./inbox-panel";
import { useDesktopNotifications } from "./use-desktop-notifications";
import { useUnreadTitle } from "./use-unread-title";

/**
 * The bell in the header: the unread count (also in the tab's title), opening the inbox. Kept
 * current by the live stream (a change that produced notifications refreshes it) and by slow
 * polling; new events also become desktop notifications for those who turned them on.
 */
export function InboxBell() {
  const user = useCurrentUser();
  const hydrated = useHydrated();
  if (!user.signedIn || !hydrated) return null;
  return <Bell />;
}

function Bell() {
  const t = useTranslations("notifications.bell");
  const format = useFormatter();
  const query = useQuery(queries.inbox(usePolling()));
  const unread = query.data?.data.unread ?? 0;
  const desktop = useDesktopNotifications(query.data?.data);
  useUnreadTitle(unread);
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const root = useRef<HTMLDivElement>(null);
  const trigger = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const close = useCallback(() => setOpen(false), []);
  useDismiss(open, close, root, trigger);
  useEffect(() => {
    if (open) panel.current?.focus();
  }, [open]);

  return (
    <div ref={root} className="relative">
      <button
        ref={trigger}
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={unread > 0 ? t("labelUnread", { count: unread }) : t("label")}
        onClick={() => setOpen((value) => !value)}
        data-testid="inbox-bell"
        className="relative flex min-h-9 min-w-9 items-center justify-center rounded-md px-2 py-1.5 text-slate-800 hover:bg-slate-100"
      >
        <Icon name="bell" className="h-5 w-5" />
        {unread > 0 ? (
          <span
            aria-hidden="true"
            data-testid="inbox-unread"
            className="absolute -top-0.5 -right-0.5 min-w-5 rounded-full bg-red-700 px-1 text-center text-xs font-semibold text-white tabular-nums"
          >
            {unread > 99 ? "99+" : format.number(unread)}
          </span>
        ) : null}
      </button>
      {open ? (
        <div
          ref={panel}
          id={panelId}
          role="dialog"
          aria-label={t("label")}
          tabIndex={-1}
          className="absolute right-0 z-20 mt-2 w-96 max-w-[calc(100vw-2rem)] rounded-lg border border-slate-200 bg-white text-sm shadow-lg focus:outline-none"
        >
          <InboxPanel query={query} desktop={desktop} onNavigate={close} />
        </div>
      ) : null}
    </div>
  );
}
