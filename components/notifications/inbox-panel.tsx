"use client";

import { useMutation, useQueryClient, type UseQueryResult } from "@tanstack/react-query";
import { useTranslations } from "next-intl";

import { useCurrentUser } from "@/components/auth/current-user";
import { ApiError } from "@/lib/api-client";
import { postMarkRead, queryKeys } from "@/lib/queries";
import type { ApiResponse } from "@/lib/schemas/model";
import type { Inbox } from "@/lib/schemas/notifications";
import { joinErrorText, useErrorText } from "@/lib/use-error-text";

import { DesktopToggle } from "./desktop-toggle";
import { InboxItemLink } from "./inbox-item";
import { SignoffToggle } from "./signoff-toggle";
import type { DesktopNotifications } from "./use-desktop-notifications";

type InboxQuery = UseQueryResult<ApiResponse<Inbox>, Error>;

/** The inbox: newest first, unread ones marked; opening one marks it read; "Mark all read". */
export function InboxPanel({
  query,
  desktop,
  onNavigate,
}: {
  query: InboxQuery;
  desktop: DesktopNotifications;
  onNavigate: () => void;
}) {
  const t = useTranslations("notifications.panel");
  const errorText = useErrorText();
  const user = useCurrentUser();
  const queryClient = useQueryClient();
  const inbox = query.data?.data;
  const markRead = useMutation({
    mutationFn: postMarkRead,
    onMutate: (body) => {
      // At once on screen; the answer (the inbox as it now is) replaces the guess.
      queryClient.setQueryData<ApiResponse<Inbox>>(queryKeys.inbox(), (old) => {
        if (!old) return old;
        const ids = "ids" in body ? new Set(body.ids) : null;
        const items = old.data.items.map((i) => (ids === null || ids.has(i.id) ? { ...i, read: true } : i));
        const newlyRead = old.data.items.filter((i, n) => !i.read && items[n]?.read).length;
        return { ...old, data: { unread: Math.max(0, old.data.unread - newlyRead), items } };
      });
    },
    onSuccess: (fresh) => queryClient.setQueryData(queryKeys.inbox(), fresh),
    onError: () => void queryClient.invalidateQueries({ queryKey: queryKeys.inbox() }),
  });

  return (
    <div className="flex max-h-[70vh] flex-col">
      <div className="flex items-center justify-between gap-2 border-b border-slate-200 px-3 py-2">
        <h2 className="font-semibold text-slate-900">{t("title")}</h2>
        <button
          type="button"
          disabled={!inbox || inbox.unread === 0}
          onClick={() => markRead.mutate({ all: true })}
          className="text-brand-700 rounded px-2 py-1 font-medium hover:bg-slate-100 disabled:text-slate-500 disabled:hover:bg-transparent"
        >
          {t("markAllRead")}
        </button>
      </div>
      <div className="min-h-0 flex-1 overflow-y-auto">
        {query.isPending ? (
          <p role="status" className="px-3 py-4 text-slate-600">
            {t("loading")}
          </p>
        ) : !inbox ? (
          <div role="alert" className="px-3 py-4 text-red-900">
            <p className="font-medium">{t("loadFailed")}</p>
            <p className="mt-1">{joinErrorText(errorText(query.error))}</p>
            {query.error instanceof ApiError ? (
              <p className="mt-1 font-mono text-xs" translate="no">
                {query.error.code}
              </p>
            ) : null}
          </div>
        ) : inbox.items.length === 0 ? (
          <p className="px-3 py-4 text-slate-600">{user.isApprover ? t("emptyApprover") : t("empty")}</p>
        ) : (
          <ul data-testid="inbox-items">
            {inbox.items.map((item) => (
              <li key={item.id} className="border-b border-slate-100 last:border-b-0">
                <InboxItemLink
                  item={item}
                  onOpen={() => {
                    if (!item.read) markRead.mutate({ ids: [item.id] });
                    onNavigate();
                  }}
                />
              </li>
            ))}
          </ul>
        )}
      </div>
      <div className="flex flex-col gap-2 border-t border-slate-200 px-3 py-2">
        {user.isApprover ? <SignoffToggle /> : null}
        <DesktopToggle desktop={desktop} />
      </div>
    </div>
  );
}
