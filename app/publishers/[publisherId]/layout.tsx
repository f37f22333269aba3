import { notFound } from "next/navigation";
import type { ReactNode } from "react";

import { AppHeader } from "@/components/shell/app-header";
import { isValidId } from "@/lib/schemas/ids";

export default async function PublisherLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ publisherId: string }>;
}) {
  const { publisherId } = await params;
  if (!isValidId(publisherId)) notFound();
  return (
    <>
      <AppHeader publisherId={publisherId} />
      <main id="main" className="mx-auto max-w-7xl px-4 py-6">
        {children}
      </main>
    </>
  );
}
