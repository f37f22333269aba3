"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";

import { ApiError } from "@/lib/api-client";

function isSessionEnd(error: unknown): boolean {
  return error instanceof ApiError && error.status === 401 && error.code === "unauthenticated";
}

/**
 * "Your session has ended" as soon as any query or action of ours gets a 401 from the API
 * (polling has stopped by then, see isFatal), with a way back to the page after signing in.
 */
export function SessionEndedBanner() {
  const t = useTranslations("auth.sessionEnded");
  const queryClient = useQueryClient();
  const [returnTo, setReturnTo] = useState<string | null>(null);

  useEffect(() => {
    const onError = (error: unknown) => {
      if (isSessionEnd(error)) setReturnTo(`${window.location.pathname}${window.location.search}`);
    };
    const offQueries = queryClient.getQueryCache().subscribe((event) => {
      if (event.type === "updated" && event.action.type === "error") onError(event.action.error);
    });
    const offMutations = queryClient.getMutationCache().subscribe((event) => {
      if (event.type === "updated" && event.action.type === "error") onError(event.action.error);
    });
    return () => {
      offQueries();
      offMutations();
    };
  }, [queryClient]);

  if (returnTo === null) return null;
  return (
    <div
      role="alert"
      className="sticky top-0 z-30 border-b border-amber-300 bg-amber-50 px-4 py-2 text-sm text-amber-950"
    >
      <p className="mx-auto max-w-7xl">
        {t.rich("message", {
          link: (chunks) => (
            <a
              href={`/auth/signin?returnTo=${encodeURIComponent(returnTo)}`}
              className="inline-block py-0.5 font-medium underline"
            >
              {chunks}
            </a>
          ),
        })}
      </p>
    </div>
  );
}
