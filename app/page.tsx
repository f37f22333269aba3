import { redirect } from "next/navigation";

import { ErrorPanel } from "@/components/ui/error-panel";
import { toApiError } from "@/lib/server/errors";
import { getServices } from "@/lib/server/services";

// `/` opens the first publisher's offers.
export default async function HomePage() {
  let target: string | null = null;
  try {
    const { value: publishers } = await getServices().cpp.listPublishers();
    const first = publishers[0];
    if (first) target = `/publishers/${encodeURIComponent(first.id)}/offers`;
  } catch (error) {
    const apiError = toApiError(error);
    return (
      <main className="mx-auto max-w-3xl p-8">
        <ErrorPanel
          title="The publisher accounts could not be loaded"
          message={apiError.message}
          code={apiError.code}
        />
      </main>
    );
  }
  if (target) redirect(target);
  return (
    <main className="mx-auto max-w-3xl p-8">
      <ErrorPanel
        title="No publisher accounts"
        message="The dashboard's service principal has access to no publisher. Add it as a user of your publisher in the Cloud Partner Portal (Users → Add user → Service principal)."
      />
    </main>
  );
}
