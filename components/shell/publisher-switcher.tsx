"use client";

import { useQuery } from "@tanstack/react-query";
import { usePathname, useRouter } from "next/navigation";
import { useTranslations } from "next-intl";

import { queries } from "@/lib/queries";

/**
 * Switches publisher account, keeping the page (offers or approvals) the user is on; "All
 * publishers" opens the cross-publisher attention queue.
 */
export function PublisherSwitcher({ publisherId }: { publisherId: string | null }) {
  const t = useTranslations("shell.publisher");
  const nav = useTranslations("history.nav");
  const router = useRouter();
  const pathname = usePathname();
  const { data, isPending, isError } = useQuery(queries.publishers());
  const publishers = data?.data ?? [];
  // A publisher the app cannot see is not offered as one: the page says why.
  const current =
    publisherId === null ? undefined : publishers.find((p) => p.id.toLowerCase() === publisherId.toLowerCase());

  return (
    <label className="flex min-w-0 items-center gap-2 text-sm text-slate-700">
      <span className="shrink-0">{t("label")}</span>
      <select
        className="min-w-0 flex-1 truncate rounded-md border border-slate-300 bg-white px-2 py-1.5 text-slate-900 disabled:opacity-60 sm:max-w-64"
        value={publisherId === null ? "" : (current?.id ?? publisherId)}
        disabled={isPending || isError}
        onChange={(event) => {
          if (event.target.value === "") {
            router.push("/attention");
            return;
          }
          const next = encodeURIComponent(event.target.value);
          const page = pathname.includes("/approvals") ? "approvals" : "offers";
          router.push(`/publishers/${next}/${page}`);
        }}
      >
        <option value="">{nav("allPublishers")}</option>
        {publisherId !== null && !current ? (
          <option value={publisherId} disabled>
            {t("choose")}
          </option>
        ) : null}
        {publishers.map((p) => (
          <option key={p.id} value={p.id}>
            {t("option", { name: p.name, id: p.id })}
          </option>
        ))}
      </select>
    </label>
  );
}
