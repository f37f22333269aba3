import type { Metadata } from "next";
import type { ReactNode } from "react";

import { CurrentUserProvider } from "@/components/auth/current-user";
import { SessionEndedBanner } from "@/components/auth/session-ended-banner";
import { getPollingConfig } from "@/lib/env";
import { getCurrentUser } from "@/lib/server/auth/current-user";

import "./globals.css";
import { Providers } from "./providers";

export const metadata: Metadata = {
  title: { default: "Offer Status Dashboard", template: "%s · Offer Status Dashboard" },
  description: "Watch Azure Marketplace offers go live: All offers, Approvals and each offer's Status tab.",
};

// Every page depends on the server's configuration and live upstream data.
export const dynamic = "force-dynamic";

export default async function RootLayout({ children }: { children: ReactNode }) {
  const user = await getCurrentUser();
  return (
    <html lang="en">
      <body className="min-h-screen bg-slate-50 font-sans text-slate-900 antialiased">
        <Providers polling={getPollingConfig()}>
          <CurrentUserProvider user={user}>
            <SessionEndedBanner />
            {children}
          </CurrentUserProvider>
        </Providers>
      </body>
    </html>
  );
}
