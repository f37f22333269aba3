import type { ReactNode } from "react";

/** The frame of the sign-in pages (signed out, sign-in failed): a card with a title and actions. */
export function AuthCard({ title, children, action }: { title: string; children: ReactNode; action: ReactNode }) {
  return (
    <main id="main" className="mx-auto max-w-lg px-4 py-16">
      <p className="mb-4 text-lg font-semibold text-slate-900">Offer Status Dashboard</p>
      <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <h1 className="text-xl font-semibold text-slate-900">{title}</h1>
        <div className="mt-2 space-y-2 text-sm text-slate-700">{children}</div>
        <div className="mt-5">{action}</div>
      </div>
    </main>
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
