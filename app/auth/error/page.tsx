import type { Metadata } from "next";

import { AuthCard, SignInLink } from "@/components/auth/auth-card";
import { safeReturnTo } from "@/lib/auth/return-to";
import { getEnv } from "@/lib/env";

export const metadata: Metadata = { title: "Sign-in failed" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const first = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? value[0] : value);

/** Our own words for each failure; nothing from the query string is shown but a checked code. */
function explain(reason: string | undefined, code: string | undefined, baseUrl: string): string {
  switch (reason) {
    case "expired":
      return `The sign-in took too long, or it was started in another tab or at another address of the dashboard. Open the dashboard at ${baseUrl} and try again.`;
    case "state":
      return "The answer from Entra ID did not belong to the sign-in started in this browser, so it was refused. Please try again.";
    case "denied":
      return "Sign-in was cancelled.";
    case "idp":
      return code === "AADSTS50011"
        ? `Entra ID refused the sign-in: the app registration has no redirect URI ${baseUrl}/auth/callback (Authentication → Web → Redirect URIs).`
        : "Entra ID refused the sign-in. An administrator can look the code below up in Entra ID's sign-in logs.";
    case "token":
      return "The sign-in could not be completed: Entra ID did not accept the dashboard's request for the sign-in token.";
    case "id_token":
      return "Entra ID's answer could not be verified (signature, issuer, audience, expiry or nonce), so it was refused.";
    case "unavailable":
      return "Entra ID could not be reached. Try again in a moment.";
    default:
      return "The sign-in did not complete. Please try again.";
  }
}

// Where a failed sign-in lands: what happened, in words, and a way to try again.
export default async function SignInErrorPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const reason = first(params.reason);
  const rawCode = first(params.code);
  const code = rawCode && /^(AADSTS\d{1,9}|[a-z_]{1,64})$/.test(rawCode) ? rawCode : undefined;
  const returnTo = safeReturnTo(first(params.returnTo));
  return (
    <AuthCard
      title={reason === "denied" ? "Sign-in cancelled" : "Sign-in did not complete"}
      action={<SignInLink returnTo={returnTo}>Try signing in again</SignInLink>}
    >
      <p role="alert">{explain(reason, code, getEnv().APP_BASE_URL)}</p>
      {code ? <p className="font-mono text-xs text-slate-600">Code: {code}</p> : null}
    </AuthCard>
  );
}
