import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

import { AuthCard, SignInLink } from "@/components/auth/auth-card";
import { safeReturnTo } from "@/lib/auth/return-to";
import { getEnv } from "@/lib/env";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth.error");
  return { title: t("title") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const first = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? value[0] : value);

/** The catalogue's explanation for each reason the sign-in routes send here. */
const REASONS = {
  expired: "expired",
  state: "state",
  denied: "denied",
  idp: "idp",
  token: "token",
  id_token: "idToken",
  unavailable: "unavailable",
} as const;

function reasonKey(reason: string | undefined, code: string | undefined) {
  if (reason === "idp" && code === "AADSTS50011") return "redirectUri";
  return reason !== undefined && Object.hasOwn(REASONS, reason) ? REASONS[reason as keyof typeof REASONS] : "other";
}

// Where a failed sign-in lands: what happened, in words, and a way to try again.
export default async function SignInErrorPage({ searchParams }: { searchParams: SearchParams }) {
  const [params, t] = await Promise.all([searchParams, getTranslations("auth.error")]);
  const reason = first(params.reason);
  const rawCode = first(params.code);
  // Nothing from the query string is shown but a code of a known shape.
  const code = rawCode && /^(AADSTS\d{1,9}|[a-z_]{1,64})$/.test(rawCode) ? rawCode : undefined;
  const returnTo = safeReturnTo(first(params.returnTo));
  const baseUrl = getEnv().APP_BASE_URL;
  return (
    <AuthCard
      title={reason === "denied" ? t("cancelled") : t("incomplete")}
      action={<SignInLink returnTo={returnTo}>{t("retry")}</SignInLink>}
    >
      <p role="alert">
        {t(`reasons.${reasonKey(reason, code)}`, { baseUrl, redirectUri: `${baseUrl}/auth/callback` })}
      </p>
      {code ? (
        <p className="font-mono text-xs text-slate-600" translate="no">
          {t("code", { code })}
        </p>
      ) : null}
    </AuthCard>
  );
}
