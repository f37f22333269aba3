"use client";

import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";

/**
 * Sign out: POST /auth/signout (same origin), then on to Entra ID's end-session page. It asks
 * for JSON and navigates itself, because the page's CSP (form-action 'self') would stop a form
 * post from being redirected to another origin; the plain form post remains as a fallback (the
 * dashboard's session ends either way).
 */
export function SignOutButton() {
  const t = useTranslations("auth.signOut");
  const [pending, setPending] = useState(false);

  async function signOut(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    setPending(true);
    try {
      const res = await fetch("/auth/signout", { method: "POST", headers: { Accept: "application/json" } });
      const body = (await res.json()) as { redirectTo?: unknown };
      if (!res.ok || typeof body.redirectTo !== "string") throw new Error(`sign-out answered ${res.status}`);
      window.location.assign(body.redirectTo);
    } catch {
      form.submit();
    }
  }

  return (
    <form method="post" action="/auth/signout" onSubmit={(event) => void signOut(event)}>
      <button
        type="submit"
        disabled={pending}
        className="min-h-9 w-full rounded-md border border-slate-300 bg-white px-3 py-1.5 text-left text-sm font-medium text-slate-800 hover:bg-slate-50 disabled:opacity-60"
      >
        {pending ? t("pending") : t("button")}
      </button>
    </form>
  );
}
