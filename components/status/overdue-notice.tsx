import { useLocale, useTranslations } from "next-intl";

import { Icon } from "@/components/ui/icon";
import { overdueSummary, type Overdue } from "@/lib/overdue";

/** "Taking longer than usual", with what to do if it persists. */
export function OverdueNotice({ overdue, stepId }: { overdue: Overdue; stepId: string }) {
  const t = useTranslations("status");
  const summary = overdueSummary(overdue, useLocale());
  return (
    <div
      data-testid="overdue"
      className="flex gap-2 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950"
    >
      <Icon name="clock" className="mt-0.5 h-4 w-4 shrink-0 text-amber-800" />
      <div className="min-w-0">
        <p className="font-medium">{t(summary.key, summary.values)}</p>
        <p className="mt-0.5 text-amber-900">
          {t.rich("overdue.advice", {
            stepId,
            code: (chunks) => <code className="font-mono text-xs wrap-anywhere">{chunks}</code>,
          })}
        </p>
      </div>
    </div>
  );
}
