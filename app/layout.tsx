import type { Metadata } from "next";
import { cookies } from "next/headers";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";

import { CurrentUserProvider } from "@/components/auth/current-user";
import { SessionEndedBanner } from "@/components/auth/session-ended-banner";
import { DemoMarker } from "@/components/shell/demo-marker";
import { getEnv, getPollingConfig } from "@/lib/env";
import { THEME_COOKIE, parseTheme } from "@/lib/preferences";
import { getCurrentUser } from "@/lib/server/auth/current-user";

import "./globals.css";
import { Providers } from "@/components/providers";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("shell");
  return {
    title: { default: t("productName"), template: t("titleTemplate") },
    description: t("description"),
    // public/: so tabs, bookmarks and home screens show the product (scripts/make-icons.mjs).
    icons: {
      icon: [
        { url: "/favicon.ico", sizes: "48x48" },
        { url: "/favicon.svg", type: "image/svg+xml" },
      ],
      apple: { url: "/icons/apple-touch-icon.png", sizes: "180x180" },
    },
    manifest: "/manifest.webmanifest",
  };
}

// Every page depends on the server's configuration and live upstream data.
export const dynamic = "force-dynamic";

export default async function RootLayout({ children }: { children: ReactNode }) {
  const [user, locale, cookieStore] = await Promise.all([getCurrentUser(), getLocale(), cookies()]);
  const theme = parseTheme(cookieStore.get(THEME_COOKIE)?.value);
  return (
    <html lang={locale} data-theme={theme === "system" ? undefined : theme}>
      <body className="min-h-screen bg-slate-50 font-sans text-slate-900 antialiased">
        <NextIntlClientProvider>
          <Providers polling={getPollingConfig()} live={user.signedIn}>
            <CurrentUserProvider user={user}>
              {getEnv().DEMO_MODE ? <DemoMarker /> : null}
              <SessionEndedBanner />
              {children}
            </CurrentUserProvider>
          </Providers>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
