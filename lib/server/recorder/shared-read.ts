import "server-only";

import type { OfferStatus } from "@/lib/schemas/model";
import type { Fetched } from "@/lib/server/coalescer";
import { releaseLease, takeLease } from "@/lib/server/store/leases";
import { readOffer } from "@/lib/server/store/offers";
import type { Db } from "@/lib/server/store/open";

/**
 * An offer's status read live ("Refresh now") when several instances share a PostgreSQL: each
 * instance coalesces its own viewers; this coalesces the instances. A document another instance
 * fetched within `freshMs` is the answer; otherwise one instance takes a short lease on the
 * read and goes upstream, and the others wait for what it records (at most `waitMs`, then read
 * themselves: a slow or dead peer must not stall a refresh).
 */
export interface SharedReadOptions {
  db: Db;
  /** This instance's name (the lease's holder). */
  instance: string;
  publisherId: string;
  offerId: string;
  freshMs: number;
  waitMs: number;
  /** The instance's own (coalesced) upstream read. */
  live: () => Promise<Fetched<OfferStatus>>;
  /** Records what the live read brought (before the others are told it is there). */
  record: (fetched: Fetched<OfferStatus>) => Promise<void>;
  pollMs?: number;
}

export async function readAcrossInstances(options: SharedReadOptions): Promise<Fetched<OfferStatus>> {
  const { db, instance, publisherId, offerId, freshMs, waitMs } = options;
  const started = Date.now();
  const recent = async (): Promise<Fetched<OfferStatus> | null> => {
    const stored = await readOffer(db, publisherId, offerId);
    if (!stored?.status || !stored.statusFetchedAt) return null;
    if (started - stored.statusFetchedAt.getTime() > freshMs) return null;
    return {
      value: { ...stored.status, indicator: stored.indicator ?? stored.status.indicator },
      fetchedAt: stored.statusFetchedAt.getTime(),
    };
  };
  const already = await recent();
  if (already) return already;

  const lease = `read:${publisherId.toLowerCase()}/${offerId.toLowerCase()}`;
  if (await takeLease(db, lease, instance, waitMs, new Date())) {
    try {
      const live = await options.live();
      await options.record(live);
      return live;
    } finally {
      await releaseLease(db, lease, instance).catch(() => undefined);
    }
  }
  // Another instance is reading it: its record is the answer.
  while (Date.now() - started < waitMs) {
    await new Promise((resolve) => setTimeout(resolve, options.pollMs ?? 100));
    const theirs = await recent();
    if (theirs) return theirs;
  }
  return options.live();
}
