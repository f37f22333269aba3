import type { ReactNode } from "react";

/** A page's title and one-line purpose, with room on the right for freshness and actions. */
export function PageHeader({
  title,
  description,
  children,
}: {
  title: string;
  description: string;
  children?: ReactNode;
}) {
  return (
    <div className="flex flex-wrap items-end justify-between gap-x-6 gap-y-3">
      <div className="min-w-0">
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{title}</h1>
        {/* On a phone the title says enough and the offers come first; the sentence stays for screen readers. */}
        <p className="sr-only mt-1 text-sm text-slate-600 sm:not-sr-only">{description}</p>
      </div>
      {children}
    </div>
  );
}
