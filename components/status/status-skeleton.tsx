import { useTranslations } from "next-intl";

/** The Status tab's shape while its first data loads. */
export function StatusSkeleton() {
  const t = useTranslations("status");
  return (
    <div aria-busy="true" className="space-y-4" data-testid="status-loading">
      <p role="status" className="sr-only">
        {t("loading")}
      </p>
      <div className="h-5 w-64 max-w-full rounded bg-slate-200 motion-safe:animate-pulse" />
      <ol aria-hidden="true" className="space-y-4">
        {[0, 1, 2, 3].map((i) => (
          <li key={i} className="relative pl-10 sm:pl-12">
            <span className="absolute top-1 left-0 h-8 w-8 rounded-full bg-slate-200 motion-safe:animate-pulse" />
            <div className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
              <div className="h-4 w-1/3 rounded bg-slate-200 motion-safe:animate-pulse" />
              <div className="h-3 w-2/3 rounded bg-slate-100 motion-safe:animate-pulse" />
              <div className="h-1.5 w-64 max-w-full rounded bg-slate-100 motion-safe:animate-pulse" />
            </div>
          </li>
        ))}
      </ol>
    </div>
  );
}
