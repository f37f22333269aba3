"use client";

import { useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState } from "react";

import { Icon } from "@/components/ui/icon";

const DEBOUNCE_MS = 150;

interface SearchBoxProps {
  /** The committed query (from the URL). */
  value: string;
  /** Called ~150 ms after typing stops, and at once on Enter or Clear. */
  onCommit: (value: string) => void;
  label: string;
  placeholder?: string;
}

/**
 * The text filter. Typing stays local and is committed after a short pause, so the list
 * and the URL are not rewritten per keystroke; a change of the URL from outside (Back,
 * a link) flows back into the box.
 */
export function SearchBox({ value, onCommit, label, placeholder }: SearchBoxProps) {
  const [text, setText] = useState(value);
  const [committed, setCommitted] = useState(value);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const id = useId();
  const t = useTranslations("offers.list");

  if (value !== committed) {
    setCommitted(value);
    setText(value);
  }

  useEffect(() => () => clearTimeout(timer.current), []);

  function commit(next: string) {
    clearTimeout(timer.current);
    if (next === value) return;
    // Noted as ours before the URL echoes it back: keystrokes typed while the echo is on its
    // way must not be overwritten by it.
    setCommitted(next);
    onCommit(next);
  }

  return (
    <div className="relative w-full sm:w-80">
      <label htmlFor={id} className="sr-only">
        {label}
      </label>
      <span className="pointer-events-none absolute inset-y-0 left-2.5 flex items-center text-slate-500">
        <svg
          viewBox="0 0 20 20"
          className="h-4 w-4"
          fill="none"
          stroke="currentColor"
          strokeWidth={1.8}
          aria-hidden="true"
        >
          <circle cx="8.5" cy="8.5" r="5" />
          <path d="M12.5 12.5L16.5 16.5" strokeLinecap="round" />
        </svg>
      </span>
      <input
        id={id}
        type="search"
        value={text}
        placeholder={placeholder ?? label}
        autoComplete="off"
        spellCheck={false}
        onChange={(event) => {
          const next = event.target.value;
          setText(next);
          clearTimeout(timer.current);
          timer.current = setTimeout(() => commit(next), DEBOUNCE_MS);
        }}
        onKeyDown={(event) => {
          if (event.key === "Enter") commit(text);
        }}
        className="focus:border-brand-600 w-full rounded-md border border-slate-300 bg-white py-1.5 pr-8 pl-8 text-sm text-slate-900 placeholder:text-slate-500 [&::-webkit-search-cancel-button]:hidden"
      />
      {text ? (
        <button
          type="button"
          onClick={() => {
            setText("");
            commit("");
          }}
          className="absolute inset-y-0 right-1 my-auto flex h-7 w-7 items-center justify-center rounded text-slate-500 hover:bg-slate-100 hover:text-slate-800"
        >
          <Icon name="cross" className="h-4 w-4" />
          <span className="sr-only">{t("clearFilter")}</span>
        </button>
      ) : null}
    </div>
  );
}
