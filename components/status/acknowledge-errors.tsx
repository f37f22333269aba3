"use client";

import { useId } from "react";
import { useTranslations } from "next-intl";

/**
 * Go live with open errors asks for an explicit "I have read them": the confirmation stays
 * disabled until it is ticked, and the request records how many were acknowledged.
 */
export function AcknowledgeErrors({
  count,
  checked,
  onChange,
}: {
  count: number;
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  const t = useTranslations("status.actions");
  const id = useId();
  return (
    <div className="flex items-start gap-2 rounded-md border border-red-300 bg-red-50 p-3 text-red-950">
      <input
        id={id}
        type="checkbox"
        checked={checked}
        onChange={(event) => onChange(event.target.checked)}
        className="mt-0.5 h-4 w-4 shrink-0 accent-red-700"
      />
      <label htmlFor={id} className="font-medium">
        {t("acknowledgeErrors", { count })}
      </label>
    </div>
  );
}
