"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";

import { useCurrentUser } from "@/components/auth/current-user";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import type { OfferAction } from "@/lib/queries";
import type { OfferStatus } from "@/lib/schemas/model";
import type { Indicator } from "@/lib/schemas/vocabulary";
import { joinErrorText, useErrorText } from "@/lib/use-error-text";
import { useOfferAction } from "@/lib/use-offer-action";

import { CancelWarning, GoLiveChecklist } from "./action-dialog-content";
import { ActionButton } from "./action-button";

/** Each action's words in the `status.actions` catalogue. */
const WORDS = {
  golive: {
    name: "goLive",
    requested: "goLiveRequested",
    accepted: "goLiveAccepted",
    refused: "goLiveRefused",
    title: "goLiveTitle",
    dismiss: "goLiveDismiss",
  },
  cancel: {
    name: "cancel",
    requested: "cancelRequested",
    accepted: "cancelAccepted",
    refused: "cancelRefused",
    title: "cancelTitle",
    dismiss: "cancelDismiss",
  },
} as const satisfies Record<OfferAction, Record<string, string>>;

interface Notice {
  tone: "success" | "error";
  text: string;
}

/**
 * Go live (awaiting sign-off) and Cancel publish (while a publish is in progress), offered
 * from the live state only, each behind a confirmation, with the outcome announced politely.
 */
export function OfferActions({ status }: { status: OfferStatus }) {
  const t = useTranslations("status.actions");
  const errorText = useErrorText();
  const { publisherId, offerId, indicator } = status;
  const goLive = useOfferAction(publisherId, offerId, "golive");
  const cancel = useOfferAction(publisherId, offerId, "cancel");
  const { isApprover, actionsDisabledReason } = useCurrentUser();
  const [dialog, setDialog] = useState<OfferAction>("golive");
  const [open, setOpen] = useState(false);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [requested, setRequested] = useState<{ action: OfferAction; indicator: Indicator } | null>(null);
  // Go live with open errors: how many the approver ticked as read (again if more appear).
  const [acknowledged, setAcknowledged] = useState<number | null>(null);
  const errors = status.errorCount;
  const needsAcknowledgement = dialog === "golive" && errors > 0 && acknowledged !== errors;

  const canGoLive = indicator === "awaitingSignoff";
  const canCancel = indicator === "publishing" || indicator === "awaitingSignoff";
  // The upstream takes a moment to show an accepted action: until the indicator moves, don't offer it twice.
  const settling = requested !== null && requested.indicator === indicator;
  const pending = goLive.isPending || cancel.isPending;

  function ask(action: OfferAction) {
    setDialog(action);
    setAcknowledged(null);
    setOpen(true);
  }

  function confirm() {
    const action = dialog;
    if (needsAcknowledgement) return;
    setNotice(null);
    const body = action === "golive" && errors > 0 ? { acknowledgedErrors: errors } : undefined;
    (action === "golive" ? goLive : cancel).mutate(body, {
      onSuccess: () => {
        setRequested({ action, indicator });
        setNotice({ tone: "success", text: t(WORDS[action].accepted) });
      },
      onError: (error) =>
        setNotice({ tone: "error", text: t(WORDS[action].refused, { reason: joinErrorText(errorText(error)) }) }),
      onSettled: () => setOpen(false),
    });
  }

  return (
    <>
      <section aria-label={t("label")} className="flex min-w-0 flex-col items-stretch gap-2 sm:items-end">
        {canGoLive || canCancel ? (
          <div className="flex flex-col gap-2 sm:flex-row sm:flex-wrap">
            {canGoLive ? (
              <ActionButton tone="primary" disabled={pending || settling || !isApprover} onClick={() => ask("golive")}>
                {t(settling && requested?.action === "golive" ? WORDS.golive.requested : WORDS.golive.name)}
              </ActionButton>
            ) : null}
            {canCancel ? (
              <ActionButton tone="danger" disabled={pending || settling || !isApprover} onClick={() => ask("cancel")}>
                {t(settling && requested?.action === "cancel" ? WORDS.cancel.requested : WORDS.cancel.name)}
              </ActionButton>
            ) : null}
          </div>
        ) : null}
        {(canGoLive || canCancel) && !isApprover ? (
          <p className="text-sm text-slate-700">{actionsDisabledReason}</p>
        ) : null}
        <p
          role="status"
          data-testid="action-result"
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
        pending={pending}
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
