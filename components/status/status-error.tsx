import Link from "next/link";

import { ErrorPanel } from "@/components/ui/error-panel";
import { ApiError } from "@/lib/api-client";

interface StatusErrorProps {
  error: Error;
  publisherId: string;
  offerId: string;
  onRetry: () => void;
}

const linkClass = "font-medium text-red-900 underline underline-offset-2";
const buttonClass = "rounded-md border border-red-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-red-100";

/** The Status tab with no data to show: says why plainly, and where to go from here. */
export function StatusError({ error, publisherId, offerId, onRetry }: StatusErrorProps) {
  const allOffers = `/publishers/${encodeURIComponent(publisherId)}/offers`;
  const status = error instanceof ApiError ? error.status : 0;
  const code = error instanceof ApiError ? error.code : undefined;
  const back = (
    <Link href={allOffers} className={linkClass}>
      Back to All offers
    </Link>
  );

  if (status === 404) {
    return (
      <ErrorPanel
        title="Offer not found"
        message={`There is no offer "${offerId}" under publisher "${publisherId}". It may have been deleted, or the link may be wrong.`}
        code={code}
        action={back}
      />
    );
  }
  if (status === 401 || status === 403) {
    return (
      <ErrorPanel
        title="No access to this offer's status"
        message={`${error.message} Automatic refresh is paused until access is fixed.`}
        code={code}
        action={back}
      />
    );
  }
  return (
    <ErrorPanel
      title="The offer's status could not be loaded"
      message={error.message}
      code={code}
      action={
        <div className="flex flex-wrap items-center gap-4">
          <button type="button" onClick={onRetry} className={buttonClass}>
            Try again
          </button>
          {back}
        </div>
      }
    />
  );
}
