import { PageHeader } from "./page-header";
import { SkeletonRows } from "./table-states";

/** The page's shape before its view renders: title, then placeholder rows. */
export function ListFallback({ title }: { title: string }) {
  return (
    <div className="flex flex-col gap-5">
      <PageHeader title={title} description="Loading…" />
      <div className="rounded-lg border border-slate-200 bg-white shadow-sm" aria-busy="true">
        <p role="status" className="sr-only">
          Loading…
        </p>
        <table className="w-full text-sm">
          <caption className="sr-only">{title}</caption>
          <tbody>
            <SkeletonRows columns={5} />
          </tbody>
        </table>
      </div>
    </div>
  );
}
