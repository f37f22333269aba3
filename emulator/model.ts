import type { StampStyle } from "./random";

/** A message attached to a step at `offsetMs` after the step started (clamped to its end). */
export interface ScheduledMessage {
  readonly stepId: string;
  readonly level: string;
  readonly html: string;
  readonly offsetMs: number;
}

/** A step that, once reached, stays in `status` (blocked, waitingForApproval, paused…). */
export interface Hold {
  readonly status: string;
  readonly progress: number;
}

/** The step `stepId` is rejected `afterMs` after it started, with these error messages. */
export interface Failure {
  readonly stepId: string;
  readonly afterMs: number;
  readonly messages: ReadonlyArray<{ readonly level: string; readonly html: string }>;
}

/**
 * One publish run of an offer. Its status at any instant is a pure function of these fields
 * and the clock (see simulation.ts); only publish / go live / cancel mutate it.
 */
export interface Run {
  readonly opId: string;
  readonly publishingVersion: number;
  /** Offer version when the run started (the operation's `offerVersion`). */
  readonly offerVersion: number;
  readonly startMs: number;
  /** Duration per step, aligned with the offer type's step list (the sign-off entry is unused). */
  readonly durations: readonly number[];
  /** Offer status while the run waits at publisher sign-off. */
  readonly signoffStatus: "running" | "waitingForPublisherReview";
  goLiveMs: number | null;
  goLiveOpId: string | null;
  cancelMs: number | null;
  cancelOpId: string | null;
  readonly failure: Failure | null;
  readonly holds: Readonly<Record<string, Hold>>;
  readonly messages: readonly ScheduledMessage[];
  /** Reported instead of "running" (an offer status outside the documented enum). */
  readonly statusAlias: string | null;
  readonly emails: string;
}

export interface AppendedMessage {
  readonly stepId: string;
  readonly level: string;
  readonly messageHtml: string;
  readonly timestamp: string;
}

export type StatusOverride =
  { readonly kind: "body"; readonly body: unknown } | { readonly kind: "raw"; readonly raw: string };

export interface OfferRecord {
  readonly publisherId: string;
  readonly id: string;
  readonly offerTypeId: string;
  readonly displayText: string;
  /** Seeded salt for text and timestamp digits. */
  readonly salt: number;
  /** changedTime when the offer has no run. */
  readonly createdMs: number;
  /** Status when the offer has no run: neverPublished or notStarted. */
  readonly baseStatus: string;
  /** Version before the current run (1 for a draft). */
  baseVersion: number;
  /** Publish runs, oldest first; the last one is the current run. */
  readonly runs: Run[];
  /** Whether runs before the current one ever reached preview / went live. */
  pastPreviewed: boolean;
  pastLive: boolean;
  /** List status reported while the offer is live, e.g. "published". */
  readonly liveAlias: string | null;
  delisted: boolean;
  /** Migrated to Partner Center: GUID operation URLs and no notificationEmails. */
  readonly migrated: boolean;
  /** Answers publish / go live / cancel with an absolute Operation-Location (2018 docs). */
  readonly operationLocation: boolean;
  readonly casing: "camel" | "pascal";
  /** Whether the publisher-signoff step carries an estimatedTimeFrame. */
  readonly signoffEta: boolean;
  /** Completed sign-off and live steps report progress 0, as in the doc example. */
  readonly zeroProgressQuirk: boolean;
  readonly stampStyle: StampStyle;
  readonly signoffStatus: "running" | "waitingForPublisherReview";
  emails: string;
  appended: AppendedMessage[];
  override: StatusOverride | null;
  /** Bumped on every mutation; keys the derived-state cache. */
  rev: number;
  cache: { readonly now: number; readonly rev: number; readonly value: unknown } | null;
}

export interface PublisherRecord {
  readonly id: string;
  readonly displayText: string;
  readonly sellerId: number;
  readonly offerTypeCategories: readonly string[];
  /** Whether the emulator's service principal has access to it. */
  readonly granted: boolean;
  readonly offers: OfferRecord[];
  /** Lower-cased offer id → offer. */
  readonly byId: Map<string, OfferRecord>;
}

export interface Dataset {
  readonly seed: number;
  readonly startMs: number;
  /** Lower-cased publisher id → publisher, in listing order. */
  readonly publishers: Map<string, PublisherRecord>;
  /** Bumped on every mutation of any offer; keys list caches. */
  rev: number;
}

export interface BulkOptions {
  readonly publisherId: string;
  readonly offers: number;
  readonly awaitingSignoff: number;
}
