import type { Metadata } from "next";
import { Suspense } from "react";

import { ApprovalsView } from "@/components/approvals/approvals-view";
import { ListFallback } from "@/components/offers/list-fallback";

export const metadata: Metadata = { title: "Approvals" };

// The view reads its filters from the query string; the fallback keeps the page's shape meanwhile.
export default async function ApprovalsPage({ params }: { params: Promise<{ publisherId: string }> }) {
  const { publisherId } = await params;
  return (
    <Suspense fallback={<ListFallback title="Approvals" />}>
      <ApprovalsView publisherId={publisherId} />
    </Suspense>
  );
}
