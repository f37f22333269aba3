"use client";

import { useTranslations } from "next-intl";

import type { Link } from "@/lib/schemas/model";

/** The little "opens in a new tab" arrow; decorative (the link says it in words). */
function ExternalIcon() {
  return (
    <svg
      viewBox="0 0 20 20"
      aria-hidden="true"
      focusable="false"
      className="h-3.5 w-3.5 shrink-0"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.8}
      strokeLinecap="round"
    >
      <path d="M11 4h5v5M16 4l-7 7M14 12v3a1 1 0 0 1-1 1H5a1 1 0 0 1-1-1V7a1 1 0 0 1 1-1h3" />
    </svg>
  );
}

/**
 * The offer's preview links where the sign-off is decided (a queue row, a card, the Go live
 * confirmation): the approver checks the preview without leaving the queue. Each opens in a
 * new tab; the list's name says whose preview it is.
 */
export function PreviewLinks({ links, offerName }: { links: readonly Link[]; offerName: string }) {
  const t = useTranslations("approvals.preview");
  if (links.length === 0) return <span className="text-xs text-slate-600">{t("none")}</span>;
  return (
    <ul
      aria-label={t("label", { name: offerName })}
      className="flex flex-wrap gap-x-3 gap-y-1"
      data-testid="preview-links"
    >
      {links.map((link) => (
        <li key={link.url} className="max-w-full">
          <a
            href={link.url}
            target="_blank"
            rel="noopener noreferrer"
            className="text-brand-700 inline-flex max-w-full items-center gap-1 text-xs font-medium wrap-anywhere underline underline-offset-2"
          >
            {link.text}
            <ExternalIcon />
            <span className="sr-only">{t("newTab")}</span>
          </a>
        </li>
      ))}
    </ul>
  );
}
