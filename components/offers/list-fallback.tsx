import { useTranslations } from "next-intl";

import { PageHeader } from "./page-header";
import { SkeletonRows } from "./list-states";

/** The page's shape before its view renders: title, then placeholder rows. */
export function ListFallback({ list }: { list: "offers" | "approvals" }) {
  const t = useTranslations();
  const title = t(`${list}.page.title`);
  return (
    <div className="flex flex-col gap-5">
      <PageHeader title={title} description={t("offers.list.loading")} />
      <div className="rounded-lg border border-slate-200 bg-white shadow-sm" aria-busy="true">
        <p role="status" className="sr-only">
          {t("offers.list.loading")}
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
