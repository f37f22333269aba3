"use client";

import { QueryClient, QueryClientProvider, isServer } from "@tanstack/react-query";
import { createContext, useContext, type ReactNode } from "react";

import type { PollingConfig } from "@/lib/env";
import { shouldRetry } from "@/lib/queries";
import { useLiveEvents } from "@/lib/use-live-events";

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

export function Providers({
  polling,
  live,
  children,
}: {
  polling: PollingConfig;
  /** Whether to listen to /api/events (a signed-in user). */
  live: boolean;
  children: ReactNode;
}) {
  return (
    <PollingContext.Provider value={polling}>
      <QueryClientProvider client={getQueryClient()}>
        <LiveEvents enabled={live} />
        {children}
      </QueryClientProvider>
    </PollingContext.Provider>
  );
}

function LiveEvents({ enabled }: { enabled: boolean }) {
  useLiveEvents(enabled);
  return null;
}
