import { Icon } from "@/components/ui/icon";
import { overdueSummary, type Overdue } from "@/lib/overdue";

/** "Taking longer than usual", with what to do if it persists. */
export function OverdueNotice({ overdue, stepId }: { overdue: Overdue; stepId: string }) {
  return (
    <div
      data-testid="overdue"
      className="flex gap-2 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950"
    >
      <Icon name="clock" className="mt-0.5 h-4 w-4 text-amber-800" />
      <div>
        <p className="font-medium">{overdueSummary(overdue)}</p>
        <p className="mt-0.5 text-amber-900">
          Steps sometimes run past their estimate. If this persists, open a support request in Partner Center and quote
          the offer id and the step id <code className="font-mono text-xs">{stepId}</code>.
        </p>
      </div>
    </div>
  );
}
