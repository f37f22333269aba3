"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";

import { usePolling } from "@/components/providers";
import { useIssueSentence } from "@/components/offers/issue-counts";
import { Icon } from "@/components/ui/icon";
import { AcknowledgeErrors } from "@/components/status/acknowledge-errors";
import { MESSAGE_PROSE } from "@/components/status/message-list";
import { SafeMessageHtml } from "@/components/status/safe-message-html";
import { MessageLevelLabel } from "@/components/ui/status-badges";
import { queries } from "@/lib/queries";
import type { Message, OfferStatus, OfferSummary } from "@/lib/schemas/model";
import { joinErrorText, useErrorText } from "@/lib/use-error-text";

import { PreviewLinks } from "./preview-links";

interface OpenIssue {
  key: string;
  message: Message;
  /** The step the message belongs to, or null for an offer-level message. */
  step: string | null;
}

/** Warnings and errors of the status document, errors first, offer-level before step-level. */
function openIssues(status: OfferStatus): OpenIssue[] {
  const all: OpenIssue[] = [
    ...status.messages.map((message, i) => ({ key: `offer-${i}`, message, step: null })),
    ...status.steps.flatMap((s) => s.messages.map((message, i) => ({ key: `${s.id}-${i}`, message, step: s.name }))),
  ].filter((m) => m.message.level.value === "warning" || m.message.level.value === "error");
  return all.sort((a, b) => Number(b.message.level.value === "error") - Number(a.message.level.value === "error"));
}

/**
 * The body of the Go live confirmation: what will happen, and the open warnings and errors
 * to review first (as Partner Center advises). Counts from the list show at once; the
 * messages themselves come from the offer's status document.
 */
export function GoLiveDetails({
  publisherId,
  offer,
  acknowledged,
  onAcknowledge,
}: {
  publisherId: string;
  offer: OfferSummary;
  acknowledged: boolean;
  onAcknowledge: (acknowledged: boolean, errors: number) => void;
}) {
  const t = useTranslations("approvals.details");
  const preview = useTranslations("approvals.preview");
  const issueSentence = useIssueSentence();
  const errorText = useErrorText();
  const status = useQuery(queries.offerStatus(publisherId, offer.id, usePolling()));
  const doc = status.data?.data;
  const issues = doc ? openIssues(doc) : null;
  const errors = doc?.errorCount ?? offer.errorCount;
  const warnings = doc?.warningCount ?? offer.warningCount;

  return (
    <div className="flex flex-col gap-3">
      <p>
        {t.rich("intro", {
          name: offer.name,
          id: offer.id,
          b: (chunks) => <strong className="font-semibold text-slate-900">{chunks}</strong>,
          mono: (chunks) => <span className="font-mono text-xs break-all">{chunks}</span>,
        })}
      </p>
      <div className="flex flex-col gap-1 rounded-md border border-slate-200 p-3">
        <p className="font-semibold text-slate-900">{preview("dialogTitle")}</p>
        <PreviewLinks links={doc?.previewLinks ?? offer.previewLinks} offerName={offer.name} />
      </div>
      <p className="font-medium text-slate-900">
        {errors + warnings > 0 ? t("openIssues", { issues: issueSentence(errors, warnings) }) : t("noIssues")}
      </p>
      {status.isPending ? (
        <p className="inline-flex items-center gap-2 text-slate-600">
          <Icon name="spinner" />
          {t("loading")}
        </p>
      ) : status.isError && !doc ? (
        <p className="inline-flex items-center gap-2 text-amber-800">
          <Icon name="warning" />
          {t("loadError", { reason: joinErrorText(errorText(status.error)) })}
        </p>
      ) : issues && issues.length > 0 ? (
        <ul
          className="flex max-h-60 flex-col gap-2 overflow-y-auto rounded-md border border-slate-200 bg-slate-50 p-3"
          aria-label={t("listLabel")}
          tabIndex={0}
        >
          {issues.map((issue) => (
            <li key={issue.key} className="flex flex-col gap-0.5" data-level={issue.message.level.value}>
              <span className="flex flex-wrap items-center gap-2">
                <MessageLevelLabel level={issue.message.level} />
                {issue.step ? <span className="text-xs text-slate-600">{issue.step}</span> : null}
              </span>
              <SafeMessageHtml message={issue.message} className={MESSAGE_PROSE} />
            </li>
          ))}
        </ul>
      ) : null}
      {errors > 0 ? (
        <AcknowledgeErrors count={errors} checked={acknowledged} onChange={(on) => onAcknowledge(on, errors)} />
      ) : null}
    </div>
  );
}
