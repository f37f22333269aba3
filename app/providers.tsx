"use client";

import { QueryClient, QueryClientProvider, isServer } from "@tanstack/react-query";
import { createContext, useContext, type ReactNode } from "react";

import type { PollingConfig } from "@/lib/env";
import { shouldRetry } from "@/lib/queries";

function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 2_000,
        retry: shouldRetry,
        refetchOnWindowFocus: true,
        refetchIntervalInBackground: false,
      },
    },
  });
}

let browserClient: QueryClient | undefined;

function getQueryClient(): QueryClient {
  // A new client per server render; one for the life of the page in the browser.
  if (isServer) return makeQueryClient();
  browserClient ??= makeQueryClient();
  return browserClient;
}

const PollingContext = createContext<PollingConfig | null>(null);

/** The polling intervals configured on the server (POLL_* variables). */
export function usePolling(): PollingConfig {
  const polling = useContext(PollingContext);
  if (!polling) throw new Error("usePolling must be used inside <Providers>");
  return polling;
}

export function Providers({ polling, children }: { polling: PollingConfig; children: ReactNode }) {
  return (
    <PollingContext.Provider value={polling}>
      <QueryClientProvider client={getQueryClient()}>{children}</QueryClientProvider>
    </PollingContext.Provider>
  );
}
