"use client";

import { useState } from "react";

import { useCurrentUser } from "@/components/auth/current-user";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import type { OfferAction } from "@/lib/queries";
import type { OfferStatus } from "@/lib/schemas/model";
import type { Indicator } from "@/lib/schemas/vocabulary";
import { useOfferAction } from "@/lib/use-offer-action";

import { CancelWarning, GoLiveChecklist } from "./action-dialog-content";
import { ActionButton } from "./action-button";

const NAMES: Record<OfferAction, string> = { golive: "Go live", cancel: "Cancel publish" };
const ACCEPTED: Record<OfferAction, string> = {
  golive: "Go live accepted. Tracking the offer…",
  cancel: "Cancel publish accepted. Tracking the offer…",
};

interface Notice {
  tone: "success" | "error";
  text: string;
}

/**
 * Go live (awaiting sign-off) and Cancel publish (while a publish is in progress), offered
 * from the live state only, each behind a confirmation, with the outcome announced politely.
 */
export function OfferActions({ status }: { status: OfferStatus }) {
  const { publisherId, offerId, indicator } = status;
  const goLive = useOfferAction(publisherId, offerId, "golive");
  const cancel = useOfferAction(publisherId, offerId, "cancel");
  const { isApprover, actionsDisabledReason } = useCurrentUser();
  const [dialog, setDialog] = useState<OfferAction>("golive");
  const [open, setOpen] = useState(false);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [requested, setRequested] = useState<{ action: OfferAction; indicator: Indicator } | null>(null);

  const canGoLive = indicator === "awaitingSignoff";
  const canCancel = indicator === "publishing" || indicator === "awaitingSignoff";
  // The upstream takes a moment to show an accepted action: until the indicator moves, don't offer it twice.
  const settling = requested !== null && requested.indicator === indicator;
  const pending = goLive.isPending || cancel.isPending;

  function ask(action: OfferAction) {
    setDialog(action);
    setOpen(true);
  }

  function confirm() {
    const action = dialog;
    setNotice(null);
    (action === "golive" ? goLive : cancel).mutate(undefined, {
      onSuccess: () => {
        setRequested({ action, indicator });
        setNotice({ tone: "success", text: ACCEPTED[action] });
      },
      onError: (error) => setNotice({ tone: "error", text: `${NAMES[action]} was not accepted: ${error.message}` }),
      onSettled: () => setOpen(false),
    });
  }

  return (
    <>
      <section aria-label="Actions" className="flex flex-col items-start gap-2 sm:items-end">
        {canGoLive || canCancel ? (
          <div className="flex flex-wrap gap-2">
            {canGoLive ? (
              <ActionButton tone="primary" disabled={pending || settling || !isApprover} onClick={() => ask("golive")}>
                {settling && requested?.action === "golive" ? "Go live requested" : "Go live"}
              </ActionButton>
            ) : null}
            {canCancel ? (
              <ActionButton tone="danger" disabled={pending || settling || !isApprover} onClick={() => ask("cancel")}>
                {settling && requested?.action === "cancel" ? "Cancel requested" : "Cancel publish"}
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
        title={dialog === "golive" ? "Go live with this offer?" : "Cancel this publish?"}
        confirmLabel={NAMES[dialog]}
        cancelLabel={dialog === "golive" ? "Not yet" : "Keep publishing"}
        tone={dialog === "golive" ? "primary" : "danger"}
        pending={pending}
        onConfirm={confirm}
        onClose={() => setOpen(false)}
      >
        {dialog === "golive" ? <GoLiveChecklist status={status} /> : <CancelWarning status={status} />}
      </ConfirmDialog>
    </>
  );
}
