import { useTranslations } from "next-intl";

import { Icon } from "@/components/ui/icon";
import type { Labels } from "@/lib/labels";
import { useLabels } from "@/lib/use-labels";
import type { OfferStatus } from "@/lib/schemas/model";
import { isStoppingStep } from "@/lib/schemas/vocabulary";

import { stepAnchorId } from "./step-item";

interface Issue {
  key: string;
  href: string;
  /** The step's name, or null for a message about the offer as a whole. */
  step: string | null;
  what: string;
  icon: "cross" | "pause";
}

const MAX_TEXT = 240;

function clip(text: string): string {
  return text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT - 1)}…` : text;
}

/**
 * The offer's error messages, the offer's own and each step's: exactly what `errorCount`
 * counts (countMessages), so the count here is the count in the list.
 */
export function collectIssues(status: OfferStatus): Issue[] {
  const issues: Issue[] = [];
  status.messages.forEach((m, i) => {
    if (m.level.value === "error")
      issues.push({ key: `offer-${i}`, href: "#offer-messages", step: null, what: clip(m.text), icon: "cross" });
  });
  for (const step of status.steps) {
    const href = `#${stepAnchorId(step.id)}`;
    step.messages.forEach((m, i) => {
      if (m.level.value === "error")
        issues.push({ key: `${step.id}-${i}`, href, step: step.name, what: clip(m.text), icon: "cross" });
    });
  }
  return issues;
}

/** Blocked and rejected steps: the reason the offer stopped, shown above the issues and never counted. */
export function collectReasons(status: OfferStatus, labels: Labels, stepState: (words: string) => string): Issue[] {
  return status.steps
    .filter((step) => isStoppingStep(step.status.value))
    .map((step) => ({
      key: `${step.id}-status`,
      href: `#${stepAnchorId(step.id)}`,
      step: step.name,
      what: stepState(labels.stepStatus(step.status)),
      icon: step.status.value === "blocked" ? ("pause" as const) : ("cross" as const),
    }));
}

/** Errors, blocked and rejected steps, summarised above the timeline with links to their steps. */
export function CriticalIssues({ status }: { status: OfferStatus }) {
  const t = useTranslations("status");
  const labels = useLabels();
  const issues = collectIssues(status);
  const reasons = collectReasons(status, labels, (words) => t("critical.stepState", { status: words }));
  const failed = status.indicator === "failed";
  if (issues.length === 0 && reasons.length === 0 && !failed) return null;
  const firstStep = status.steps[0]?.name;
  return (
    <section
      aria-labelledby="critical-issues-heading"
      data-testid="critical-issues"
      className="rounded-lg border border-red-300 bg-red-50 p-3 text-red-950 sm:p-4"
    >
      <h2 id="critical-issues-heading" className="flex flex-wrap items-center gap-x-2 font-semibold">
        <Icon name="cross" className="h-5 w-5 text-red-700" />
        {failed ? labels.indicator("failed", "") : t("critical.heading")}
        {issues.length > 0 ? (
          <span className="font-normal text-red-800">{t("critical.count", { count: issues.length })}</span>
        ) : null}
      </h2>
      {reasons.length > 0 ? (
        <ul className="mt-2 space-y-1 text-sm" data-testid="critical-reasons">
          {reasons.map((reason) => (
            <li key={reason.key} className="flex gap-2 font-medium">
              <Icon name={reason.icon} className="mt-0.5 h-4 w-4 shrink-0 text-red-700" />
              <a
                href={reason.href}
                className="min-w-0 wrap-anywhere underline decoration-red-300 underline-offset-2 hover:decoration-red-700"
              >
                {t.rich("issue", {
                  where: reason.step ?? t("offer"),
                  what: reason.what,
                  b: (chunks) => <span className="font-semibold">{chunks}</span>,
                })}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
      {failed ? (
        <p className="mt-1 text-sm">
          {firstStep ? t("critical.failedIntro", { firstStep }) : t("critical.failedIntroNoName")}
        </p>
      ) : null}
      {issues.length > 0 ? (
        <ul className="mt-3 space-y-1.5 text-sm" data-testid="critical-issue-list">
          {issues.map((issue) => (
            <li key={issue.key} className="flex gap-2">
              <Icon name={issue.icon} className="mt-0.5 h-4 w-4 shrink-0 text-red-700" />
              <a
                href={issue.href}
                className="min-w-0 wrap-anywhere underline decoration-red-300 underline-offset-2 hover:decoration-red-700"
              >
                {t.rich("issue", {
                  where: issue.step ?? t("offer"),
                  what: issue.what,
                  b: (chunks) => <span className="font-semibold">{chunks}</span>,
                })}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
