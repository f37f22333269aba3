import type { ReactNode } from "react";

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
 * it when its confirmation closes, and a keyboard user does not lose their place.
 */
export function ActionButton({ tone, disabled, onClick, children }: ActionButtonProps) {
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
