import { useTranslations } from "next-intl";

import type { Link } from "@/lib/schemas/model";

function LinkGroup({ title, hint, links, testId }: { title: string; hint: string; links: Link[]; testId: string }) {
  const t = useTranslations("status.links");
  if (links.length === 0) return null;
  return (
    <div data-testid={testId} className="min-w-0">
      <h2 className="text-sm font-semibold text-slate-900">{title}</h2>
      <p className="text-xs text-slate-600">{hint}</p>
      <ul className="mt-1.5 flex flex-wrap gap-2">
        {links.map((link) => (
          <li key={link.url} className="max-w-full">
            <a
              href={link.url}
              target="_blank"
              rel="noopener noreferrer"
              className="text-brand-700 inline-flex max-w-full items-center gap-1 rounded-md border border-slate-300 bg-white px-2.5 py-1 text-sm font-medium wrap-anywhere hover:bg-slate-50"
            >
              {link.text}
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
              <span className="sr-only">{t("newTab")}</span>
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Where to see the offer: preview (allow-listed subscriptions) and live listings. */
export function OfferLinks({ previewLinks, liveLinks }: { previewLinks: Link[]; liveLinks: Link[] }) {
  const t = useTranslations("status.links");
  if (previewLinks.length === 0 && liveLinks.length === 0) return null;
  return (
    <section aria-label={t("label")} className="flex flex-wrap gap-x-10 gap-y-3">
      <LinkGroup title={t("liveTitle")} hint={t("liveHint")} links={liveLinks} testId="live-links" />
      <LinkGroup title={t("previewTitle")} hint={t("previewHint")} links={previewLinks} testId="preview-links" />
    </section>
  );
}
