import { ErrorPanel } from "@/components/ui/error-panel";
import { Icon } from "@/components/ui/icon";
import { ApiError } from "@/lib/api-client";
import { isFatal } from "@/lib/queries";

/** The first load failed: say why, and offer to try again (polling has paused on 401/403). */
export function ListError({ title, error, onRetry }: { title: string; error: Error; onRetry: () => void }) {
  const fatal = isFatal(error);
  return (
    <ErrorPanel
      title={title}
      message={
        fatal
          ? `${error.message} Automatic refresh is paused until this is fixed.`
          : `${error.message} The dashboard keeps trying in the background.`
      }
      code={error instanceof ApiError ? error.code : undefined}
      action={
        <button
          type="button"
          onClick={onRetry}
          className="inline-flex items-center gap-1.5 rounded-md border border-red-300 bg-white px-3 py-1.5 text-sm font-medium text-red-900 hover:bg-red-100"
        >
          <Icon name="refresh" />
          Try again
        </button>
      }
    />
  );
}
