import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";

import { AuthCard, SignInLink } from "@/components/auth/auth-card";
import { getCurrentUser } from "@/lib/server/auth/current-user";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth.signedOut");
  return { title: t("title") };
}

// Where Entra ID's sign-out brings the browser back (post_logout_redirect_uri).
export default async function SignedOutPage() {
  const [user, t] = await Promise.all([getCurrentUser(), getTranslations("auth.signedOut")]);
  if (user.signedIn) {
    return (
      <AuthCard
        title={t("stillSignedIn")}
        action={
          <Link href="/" className="text-brand-700 font-medium underline">
            {t("open")}
          </Link>
        }
      >
        <p>{t("signedInAs", { name: user.name, username: user.username })}</p>
      </AuthCard>
    );
  }
  return (
    <AuthCard title={t("heading")} action={<SignInLink>{t("signIn")}</SignInLink>}>
      <p>{t("message")}</p>
    </AuthCard>
  );
}
