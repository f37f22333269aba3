"use client";

import { useTranslations } from "next-intl";
import { useEffect } from "react";

// A count a page put in front of its own title: "(3) " or, in Traditional Chinese, "（3）".
const COUNTED = /^[(（][\d,.]+[)）] ?/;

/**
 * "(3) All offers · …": the unread count in front of the tab's title. Next sets the title on
 * each navigation, so the count is put back whenever the title changes. A page that counts in
 * its own title (Approvals: the offers waiting) keeps its count; only what this hook added is
 * ever taken away.
 */
export function useUnreadTitle(unread: number): void {
  const t = useTranslations("notifications");
  useEffect(() => {
    let added = "";
    const apply = () => {
      let base = document.title;
      if (added && base.startsWith(added)) base = base.slice(added.length);
      added = "";
      let wanted = base;
      if (unread > 0 && !COUNTED.test(base)) {
        wanted = t("tabTitle", { count: unread, title: base });
        added = wanted.endsWith(base) ? wanted.slice(0, wanted.length - base.length) : "";
        if (!added) wanted = base;
      }
      if (document.title !== wanted) document.title = wanted;
    };
    apply();
    const observer = new MutationObserver(apply);
    observer.observe(document.head, { childList: true, subtree: true, characterData: true });
    return () => {
      observer.disconnect();
      if (added && document.title.startsWith(added)) document.title = document.title.slice(added.length);
    };
  }, [unread, t]);
}
