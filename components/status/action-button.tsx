import type { ReactNode } from "react";
import { useHydrated } from "@/lib/use-hydrated";

interface ActionButtonProps {
  tone: "primary" | "danger";
  disabled: boolean;
  onClick: () => void;
  children: ReactNode;
}

const TONES = {
  primary: "border-brand-600 bg-brand-600 text-white hover:bg-brand-700",
  danger: "border-red-300 bg-white text-red-800 hover:bg-red-50",
};

/**
 * A real button that stays focusable while disabled (aria-disabled), so focus can return to
 * it when its confirmation closes, and a keyboard user does not lose their place. Rendered on
 * the server (from the record), it stays disabled until the page is interactive: a click
 * before hydration would otherwise be lost without a word.
 */
export function ActionButton({ tone, disabled: refused, onClick, children }: ActionButtonProps) {
  const hydrated = useHydrated();
  const disabled = refused || !hydrated;
  return (
    <button
      type="button"
      aria-disabled={disabled || undefined}
      onClick={() => {
        if (!disabled) onClick();
      }}
      className={`rounded-md border px-3.5 py-1.5 text-sm font-medium shadow-sm aria-disabled:cursor-not-allowed aria-disabled:opacity-60 ${TONES[tone]}`}
    >
      {children}
    </button>
  );
}
