"use client";

import { useTranslations } from "next-intl";

import type { DesktopNotifications } from "./use-desktop-notifications";

/** "Show desktop notifications": asks the browser's permission on the click that turns it on. */
export function DesktopToggle({ desktop }: { desktop: DesktopNotifications }) {
  const t = useTranslations("notifications.panel.desktop");
  if (desktop.permission === "unsupported") return <p className="text-xs text-slate-600">{t("unsupported")}</p>;
  const blocked = desktop.permission === "denied";
  return (
    <div>
      <label className="flex items-center gap-2 text-slate-800">
        <input
          type="checkbox"
          checked={desktop.enabled}
          disabled={blocked}
          onChange={() => void desktop.toggle()}
          className="h-4 w-4"
        />
        {t("label")}
      </label>
      {blocked ? (
        <p role="status" className="mt-1 text-xs text-amber-900">
          {t("blocked")}
        </p>
      ) : null}
    </div>
  );
}
