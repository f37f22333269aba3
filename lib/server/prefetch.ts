import "server-only";

import { QueryClient, dehydrate, type DehydratedState } from "@tanstack/react-query";

import { queryKeys } from "@/lib/queries";
import type { Fetched } from "@/lib/server/coalescer";
import { readStoredList } from "@/lib/server/recorder/reads";
import { apiResponse } from "@/lib/server/route";

/**
 * The first page's data, rendered on the server from the recorder's store (React Query
 * hydration), so the first rows are in the HTML and the browser's first paint needs no
 * request. Only what the store holds fresh is used: a page never waits on the upstream here;
 * without it the browser fetches as before.
 */

type Seed = readonly [queryKey: readonly unknown[], fetched: Fetched<unknown> | null | undefined];

/** The store's answers under the browser's query keys, as the API would have sent them. */
export function hydrationState(seeds: readonly Seed[]): DehydratedState | null {
  const client = new QueryClient();
  let seeded = false;
  for (const [queryKey, fetched] of seeds) {
    if (!fetched) continue;
    client.setQueryData(queryKey, apiResponse(fetched));
    seeded = true;
  }
  return seeded ? dehydrate(client) : null;
}

export async function offersPageState(publisherId: string): Promise<DehydratedState | null> {
  return hydrationState([[queryKeys.offers(publisherId), await readStoredList(publisherId)]]);
}
