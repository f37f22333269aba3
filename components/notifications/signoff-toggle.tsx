"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";

import { putSignoffEverywhere, queries, queryKeys } from "@/lib/queries";

/** Approvers hear of every offer that reaches sign-off, unless they turn it off here. */
export function SignoffToggle() {
  const t = useTranslations("notifications.panel");
  const queryClient = useQueryClient();
  const watches = useQuery(queries.watches());
  const set = useMutation({
    mutationFn: putSignoffEverywhere,
    onSuccess: (fresh) => {
      queryClient.setQueryData(queryKeys.watches(), fresh);
      void queryClient.invalidateQueries({ queryKey: queryKeys.inbox() });
    },
  });
  const on = set.isPending ? set.variables : (watches.data?.data.signoffEverywhere ?? true);
  return (
    <label className="flex items-center gap-2 text-slate-800">
      <input
        type="checkbox"
        checked={on}
        disabled={!watches.data || set.isPending}
        onChange={(e) => set.mutate(e.target.checked)}
        className="h-4 w-4"
      />
      {t("signoffEverywhere")}
    </label>
  );
}
