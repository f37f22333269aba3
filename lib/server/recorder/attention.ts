import "server-only";

import { findOverdue } from "@/lib/overdue";
import type { AttentionItem, AttentionReason } from "@/lib/schemas/history";
import { ATTENTION_REASONS } from "@/lib/schemas/history";
import { readOffersByIndicator, readPublishers } from "@/lib/server/store/offers";
import type { Db } from "@/lib/server/store/open";

/**
 * The cross-publisher queue an approver starts the day with: across every watched publisher,
 * offers awaiting sign-off, failed, overdue (a step past its estimate) and blocked, each
 * group oldest first.
 */
export async function readAttention(db: Db, now = Date.now()): Promise<{ value: AttentionItem[]; fetchedAt: number }> {
  const [rows, publishers] = await Promise.all([
    readOffersByIndicator(db, ["awaitingSignoff", "failed", "publishing"]),
    readPublishers(db),
  ]);
  const names = new Map(publishers.map((p) => [p.id, p.name]));
  const items: AttentionItem[] = [];
  for (const row of rows) {
    const summary = row.summary;
    const status = row.status;
    if (!summary || !row.indicator) continue;
    const step = status?.steps.find((s) => s.id === status.currentStepId) ?? null;
    let reason: AttentionReason | null = null;
    let since: string | null = row.indicatorSince?.toISOString() ?? null;
    if (row.indicator === "awaitingSignoff") {
      reason = "awaitingSignoff";
      since = status?.waitingSince ?? since;
    } else if (row.indicator === "failed") {
      reason = "failed";
    } else if (step?.status.value === "blocked") {
      reason = "blocked";
      since = step.startedAt ?? since;
    } else if (step) {
      const overdue = findOverdue({
        status: step.status.value,
        estimatedTimeFrame: step.estimatedTimeFrame,
        startedAt: step.startedAt,
        firstSeenAt: row.indicatorSince?.getTime() ?? null,
        now,
      });
      if (overdue) {
        reason = "overdue";
        since = step.startedAt ?? since;
      }
    }
    if (!reason) continue;
    items.push({
      reason,
      publisherId: row.publisherId,
      publisherName: names.get(row.publisherId) ?? row.publisherId,
      offerId: summary.id,
      offerName: summary.name,
      indicator: row.indicator,
      since,
      stepName: step?.name ?? null,
      estimate: step?.estimatedTimeFrame ?? null,
      errorCount: status?.errorCount ?? summary.errorCount,
      warningCount: status?.warningCount ?? summary.warningCount,
    });
  }
  const order = (r: AttentionReason) => ATTENTION_REASONS.indexOf(r);
  // As fresh as the oldest list behind it.
  const listed = publishers.map((p) => p.listFetchedAt?.getTime()).filter((t): t is number => t !== undefined);
  const fetchedAt = listed.length > 0 ? Math.min(...listed) : now;
  const value = items.sort(
    (a, b) =>
      order(a.reason) - order(b.reason) ||
      (a.since ?? "").localeCompare(b.since ?? "") ||
      a.offerId.localeCompare(b.offerId),
  );
  return { value, fetchedAt };
}
