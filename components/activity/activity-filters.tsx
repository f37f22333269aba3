"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";

import { queries } from "@/lib/queries";
import { ACTIVITY_ACTIONS, ACTIVITY_OUTCOMES } from "@/lib/schemas/activity";

const field = "rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm text-slate-900";

/**
 * The filters as a plain GET form: the URL holds them (deep links, Back/Forward), and it
 * works with the keyboard and without any script of ours.
 */
export function ActivityFilters({ filters }: { filters: Record<string, string> }) {
  const t = useTranslations("history.activity");
  const words = useTranslations("history.changes");
  const publishers = useQuery(queries.publishers()).data?.data ?? [];
  return (
    <form method="get" action="/activity" aria-label={t("filters")} className="flex flex-wrap items-end gap-3">
      <label className="flex flex-col gap-1 text-sm text-slate-700">
        {t("publisher")}
        <select name="publisherId" defaultValue={filters.publisherId ?? ""} className={field}>
          <option value="">{t("anyPublisher")}</option>
          {publishers.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col gap-1 text-sm text-slate-700">
        {t("offer")}
        <input name="offerId" defaultValue={filters.offerId ?? ""} className={field} autoComplete="off" />
      </label>
      <label className="flex flex-col gap-1 text-sm text-slate-700">
        {t("user")}
        <input name="user" defaultValue={filters.user ?? ""} className={field} autoComplete="off" />
      </label>
      <label className="flex flex-col gap-1 text-sm text-slate-700">
        {t("action")}
        <select name="action" defaultValue={filters.action ?? ""} className={field}>
          <option value="">{t("anyAction")}</option>
          {ACTIVITY_ACTIONS.map((a) => (
            <option key={a} value={a}>
              {words(`actions.${a}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col gap-1 text-sm text-slate-700">
        {t("outcome")}
        <select name="outcome" defaultValue={filters.outcome ?? ""} className={field}>
          <option value="">{t("anyOutcome")}</option>
          {ACTIVITY_OUTCOMES.map((o) => (
            <option key={o} value={o}>
              {words(`outcomes.${o}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col gap-1 text-sm text-slate-700">
        {t("from")}
        <input type="date" name="from" defaultValue={filters.from ?? ""} className={field} />
      </label>
      <label className="flex flex-col gap-1 text-sm text-slate-700">
        {t("to")}
        <input type="date" name="to" defaultValue={filters.to ?? ""} className={field} />
      </label>
      <button type="submit" className="rounded-md bg-slate-900 px-3 py-1.5 text-sm font-medium text-white">
        {t("apply")}
      </button>
      <Link href="/activity" className="text-brand-700 px-2 py-1.5 text-sm underline-offset-2 hover:underline">
        {t("clear")}
      </Link>
    </form>
  );
}
