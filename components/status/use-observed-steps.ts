"use client";

import { useQuery } from "@tanstack/react-query";

import { usePolling } from "@/components/providers";
import { queries } from "@/lib/queries";
import type { OfferHistory } from "@/lib/schemas/history";
import type { ApiResponse } from "@/lib/schemas/model";
import type { ObservedStepTimes } from "@/lib/step-timing";

const NONE: Readonly<Record<string, ObservedStepTimes>> = {};
const epoch = (value: string | null) => (value === null ? null : Date.parse(value));

function toObserved(response: ApiResponse<OfferHistory>): Record<string, ObservedStepTimes> {
  return Object.fromEntries(
    response.data.steps.map((s) => [s.stepId, { startedAt: epoch(s.startedAt), finishedAt: epoch(s.finishedAt) }]),
  );
}

/**
 * Each step's start and end as the recorder observed them (the same record as the History
 * tab), to time the steps on the Status tab. Without a store there are none, and the times
 * fall back to the messages' timestamps.
 */
export function useObservedSteps(publisherId: string, offerId: string): Readonly<Record<string, ObservedStepTimes>> {
  const { data } = useQuery({ ...queries.offerHistory(publisherId, offerId, usePolling()), select: toObserved });
  return data ?? NONE;
}
