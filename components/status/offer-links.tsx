import type { Link } from "@/lib/schemas/model";

function LinkGroup({ title, hint, links, testId }: { title: string; hint: string; links: Link[]; testId: string }) {
  if (links.length === 0) return null;
  return (
    <div data-testid={testId}>
      <h3 className="text-sm font-semibold text-slate-900">{title}</h3>
      <p className="text-xs text-slate-600">{hint}</p>
      <ul className="mt-1.5 flex flex-wrap gap-2">
        {links.map((link) => (
          <li key={link.url}>
            <a
              href={link.url}
              target="_blank"
              rel="noopener noreferrer"
              className="text-brand-700 inline-flex items-center gap-1 rounded-md border border-slate-300 bg-white px-2.5 py-1 text-sm font-medium hover:bg-slate-50"
            >
              {link.text}
              <svg
                viewBox="0 0 20 20"
                aria-hidden="true"
                focusable="false"
                className="h-3.5 w-3.5"
                fill="none"
                stroke="currentColor"
                strokeWidth={1.8}
                strokeLinecap="round"
              >
                <path d="M11 4h5v5M16 4l-7 7M14 12v3a1 1 0 0 1-1 1H5a1 1 0 0 1-1-1V7a1 1 0 0 1 1-1h3" />
              </svg>
              <span className="sr-only">(opens in a new tab)</span>
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Where to see the offer: preview (allow-listed subscriptions) and live listings. */
export function OfferLinks({ previewLinks, liveLinks }: { previewLinks: Link[]; liveLinks: Link[] }) {
  if (previewLinks.length === 0 && liveLinks.length === 0) return null;
  return (
    <section aria-label="Offer links" className="flex flex-wrap gap-x-10 gap-y-3">
      <LinkGroup
        title="Live"
        hint="Public listings, visible to every customer."
        links={liveLinks}
        testId="live-links"
      />
      <LinkGroup
        title="Preview"
        hint="Visible only to the subscriptions on the preview audience."
        links={previewLinks}
        testId="preview-links"
      />
    </section>
  );
}
