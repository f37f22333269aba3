"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";

import { ErrorPanel } from "@/components/ui/error-panel";

// A page that failed to render: say so in the page's language and offer to try again.
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("shell.error");
  return (
    <main id="main" className="mx-auto max-w-3xl px-4 py-8">
      <h1 className="sr-only">{t("title")}</h1>
      <ErrorPanel
        title={t("title")}
        message={t("message")}
        action={
          <div className="flex flex-wrap items-center gap-3">
            <button
              type="button"
              onClick={reset}
              className="rounded-md border border-red-300 bg-white px-3 py-1.5 text-sm font-medium text-red-900 hover:bg-red-100"
            >
              {t("retry")}
            </button>
            <Link href="/" className="text-sm font-medium underline">
              {t("home")}
            </Link>
          </div>
        }
      />
    </main>
  );
}
