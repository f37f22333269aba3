import { useTranslations } from "next-intl";

import { MessageLevelLabel } from "@/components/ui/status-badges";

import { AcknowledgeErrors } from "./acknowledge-errors";
import { MESSAGE_PROSE } from "./message-list";
import { OfferLinks } from "./offer-links";
import { SafeMessageHtml } from "./safe-message-html";
import type { Message, OfferStatus } from "@/lib/schemas/model";

interface OpenIssue {
  /** The step's name, or null for a message about the offer as a whole. */
  step: string | null;
  message: Message;
}

export function openIssues(status: OfferStatus): OpenIssue[] {
  const isOpen = (m: Message) => m.level.value === "warning" || m.level.value === "error";
  return [
    ...status.messages.filter(isOpen).map((message) => ({ step: null, message })),
    ...status.steps.flatMap((step) => step.messages.filter(isOpen).map((message) => ({ step: step.name, message }))),
  ];
}

/**
 * Go live's guardrail: the preview to check, every open warning and error as the Status tab
 * shows it (links kept), and with open errors an explicit "I have read them".
 */
export function GoLiveChecklist({
  status,
  acknowledged,
  onAcknowledge,
}: {
  status: OfferStatus;
  acknowledged: boolean;
  onAcknowledge: (acknowledged: boolean) => void;
}) {
  const t = useTranslations("status");
  const issues = openIssues(status);
  return (
    <div className="space-y-3">
      <p>
        {t.rich("actions.goLiveIntro", {
          offerId: status.offerId,
          id: (chunks) => <span className="font-mono wrap-anywhere">{chunks}</span>,
        })}
      </p>
      {status.previewLinks.length > 0 ? (
        <div className="rounded-md border border-slate-200 p-3">
          <OfferLinks previewLinks={status.previewLinks} liveLinks={[]} />
        </div>
      ) : null}
      {issues.length === 0 ? (
        <p className="text-green-800">{t("actions.noOpenIssues")}</p>
      ) : (
        <>
          <p className="font-medium text-slate-900">{t("actions.reviewIssues", { count: issues.length })}</p>
          <ul className="max-h-60 space-y-2 overflow-y-auto" data-testid="golive-issues">
            {issues.map((issue, i) => (
              <li key={i} className="rounded-md bg-slate-50 px-2.5 py-1.5 wrap-anywhere">
                <MessageLevelLabel level={issue.message.level} />{" "}
                {t.rich("issueWhere", {
                  where: issue.step ?? t("offer"),
                  b: (chunks) => <span className="font-medium text-slate-900">{chunks}</span>,
                })}
                <SafeMessageHtml message={issue.message} className={MESSAGE_PROSE} />
              </li>
            ))}
          </ul>
        </>
      )}
      {status.errorCount > 0 ? (
        <AcknowledgeErrors count={status.errorCount} checked={acknowledged} onChange={onAcknowledge} />
      ) : null}
    </div>
  );
}

/** Cancel's warning: the work so far is lost and the next publish starts over. */
export function CancelWarning({ status }: { status: OfferStatus }) {
  const t = useTranslations("status.actions");
  const firstStep = status.steps[0]?.name;
  return (
    <div className="space-y-2">
      <p>{firstStep ? t("cancelRestart", { firstStep }) : t("cancelRestartNoName")}</p>
      <p>{t("cancelLiveStays")}</p>
    </div>
  );
}
