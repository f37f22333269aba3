import { MessageLevelLabel } from "@/components/ui/status-badges";
import type { Message, OfferStatus } from "@/lib/schemas/model";

interface OpenIssue {
  where: string;
  message: Message;
}

export function openIssues(status: OfferStatus): OpenIssue[] {
  const isOpen = (m: Message) => m.level.value === "warning" || m.level.value === "error";
  return [
    ...status.messages.filter(isOpen).map((message) => ({ where: "Offer", message })),
    ...status.steps.flatMap((step) => step.messages.filter(isOpen).map((message) => ({ where: step.name, message }))),
  ];
}

/** Go live's guardrail: every open warning and error, in words, before the offer goes public. */
export function GoLiveChecklist({ status }: { status: OfferStatus }) {
  const issues = openIssues(status);
  return (
    <div className="space-y-3">
      <p>
        Going live makes <span className="font-mono">{status.offerId}</span> public in the marketplace after
        Microsoft&apos;s final checks. Make sure the preview looks right first.
      </p>
      {issues.length === 0 ? (
        <p className="text-green-800">No open warnings or errors.</p>
      ) : (
        <>
          <p className="font-medium text-slate-900">
            Review these open warnings and errors ({issues.length}) before going live:
          </p>
          <ul className="max-h-60 space-y-2 overflow-y-auto" data-testid="golive-issues">
            {issues.map((issue, i) => (
              <li key={i} className="rounded-md bg-slate-50 px-2.5 py-1.5">
                <MessageLevelLabel level={issue.message.level} />{" "}
                <span className="font-medium text-slate-900">{issue.where}:</span> {issue.message.text}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

/** Cancel's warning: the work so far is lost and the next publish starts over. */
export function CancelWarning({ status }: { status: OfferStatus }) {
  const firstStep = status.steps[0]?.name;
  return (
    <div className="space-y-2">
      <p>
        Canceling stops this publish. To publish again you start over: the publish restarts from step 1
        {firstStep ? ` (${firstStep})` : ""}, including certification.
      </p>
      <p>A version that is already live stays live; canceling does not delist it.</p>
    </div>
  );
}
