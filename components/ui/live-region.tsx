import type { Announcement } from "@/lib/use-live-changes";

/**
 * The page's one polite live region. It is always in the DOM (a region that appears with
 * its text is often not read); each announcement replaces the last, keyed so the same
 * words twice are read twice.
 */
export function LiveRegion({ announcement }: { announcement: Announcement | null }) {
  return (
    <div aria-live="polite" aria-atomic="true" className="sr-only">
      {announcement ? <p key={announcement.seq}>{announcement.text}</p> : null}
    </div>
  );
}
