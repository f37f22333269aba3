import { useRouter } from "next/navigation";
import { useCallback, type MouseEvent } from "react";

export function statusHref(publisherId: string, offerId: string): string {
  return `/publishers/${encodeURIComponent(publisherId)}/offers/${encodeURIComponent(offerId)}/status`;
}

/** A stable `navigate` for the rows and cards (memoised, so it does not re-render them). */
export function useNavigate(): (href: string) => void {
  const router = useRouter();
  return useCallback((href: string) => router.push(href), [router]);
}

/**
 * A click anywhere on a row or card opens the offer, like the portal; its real link stays
 * the way in for keyboard and assistive tech. Clicks on controls, and drags that select
 * text, are left alone; Ctrl/⌘-click opens a new tab as a link would.
 */
export function handleRowClick(event: MouseEvent<HTMLElement>, href: string, navigate: (href: string) => void): void {
  if (event.button !== 0 || event.defaultPrevented) return;
  const target = event.target as HTMLElement;
  // Controls, and anything in a dialog opened from the row (React bubbles its events here).
  if (target.closest("a, button, input, select, textarea, label, summary, [role=button], dialog")) return;
  if (window.getSelection()?.toString()) return;
  if (event.ctrlKey || event.metaKey || event.shiftKey) {
    window.open(href, "_blank", "noopener");
    return;
  }
  navigate(href);
}
