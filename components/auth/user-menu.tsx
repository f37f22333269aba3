"use client";

import { useTranslations } from "next-intl";
import { useCallback, useId, useRef, useState } from "react";

import { Icon } from "@/components/ui/icon";
import { useDismiss } from "@/components/ui/use-dismiss";

import { SignOutButton } from "./sign-out-button";
import { useCurrentUser } from "./current-user";

/**
 * The signed-in user and their role in the header; opens to show the username and Sign out.
 * Narrower screens show less on the button (an icon and the role; on a phone the icon alone);
 * the name and role stay in its accessible name and in the panel.
 */
export function UserMenu() {
  const t = useTranslations("auth.userMenu");
  const user = useCurrentUser();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const root = useRef<HTMLDivElement>(null);
  const trigger = useRef<HTMLButtonElement>(null);
  const close = useCallback(() => setOpen(false), []);
  useDismiss(open, close, root, trigger);

  if (!user.signedIn) return null;
  const role = user.isApprover ? t("roles.approver") : t("roles.viewer");

  return (
    <div ref={root} className="relative">
      <button
        ref={trigger}
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((value) => !value)}
        className="flex min-h-9 items-center gap-2 rounded-md px-2 py-1.5 text-sm text-slate-800 hover:bg-slate-100"
      >
        <span className="lg:hidden">
          <Icon name="user" />
        </span>
        <span className="sr-only font-medium lg:not-sr-only">{user.name}</span>
        <span
          className={`sr-only rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap sm:not-sr-only ${user.isApprover ? "bg-emerald-100 text-emerald-900" : "bg-slate-200 text-slate-800"}`}
        >
          {role}
        </span>
      </button>
      {open ? (
        <div
          id={panelId}
          role="group"
          aria-label={t("label")}
          className="absolute right-0 z-20 mt-2 w-72 max-w-[calc(100vw-2rem)] rounded-lg border border-slate-200 bg-white p-3 text-sm shadow-lg"
        >
          <p className="font-medium text-slate-900">{user.name}</p>
          <p className="break-all text-slate-600">{user.username}</p>
          <p className="mt-2 text-slate-700">
            {user.isApprover ? t("approverExplained") : t("viewerExplained", { role: user.approverRole })}
          </p>
          <div className="mt-3">
            <SignOutButton />
          </div>
        </div>
      ) : null}
    </div>
  );
}
