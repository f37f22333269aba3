import "server-only";

import { z } from "zod";

import { listOf, text } from "../upstream/wire-helpers";

/**
 * Partner Center's Product Ingestion API wire format (`$version=2022-03-01-preview2`), parsed
 * tolerantly: enums stay raw strings (normalize parses them), unknown fields are dropped,
 * missing arrays become empty, and a configure status's id is read as `jobId` or `jobID`.
 * What cannot be read at all (no id, not an object) fails and becomes a 502 `upstream_contract`.
 */

/** A list page: `value[]` and, when there is more, an absolute `@nextLink`. */
export const wirePage = <T extends z.ZodType>(item: T) => z.object({ value: z.array(item), "@nextLink": text });

export const wireProductSchema = z.object({
  id: z.string().regex(/^product\/[^/]+$/i, "a product id is product/<guid>"),
  identity: z
    .object({ externalId: text })
    .nullish()
    .transform((i) => i ?? { externalId: null }),
  type: text,
  alias: text,
});
export type WireProduct = z.infer<typeof wireProductSchema>;
export const wireProductPageSchema = wirePage(wireProductSchema);

export const wireSubmissionSchema = z.object({
  id: z.string().min(1),
  target: z
    .object({ targetType: text })
    .nullish()
    .transform((t) => t ?? { targetType: null }),
  status: text,
  result: text,
  created: text,
  lifecycleState: text,
});
export type WireSubmission = z.infer<typeof wireSubmissionSchema>;
export const wireSubmissionPageSchema = wirePage(wireSubmissionSchema);

export const wireJobErrorSchema = z.object({ code: text, message: text, resourceId: text });

export const wireJobSchema = z
  .object({
    jobId: text,
    // Some samples spell it this way.
    jobID: text,
    jobStatus: text,
    jobResult: text,
    jobStart: text,
    jobEnd: text,
    errors: listOf(wireJobErrorSchema),
  })
  .transform(({ jobID, ...job }) => ({ ...job, jobId: job.jobId ?? jobID }))
  .refine((job) => job.jobId !== null && job.jobId.trim() !== "", { message: "a configure status has a jobId" })
  .transform((job) => ({ ...job, jobId: job.jobId ?? "" }));
export type WireJob = z.infer<typeof wireJobSchema>;

/** The resource tree: the product's resources of every kind (listing and plans are what we read). */
export const wireResourceTreeSchema = z.object({
  resources: listOf(z.record(z.string(), z.unknown())),
});
export type WireResourceTree = z.infer<typeof wireResourceTreeSchema>;

/** `{ error: { code, message, details: [{ code, message, resourceId }] } }`. */
export const wireErrorSchema = z.object({
  error: z.object({
    code: text,
    message: text,
    details: listOf(z.object({ code: text, message: text })).catch([]),
  }),
});
