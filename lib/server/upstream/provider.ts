import "server-only";

import type { OfferDetail, OfferStatus, OfferSummary, OperationAccepted, Publisher } from "@/lib/schemas/model";

import type { Fetched } from "../coalescer";

/**
 * The upstream seam: every read and action the app makes against the upstream (the Cloud
 * Partner Portal, or Partner Center's Product Ingestion API, chosen by UPSTREAM), returning the app's model with the time the upstream data was fetched. Reads go
 * through the coalescer; our own actions invalidate what they change.
 */
export interface Upstream {
  listPublishers(): Promise<Fetched<Publisher[]>>;
  listOffers(publisherId: string): Promise<Fetched<OfferSummary[]>>;
  /** The offer list as the upstream gives it, without status reads (the watcher's list). */
  listOfferEntries(publisherId: string): Promise<Fetched<OfferSummary[]>>;
  getOffer(publisherId: string, offerId: string): Promise<Fetched<OfferDetail>>;
  /** The status document with the offer's one indicator (reconciled with the offer's own status). */
  getOfferStatus(publisherId: string, offerId: string): Promise<Fetched<OfferStatus>>;
  /** The status document alone, as cached. */
  readStatusDocument(publisherId: string, offerId: string): Promise<Fetched<OfferStatus>>;
  /** Drops what we hold of one offer, so the next read asks the upstream. */
  invalidateOffer(publisherId: string, offerId: string): void;
  goLive(publisherId: string, offerId: string): Promise<OperationAccepted>;
  cancel(publisherId: string, offerId: string): Promise<OperationAccepted>;
}

/** The cache's key of an id: the upstreams treat ids case-insensitively, so one entry for every spelling. */
export const canonicalId = (id: string) => id.toLowerCase();
