import type { ReactNode } from "react";

import { AppHeader } from "@/components/shell/app-header";

// Pages across every publisher (Attention, Activity): the shell without a current publisher.
export default function AcrossPublishersLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <AppHeader publisherId={null} />
      <main id="main" className="mx-auto max-w-7xl px-4 py-6">
        {children}
      </main>
    </>
  );
}
