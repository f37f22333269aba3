import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";

import { AuthCard } from "@/components/auth/auth-card";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("shell.notFound");
  return { title: t("title") };
}

// An address with no page, or a publisher or offer id that is not valid (notFound()).
export default async function NotFound() {
  const t = await getTranslations("shell.notFound");
  return (
    <AuthCard
      title={t("title")}
      action={
        <Link href="/" className="text-brand-700 font-medium underline">
          {t("home")}
        </Link>
      }
    >
      <p>{t("message")}</p>
    </AuthCard>
  );
}
