"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";

import { useActionsDisabledText, useCurrentUser } from "@/components/auth/current-user";
import { usePolling } from "@/components/providers";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Icon } from "@/components/ui/icon";
import type { OfferSummary, OperationAccepted } from "@/lib/schemas/model";
import { queries } from "@/lib/queries";
import { useHydrated } from "@/lib/use-hydrated";
import { useOfferAction } from "@/lib/use-offer-action";

import { GoLiveDetails } from "./go-live-details";

/** The request's outcome; a failure keeps the error itself, put in words where it is shown. */
export type GoLiveResult = { ok: true; accepted: OperationAccepted } | { ok: false; error: unknown };

interface GoLiveButtonProps {
  publisherId: string;
  offer: OfferSummary;
  /** Called when the request is sent, so the page keeps the row while it runs. */
  onRequest: (offer: OfferSummary) => void;
  onResult: (offer: OfferSummary, result: GoLiveResult) => void;
}

/** Go live for one queued offer, behind a confirmation; disabled while the request runs. */
export function GoLiveButton({ publisherId, offer, onRequest, onResult }: GoLiveButtonProps) {
  const t = useTranslations("approvals.goLive");
  const [open, setOpen] = useState(false);
  // How many open errors were acknowledged: ticking it again is needed if more appear.
  const [acknowledged, setAcknowledged] = useState<number | null>(null);
  const action = useOfferAction(publisherId, offer.id, "golive");
  const { isApprover } = useCurrentUser();
  const actionsDisabledReason = useActionsDisabledText();
  // The status document (shared with the dialog's list) is read only while the dialog is open.
  const status = useQuery({ ...queries.offerStatus(publisherId, offer.id, usePolling()), enabled: open });
  const errors = status.data?.data.errorCount ?? offer.errorCount;
  const needsAcknowledgement = errors > 0 && acknowledged !== errors;
  const hydrated = useHydrated();

  async function confirm() {
    if (action.isPending || needsAcknowledgement) return;
    onRequest(offer);
    // mutateAsync, not mutate's callbacks: those are dropped if the row unmounts meanwhile
    // (the list refetch after the action can take the offer out of the queue).
    try {
      const res = await action.mutateAsync(errors > 0 ? { acknowledgedErrors: errors } : undefined);
      onResult(offer, { ok: true, accepted: res.data });
    } catch (error) {
      onResult(offer, { ok: false, error });
    } finally {
      setOpen(false);
    }
  }

  return (
    <>
      <button
        type="button"
        onClick={() => {
          setAcknowledged(null);
          setOpen(true);
        }}
        // Rendered on the server (from the record): not clickable until the page is interactive.
        disabled={!hydrated || action.isPending || !isApprover}
        aria-label={t("label", { name: offer.name })}
        title={actionsDisabledReason ?? undefined}
        className="bg-brand-600 hover:bg-brand-700 inline-flex min-h-8 items-center gap-1.5 rounded-md px-3 py-1.5 text-sm font-medium whitespace-nowrap text-white shadow-sm disabled:opacity-60"
      >
        {action.isPending ? <Icon name="spinner" /> : null}
        {action.isPending ? t("requesting") : t("button")}
      </button>
      <ConfirmDialog
        open={open}
        title={t("confirmTitle", { name: offer.name })}
        confirmLabel={t("button")}
        cancelLabel={t("cancel")}
        tone={offer.errorCount > 0 ? "danger" : "primary"}
        pending={action.isPending}
        confirmDisabled={needsAcknowledgement}
        onConfirm={() => void confirm()}
        onClose={() => setOpen(false)}
      >
        {open ? (
          <GoLiveDetails
            publisherId={publisherId}
            offer={offer}
            acknowledged={acknowledged === errors}
            onAcknowledge={(on, count) => setAcknowledged(on ? count : null)}
          />
        ) : null}
      </ConfirmDialog>
    </>
  );
}
