import type { ReactNode } from "react";

import { StandaloneHeader } from "@/components/shell/standalone-header";

/**
 * The frame of the pages outside the app's header (signed out, sign-in failed, not found):
 * the product name with the language and theme choices, and a card with a title and actions.
 */
export function AuthCard({ title, children, action }: { title: string; children: ReactNode; action: ReactNode }) {
  return (
    <>
      <StandaloneHeader />
      <main id="main" className="mx-auto max-w-lg px-4 pt-4 pb-16">
        <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
          <h1 className="text-xl font-semibold text-slate-900">{title}</h1>
          <div className="mt-2 space-y-2 text-sm text-slate-700">{children}</div>
          <div className="mt-5 flex flex-wrap gap-3">{action}</div>
        </div>
      </main>
    </>
  );
}

/** A full navigation to sign-in (a route handler that leaves for Entra ID, so not a client-side Link). */
export function SignInLink({ returnTo, children }: { returnTo?: string; children: ReactNode }) {
  const href = returnTo && returnTo !== "/" ? `/auth/signin?returnTo=${encodeURIComponent(returnTo)}` : "/auth/signin";
  return (
    <a
      href={href}
      className="bg-brand-600 hover:bg-brand-700 inline-flex rounded-md px-4 py-2 text-sm font-medium text-white shadow-sm"
    >
      {children}
    </a>
  );
}
