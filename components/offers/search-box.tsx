"use client";

import { useTranslations } from "next-intl";
import { useEffect, useEffectEvent, useId, useState } from "react";

import { Icon } from "@/components/ui/icon";
import { useHydrated } from "@/lib/use-hydrated";

const DEBOUNCE_MS = 150;

interface SearchBoxProps {
  /** The committed query (from the URL). */
  value: string;
  /** Called ~150 ms after typing stops, and at once on Enter, Clear or leaving the field. */
  onCommit: (value: string) => void;
  label: string;
  placeholder?: string;
}

/**
 * The text filter. Typing stays local and is committed after a short pause (at once on
 * Enter, Clear, or when the field loses focus, so a click elsewhere acts on what was typed),
 * so the list and the URL are not rewritten per keystroke. A change of the URL from outside
 * (Back, a link) flows back into the box and drops whatever was still waiting to be committed.
 * Rendered on the server, the box takes typing only once the page is interactive: text typed
 * before that would be lost without a word.
 */
export function SearchBox({ value, onCommit, label, placeholder }: SearchBoxProps) {
  const [text, setText] = useState(value);
  const [committed, setCommitted] = useState(value);
  const id = useId();
  const t = useTranslations("offers.list");
  const hydrated = useHydrated();

  if (value !== committed) {
    setCommitted(value);
    setText(value);
  }

  function commit(next: string) {
    if (next === committed) return;
    // Noted as ours at once: the list shows it in the same render (useListView).
    setCommitted(next);
    onCommit(next);
  }

  const commitTyped = useEffectEvent(() => commit(text));
  useEffect(() => {
    if (text === committed) return;
    const timer = setTimeout(() => commitTyped(), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text, committed]);

  return (
    <div className="relative min-w-0 flex-1 sm:w-80 sm:flex-none">
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
        disabled={!hydrated}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === "Enter") commit(text);
        }}
        onBlur={() => commit(text)}
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
