import { z } from "zod";

/**
 * The inbox's and the watches' side of our API (#17), shared by the route handlers (which
 * validate bodies with these schemas) and the browser.
 */

/** What a user watches: whole publishers, single offers, and the approvers' sign-off default. */
export interface Watches {
  publishers: string[];
  offers: { publisherId: string; offerId: string }[];
  /** Whether this user takes every publisher's sign-off events (approvers only; on by default). */
  signoffEverywhere: boolean;
  /** Whether the default applies to this user at all (approvers). */
  approver: boolean;
}

const eventIdSchema = z.string().min(1, "An event id may not be empty.").max(200, "An event id is too long.");

/** POST /api/inbox/read: some events by id, or everything visible now. */
export const markReadBodySchema = z.union([
  z
    .object({ ids: z.array(eventIdSchema).min(1, "ids may not be empty.").max(500, "At most 500 ids at a time.") })
    .strict(),
  z.object({ all: z.literal(true) }).strict(),
]);
export type MarkReadBody = z.infer<typeof markReadBodySchema>;

/** PUT /api/watches/signoff */
export const signoffBodySchema = z.object({ on: z.boolean({ error: "on must be true or false." }) }).strict();

/** GET /api/deliveries?limit= */
export const deliveriesQuerySchema = z.object({
  limit: z.coerce
    .number()
    .int()
    .min(1, "limit must be at least 1.")
    .max(500, "limit must be at most 500.")
    .default(100),
});
