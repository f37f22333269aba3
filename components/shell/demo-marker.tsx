import { getTranslations } from "next-intl/server";

import { Icon } from "@/components/ui/icon";

/**
 * "Demo data" on every page while the dashboard runs on the built-in emulator (the launcher
 * says so through DEMO_MODE), so its offers are never mistaken for a real publisher's.
 */
export async function DemoMarker() {
  const t = await getTranslations("shell.demo");
  return (
    <aside
      aria-label={t("label")}
      data-testid="demo-marker"
      className="border-b border-amber-400 bg-amber-100 px-4 py-1.5 text-center text-sm text-amber-950"
    >
      <p className="mx-auto inline-flex max-w-7xl items-start gap-2 text-left">
        <Icon name="info" className="mt-0.5 h-4 w-4 shrink-0" />
        <span>
          <strong className="font-semibold">{t("label")}</strong>{" "}
          {/* A phone gets the gist in one line; the way to a real account is in the README. */}
          <span className="sm:hidden">{t("short")}</span>
          <span className="hidden sm:inline">{t("message")}</span>
        </span>
      </p>
    </aside>
  );
}
