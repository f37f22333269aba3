"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";

/**
 * Copies a link to one step (the page URL with the step's anchor) so it can be shared in a
 * support ticket or a chat. Falls back to putting the anchor in the address bar.
 */
export function CopyStepLink({ anchorId, stepName }: { anchorId: string; stepName: string }) {
  const t = useTranslations("status.step");
  const [copied, setCopied] = useState(false);

  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(false), 2_500);
    return () => clearTimeout(timer);
  }, [copied]);

  async function copy() {
    const url = new URL(window.location.href);
    url.hash = anchorId;
    try {
      await navigator.clipboard.writeText(url.toString());
      setCopied(true);
    } catch {
      // No clipboard permission: the address bar then holds the link.
      window.history.replaceState(null, "", `#${anchorId}`);
      setCopied(true);
    }
  }

  return (
    <button
      type="button"
      onClick={copy}
      aria-label={t("copyLinkTo", { step: stepName })}
      className="inline-flex min-h-6 items-center gap-1 rounded-md px-1.5 py-1 text-xs text-slate-600 hover:bg-slate-100 hover:text-slate-800"
    >
      <svg
        viewBox="0 0 20 20"
        aria-hidden="true"
        focusable="false"
        className="h-4 w-4"
        fill="none"
        stroke="currentColor"
        strokeWidth={1.8}
        strokeLinecap="round"
      >
        <path d="M8.5 11.5a3 3 0 0 0 4.2 0l2.6-2.6a3 3 0 0 0-4.2-4.2l-.8.8M11.5 8.5a3 3 0 0 0-4.2 0l-2.6 2.6a3 3 0 0 0 4.2 4.2l.8-.8" />
      </svg>
      <span aria-live="polite">{copied ? t("linkCopied") : t("copyLink")}</span>
    </button>
  );
}
