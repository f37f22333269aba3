import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";

import { StandaloneHeader } from "@/components/shell/standalone-header";
import { ErrorPanel } from "@/components/ui/error-panel";
import { CATALOGUES } from "@/messages";
import { toApiError } from "@/lib/server/errors";
import { getServices } from "@/lib/server/services";

type Code = keyof typeof CATALOGUES.en.common.errors.codes;
const isCode = (code: string): code is Code => Object.hasOwn(CATALOGUES.en.common.errors.codes, code);

// `/` opens the first publisher's offers.
export default async function HomePage() {
  let target: string | null = null;
  let failure: { code: string; status: number } | null = null;
  try {
    const { value: publishers } = await getServices().cpp.listPublishers();
    const first = publishers[0];
    if (first) target = `/publishers/${encodeURIComponent(first.id)}/offers`;
  } catch (error) {
    const { code, status } = toApiError(error);
    failure = { code, status };
  }
  if (target) redirect(target);
  const [t, errors] = await Promise.all([getTranslations("shell"), getTranslations("common.errors")]);
  return (
    <>
      <StandaloneHeader width="max-w-3xl" />
      <main id="main" className="mx-auto max-w-3xl px-4 py-6">
        <h1 className="sr-only">{t("productName")}</h1>
        {failure ? (
          <ErrorPanel
            title={t("home.loadFailed")}
            message={
              isCode(failure.code)
                ? errors(`codes.${failure.code}`, { status: failure.status })
                : errors("codes.unknown")
            }
            code={failure.code}
          />
        ) : (
          <ErrorPanel title={t("home.noPublishers")} message={t("home.noPublishersHelp")} />
        )}
      </main>
    </>
  );
}
