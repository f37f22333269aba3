import { Icon } from "@/components/ui/icon";
import type { Labels } from "@/lib/labels";
import { useLabels } from "@/lib/use-labels";
import type { OfferStatus } from "@/lib/schemas/model";

import { stepAnchorId } from "./step-item";

interface Issue {
  key: string;
  href: string;
  where: string;
  what: string;
  icon: "cross" | "pause";
}

const MAX_TEXT = 240;

function clip(text: string): string {
  return text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT - 1)}…` : text;
}

export function collectIssues(status: OfferStatus, labels: Labels): Issue[] {
  const issues: Issue[] = [];
  status.messages.forEach((m, i) => {
    if (m.level.value === "error")
      issues.push({ key: `offer-${i}`, href: "#offer-messages", where: "Offer", what: clip(m.text), icon: "cross" });
  });
  for (const step of status.steps) {
    const href = `#${stepAnchorId(step.id)}`;
    if (step.status.value === "blocked" || step.status.value === "rejected") {
      const what = `${labels.stepStatus(step.status)}.`;
      issues.push({
        key: `${step.id}-status`,
        href,
        where: step.name,
        what,
        icon: step.status.value === "blocked" ? "pause" : "cross",
      });
    }
    step.messages.forEach((m, i) => {
      if (m.level.value === "error")
        issues.push({ key: `${step.id}-${i}`, href, where: step.name, what: clip(m.text), icon: "cross" });
    });
  }
  return issues;
}

/** Errors, blocked and rejected steps, summarised above the timeline with links to their steps. */
export function CriticalIssues({ status }: { status: OfferStatus }) {
  const issues = collectIssues(status, useLabels());
  const failed = status.indicator === "failed";
  if (issues.length === 0 && !failed) return null;
  const firstStep = status.steps[0]?.name ?? "the first step";
  return (
    <section
      aria-labelledby="critical-issues-heading"
      data-testid="critical-issues"
      className="rounded-lg border border-red-300 bg-red-50 p-4 text-red-950"
    >
      <h2 id="critical-issues-heading" className="flex items-center gap-2 font-semibold">
        <Icon name="cross" className="h-5 w-5 text-red-700" />
        {failed ? "Publish failed" : "Critical issues"}
        {issues.length > 0 ? <span className="font-normal text-red-800">({issues.length})</span> : null}
      </h2>
      {failed ? (
        <p className="mt-1 text-sm">
          This offer must be fixed and published again. Correct the issues below in the offer&apos;s editor, then
          publish: publishing again restarts at the first step ({firstStep}).
        </p>
      ) : null}
      {issues.length > 0 ? (
        <ul className="mt-3 space-y-1.5 text-sm">
          {issues.map((issue) => (
            <li key={issue.key} className="flex gap-2">
              <Icon name={issue.icon} className="mt-0.5 h-4 w-4 text-red-700" />
              <a href={issue.href} className="underline decoration-red-300 underline-offset-2 hover:decoration-red-700">
                <span className="font-semibold">{issue.where}:</span> {issue.what}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
