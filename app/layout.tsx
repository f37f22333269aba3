import type { Metadata } from "next";
import type { ReactNode } from "react";

import { getPollingConfig } from "@/lib/env";

import "./globals.css";
import { Providers } from "./providers";

export const metadata: Metadata = {
  title: { default: "Offer Status Dashboard", template: "%s · Offer Status Dashboard" },
  description: "Watch Azure Marketplace offers go live: All offers, Approvals and each offer's Status tab.",
};

// Every page depends on the server's configuration and live upstream data.
export const dynamic = "force-dynamic";

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen bg-slate-50 font-sans text-slate-900 antialiased">
        <Providers polling={getPollingConfig()}>{children}</Providers>
      </body>
    </html>
  );
}
