"use client";

import { useEffect, useId, useRef, useState } from "react";

import { SignOutButton } from "./sign-out-button";
import { useCurrentUser } from "./current-user";

/** The signed-in user and their role in the header; opens to show the username and Sign out. */
export function UserMenu() {
  const user = useCurrentUser();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const root = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const close = (event: MouseEvent | KeyboardEvent) => {
      if (event instanceof KeyboardEvent ? event.key === "Escape" : !root.current?.contains(event.target as Node)) {
        setOpen(false);
      }
    };
    document.addEventListener("mousedown", close);
    document.addEventListener("keydown", close);
    return () => {
      document.removeEventListener("mousedown", close);
      document.removeEventListener("keydown", close);
    };
  }, [open]);

  if (!user.signedIn) return null;
  const role = user.isApprover ? "Approver" : "Viewer";

  return (
    <div ref={root} className="relative">
      <button
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((value) => !value)}
        className="flex items-center gap-2 rounded-md px-2 py-1.5 text-sm text-slate-800 hover:bg-slate-100"
      >
        <span className="font-medium">{user.name}</span>
        <span
          className={`rounded-full px-2 py-0.5 text-xs font-medium ${user.isApprover ? "bg-emerald-100 text-emerald-900" : "bg-slate-200 text-slate-800"}`}
        >
          {role}
        </span>
      </button>
      {open ? (
        <div
          id={panelId}
          role="group"
          aria-label="Signed-in user"
          className="absolute right-0 z-20 mt-2 w-72 rounded-lg border border-slate-200 bg-white p-3 text-sm shadow-lg"
        >
          <p className="font-medium text-slate-900">{user.name}</p>
          <p className="break-all text-slate-600">{user.username}</p>
          <p className="mt-2 text-slate-700">
            {user.isApprover
              ? "Approver: may take offers live and cancel publishing."
              : `Viewer: read-only (no '${user.approverRole}' role).`}
          </p>
          <div className="mt-3">
            <SignOutButton />
          </div>
        </div>
      ) : null}
    </div>
  );
}
