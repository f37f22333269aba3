/** The Status tab's shape while its first data loads. */
export function StatusSkeleton() {
  return (
    <div aria-busy="true" className="space-y-4" data-testid="status-loading">
      <p role="status" className="sr-only">
        Loading the offer&apos;s status…
      </p>
      <div className="h-5 w-64 animate-pulse rounded bg-slate-200" />
      <ol aria-hidden="true" className="space-y-4">
        {[0, 1, 2, 3].map((i) => (
          <li key={i} className="relative pl-12">
            <span className="absolute top-1 left-0 h-8 w-8 animate-pulse rounded-full bg-slate-200" />
            <div className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
              <div className="h-4 w-1/3 animate-pulse rounded bg-slate-200" />
              <div className="h-3 w-2/3 animate-pulse rounded bg-slate-100" />
              <div className="h-1.5 w-64 animate-pulse rounded bg-slate-100" />
            </div>
          </li>
        ))}
      </ol>
    </div>
  );
}
