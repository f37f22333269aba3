import { useTranslations } from "next-intl";
import type { ReactNode } from "react";

import { Icon } from "./icon";

interface ErrorPanelProps {
  title: string;
  message: string;
  code?: string;
  action?: ReactNode;
}

/** A failure that blocks the view: what happened, in words, and what to do. */
export function ErrorPanel({ title, message, code, action }: ErrorPanelProps) {
  const t = useTranslations("common.errorPanel");
  return (
    <div role="alert" className="rounded-lg border border-red-300 bg-red-50 p-4 text-red-900">
      <h2 className="flex items-center gap-2 font-semibold">
        <Icon name="cross" />
        {title}
      </h2>
      <p className="mt-1 text-sm">{message}</p>
      {code ? (
        <p className="mt-1 font-mono text-xs text-red-800" translate="no">
          {t("code", { code })}
        </p>
      ) : null}
      {action ? <div className="mt-3">{action}</div> : null}
    </div>
  );
}
