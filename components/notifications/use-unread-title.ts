"use client";

import { useTranslations } from "next-intl";
import { useEffect } from "react";

// "(3) " or, in Traditional Chinese, "（3）".
const COUNTED = /^[(（][\d,.]+[)）] ?/;

/**
 * "(3) All offers · …": the unread count in front of the tab's title. Next sets the title on
 * each navigation, so the count is put back whenever the title changes.
 */
export function useUnreadTitle(unread: number): void {
  const t = useTranslations("notifications");
  useEffect(() => {
    const apply = () => {
      const base = document.title.replace(COUNTED, "");
      const wanted = unread > 0 ? t("tabTitle", { count: unread, title: base }) : base;
      if (document.title !== wanted) document.title = wanted;
    };
    apply();
    const observer = new MutationObserver(apply);
    observer.observe(document.head, { childList: true, subtree: true, characterData: true });
    return () => {
      observer.disconnect();
      document.title = document.title.replace(COUNTED, "");
    };
  }, [unread, t]);
}
