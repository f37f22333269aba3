import { z } from "zod";

import { offerIdSchema, publisherIdSchema } from "./ids";

/** The Activity page's filters, as query parameters of /api/activity (and of the page). */
export const ACTIVITY_ACTIONS = ["golive", "cancel"] as const;
export const ACTIVITY_OUTCOMES = ["accepted", "refused", "failed", "unknown"] as const;

const isoDate = z
  .string()
  .trim()
  .refine((v) => !Number.isNaN(Date.parse(v)), "from/to must be dates, like 2026-11-29 or 2026-11-29T10:00:00Z")
  .transform((v) => new Date(v));

const DAY_ONLY = /^\d{4}-\d{2}-\d{2}$/;
/** A plain day as `to` means through the end of that day (UTC). */
const endOfDay = z
  .string()
  .trim()
  .refine((v) => !Number.isNaN(Date.parse(v)), "from/to must be dates, like 2026-11-29 or 2026-11-29T10:00:00Z")
  .transform((v) => new Date(Date.parse(v) + (DAY_ONLY.test(v) ? 86_400_000 - 1 : 0)));

export const activityQuerySchema = z.object({
  publisherId: publisherIdSchema.optional(),
  offerId: offerIdSchema.optional(),
  user: z.string().trim().min(1).max(256).optional(),
  action: z.enum(ACTIVITY_ACTIONS, { error: "action must be golive or cancel" }).optional(),
  outcome: z.enum(ACTIVITY_OUTCOMES, { error: "outcome must be accepted, refused, failed or unknown" }).optional(),
  from: isoDate.optional(),
  to: endOfDay.optional(),
  format: z.enum(["json", "csv"], { error: "format must be json or csv" }).default("json"),
  limit: z.coerce.number().int().min(1).max(10_000).default(500),
});
export type ActivityQuery = z.infer<typeof activityQuerySchema>;

/** Reads the filters from a query string; empty values mean "any". */
export function parseActivityQuery(params: URLSearchParams) {
  const raw = Object.fromEntries([...params.entries()].filter(([, v]) => v.trim() !== ""));
  return activityQuerySchema.safeParse(raw);
}
