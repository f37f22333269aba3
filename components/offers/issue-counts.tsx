import { Icon } from "@/components/ui/icon";

const plural = (n: number, word: string) => `${n.toLocaleString("en")} ${word}${n === 1 ? "" : "s"}`;

/** "1 error · 2 warnings", icon + text; "None" (or nothing, when `quiet`) for a clean offer. */
export function IssueCounts({
  errors,
  warnings,
  quiet = false,
}: {
  errors: number;
  warnings: number;
  quiet?: boolean;
}) {
  if (errors === 0 && warnings === 0) {
    return quiet ? null : <span className="text-sm text-slate-500">None</span>;
  }
  return (
    <span className="inline-flex flex-wrap items-center gap-x-3 gap-y-1 text-xs font-medium">
      {errors > 0 ? (
        <span className="inline-flex items-center gap-1 text-red-700">
          <Icon name="cross" className="h-3.5 w-3.5" />
          {plural(errors, "error")}
        </span>
      ) : null}
      {warnings > 0 ? (
        <span className="inline-flex items-center gap-1 text-amber-800">
          <Icon name="warning" className="h-3.5 w-3.5" />
          {plural(warnings, "warning")}
        </span>
      ) : null}
    </span>
  );
}

export function issueSentence(errors: number, warnings: number): string {
  const parts = [errors ? plural(errors, "error") : "", warnings ? plural(warnings, "warning") : ""].filter(Boolean);
  return parts.length ? parts.join(" and ") : "no warnings or errors";
}
