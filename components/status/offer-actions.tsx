"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";

import { useActionsDisabledText, useCurrentUser } from "@/components/auth/current-user";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import type { OfferAction } from "@/lib/queries";
import type { OfferStatus } from "@/lib/schemas/model";
import { joinErrorText, useErrorText } from "@/lib/use-error-text";
import { useActionFlow } from "@/lib/use-offer-action";

import { CancelWarning, GoLiveChecklist } from "./action-dialog-content";
import { ActionButton } from "./action-button";

/** Each action's words in the `status.actions` catalogue. */
const WORDS = {
  golive: {
    name: "goLive",
    requested: "goLiveRequested",
    accepted: "goLiveAccepted",
    refused: "goLiveRefused",
    checking: "goLiveChecking",
    notApplied: "goLiveNotApplied",
    undetermined: "goLiveUndetermined",
    title: "goLiveTitle",
    dismiss: "goLiveDismiss",
  },
  cancel: {
    name: "cancel",
    requested: "cancelRequested",
    accepted: "cancelAccepted",
    refused: "cancelRefused",
    checking: "cancelChecking",
    notApplied: "cancelNotApplied",
    undetermined: "cancelUndetermined",
    title: "cancelTitle",
    dismiss: "cancelDismiss",
  },
} as const satisfies Record<OfferAction, Record<string, string>>;

/**
 * Go live (awaiting sign-off) and Cancel publish (while a publish is in progress), offered
 * from the live state only, each behind a confirmation, with the outcome announced politely
 * and never misreported: an answer that does not say whether it went through is checked
 * against the offer's status before the action is offered again.
 */
export function OfferActions({ status }: { status: OfferStatus }) {
  const t = useTranslations("status.actions");
  const errorText = useErrorText();
  const { publisherId, offerId, indicator } = status;
  const flow = useActionFlow(publisherId, offerId, indicator);
  const { isApprover } = useCurrentUser();
  const actionsDisabledReason = useActionsDisabledText();
  const [dialog, setDialog] = useState<OfferAction>("golive");
  const [open, setOpen] = useState(false);
  // Go live with open errors: how many the approver ticked as read (again if more appear).
  const [acknowledged, setAcknowledged] = useState<number | null>(null);
  const errors = status.errorCount;
  const needsAcknowledgement = dialog === "golive" && errors > 0 && acknowledged !== errors;

  const canGoLive = indicator === "awaitingSignoff";
  const inFlight = indicator === "publishing" || indicator === "awaitingSignoff";
  // Partner Center cancels only a configure job of ours that still runs; the status says when there is none.
  const cancelUnavailable = inFlight && Boolean(status.cancelUnavailable);
  const canCancel = inFlight && !cancelUnavailable;
  const { state } = flow;
  // Not offered twice: while one is sent, tracked until the indicator moves, or being checked.
  const busy = state.phase === "sending" || state.phase === "tracking" || state.phase === "checking";
  const busyWith = busy ? state.action : null;

  function ask(action: OfferAction) {
    setDialog(action);
    setAcknowledged(null);
    setOpen(true);
  }

  function confirm() {
    if (needsAcknowledgement) return;
    const body = dialog === "golive" && errors > 0 ? { acknowledgedErrors: errors } : undefined;
    void flow.run(dialog, body).finally(() => setOpen(false));
  }

  let notice: { tone: "info" | "error"; text: string } | null = null;
  switch (state.phase) {
    case "tracking":
      notice = { tone: "info", text: t(WORDS[state.action].accepted) };
      break;
    case "checking":
      notice = { tone: "info", text: t(WORDS[state.action].checking) };
      break;
    case "notApplied":
      notice = { tone: "info", text: t(WORDS[state.action].notApplied) };
      break;
    case "undetermined":
      notice = { tone: "error", text: t(WORDS[state.action].undetermined) };
      break;
    case "info":
      notice = { tone: "info", text: joinErrorText(errorText(state.error)) };
      break;
    case "refused":
      notice = {
        tone: "error",
        text: t(WORDS[state.action].refused, { reason: joinErrorText(errorText(state.error)) }),
      };
      break;
    default:
      notice = null;
  }

  return (
    <>
      <section aria-label={t("label")} className="flex min-w-0 flex-col items-stretch gap-2 sm:items-end">
        {canGoLive || canCancel ? (
          <div className="flex flex-col gap-2 sm:flex-row sm:flex-wrap">
            {canGoLive ? (
              <ActionButton tone="primary" disabled={busy || !isApprover} onClick={() => ask("golive")}>
                {t(busyWith === "golive" && state.phase !== "sending" ? WORDS.golive.requested : WORDS.golive.name)}
              </ActionButton>
            ) : null}
            {canCancel ? (
              <ActionButton tone="danger" disabled={busy || !isApprover} onClick={() => ask("cancel")}>
                {t(busyWith === "cancel" && state.phase !== "sending" ? WORDS.cancel.requested : WORDS.cancel.name)}
              </ActionButton>
            ) : null}
          </div>
        ) : null}
        {cancelUnavailable ? (
          <p data-testid="cancel-unavailable" className="max-w-prose text-sm text-slate-700">
            {t("cancelUnavailable")}
          </p>
        ) : null}
        {(canGoLive || canCancel) && !isApprover ? (
          <p className="text-sm text-slate-700">{actionsDisabledReason}</p>
        ) : null}
        <p
          role="status"
          data-testid="action-result"
          data-phase={state.phase}
          className={`text-sm ${notice?.tone === "error" ? "font-medium text-red-800" : "text-slate-700"}`}
        >
          {notice?.text}
        </p>
      </section>
      <ConfirmDialog
        open={open}
        title={t(WORDS[dialog].title)}
        confirmLabel={t(WORDS[dialog].name)}
        cancelLabel={t(WORDS[dialog].dismiss)}
        tone={dialog === "golive" ? "primary" : "danger"}
        pending={flow.pending}
        confirmDisabled={needsAcknowledgement}
        onConfirm={confirm}
        onClose={() => setOpen(false)}
      >
        {dialog === "golive" ? (
          <GoLiveChecklist
            status={status}
            acknowledged={acknowledged === errors}
            onAcknowledge={(on) => setAcknowledged(on ? errors : null)}
          />
        ) : (
          <CancelWarning status={status} />
        )}
      </ConfirmDialog>
    </>
  );
}
