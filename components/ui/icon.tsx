/**
 * A small set of status icons. Always decorative: the text beside them carries the meaning.
 * Only "spinner" moves, and only for what takes a moment (a refresh, a Go live request): a
 * state that lasts hours, such as a publish in progress, has the still "progress" icon, so a
 * page of such offers neither moves for good (WCAG 2.2.2) nor redraws ten times a second.
 */
export type IconName =
  | "check"
  | "cross"
  | "clock"
  | "warning"
  | "info"
  | "dash"
  | "question"
  | "spinner"
  | "progress"
  | "pause"
  | "hand"
  | "ban"
  | "rocket"
  | "archive"
  | "refresh"
  | "globe"
  | "contrast"
  | "sliders"
  | "user"
  | "bell"
  | "eye";

const PATHS: Record<IconName, string> = {
  check: "M5 10.5l3.2 3.2L15 7",
  cross: "M6 6l8 8M14 6l-8 8",
  clock: "M10 5.5V10l3 2",
  warning: "M10 7v4M10 13.5v.5",
  info: "M10 9v5M10 6.5v.5",
  dash: "M6 10h8",
  question: "M8 8a2 2 0 1 1 3 1.7c-.7.4-1 .9-1 1.6M10 13.5v.5",
  spinner: "M10 4a6 6 0 1 1-6 6",
  progress: "M6.5 10h.01M10 10h.01M13.5 10h.01",
  pause: "M8 6.5v7M12 6.5v7",
  hand: "M7 11V6.5a1 1 0 0 1 2 0V10m0-4a1 1 0 0 1 2 0v4m0-3a1 1 0 0 1 2 0v5a4 4 0 0 1-4 4 4 4 0 0 1-3.5-2L5 12a1 1 0 0 1 1.7-1L7 11.5",
  ban: "M5.8 5.8l8.4 8.4",
  rocket: "M10 3c3 2 4 5 3 9H7C6 8 7 5 10 3zM8 12l-2 3M12 12l2 3M10 8v.5",
  archive: "M4 6h12v2H4zM5 8v7h10V8M8.5 11h3",
  refresh: "M15 10a5 5 0 1 1-1.5-3.5M15 4v3h-3",
  globe: "M3 10h14M10 3c2 2 3 4.3 3 7s-1 5-3 7c-2-2-3-4.3-3-7s1-5 3-7z",
  contrast: "M10 3a7 7 0 0 1 0 14z",
  sliders: "M3 6h14M3 14h14M7 4v4M13 12v4",
  bell: "M10 3.5a4 4 0 0 0-4 4V11l-1.5 2.5h11L14 11V7.5a4 4 0 0 0-4-4zM8.5 15.5a1.5 1.5 0 0 0 3 0",
  eye: "M2.5 10s2.8-5 7.5-5 7.5 5 7.5 5-2.8 5-7.5 5-7.5-5-7.5-5zM10 12a2 2 0 1 0 0-4 2 2 0 0 0 0 4z",
  user: "M10 10.5a2.5 2.5 0 1 0 0-5 2.5 2.5 0 0 0 0 5zM5.2 15.3c.9-1.9 2.6-2.8 4.8-2.8s3.9.9 4.8 2.8",
};

/** Icons drawn inside a circle (status-like) versus free-standing. */
const CIRCLED: ReadonlySet<IconName> = new Set([
  "check",
  "cross",
  "clock",
  "info",
  "dash",
  "question",
  "progress",
  "pause",
  "ban",
  "globe",
  "contrast",
  "user",
]);

export function Icon({ name, className = "h-4 w-4" }: { name: IconName; className?: string }) {
  return (
    <svg
      viewBox="0 0 20 20"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.8}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
      className={`${className} shrink-0 ${name === "spinner" ? "motion-safe:animate-spin" : ""}`}
    >
      {CIRCLED.has(name) ? <circle cx="10" cy="10" r="7.5" /> : null}
      {name === "warning" ? <path d="M10 3.5l7 12.5H3z" /> : null}
      <path d={PATHS[name]} />
    </svg>
  );
}
