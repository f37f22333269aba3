import "server-only";

import { z } from "zod";

import { listOf, num, text } from "../upstream/wire-helpers";

/**
 * The Cloud Partner Portal's wire format, parsed tolerantly: enums stay raw strings (the
 * vocabulary parses them), missing arrays become empty, unknown fields are dropped, and the
 * two spellings of the progress field are both accepted. What cannot be read at all (not an
 * object, no id) fails the parse and becomes a 502 `upstream_contract`.
 */

export const wireMessageSchema = z.object({
  messageHtml: text,
  level: text,
  timestamp: text,
});
export type WireMessage = z.infer<typeof wireMessageSchema>;

export const wireStepSchema = z.object({
  id: text,
  stepName: text,
  description: text,
  status: text,
  estimatedTimeFrame: text,
  progressPercentage: num,
  // The status doc's property table spells it this way; every example uses progressPercentage.
  processPercentage: num,
  messages: listOf(wireMessageSchema),
});
export type WireStep = z.infer<typeof wireStepSchema>;

/** Links are undocumented ("not currently implemented"): accept a string or an object. */
export const wireLinkSchema = z.union([
  z.string(),
  z.looseObject({}).transform((o) => {
    const get = (...keys: string[]) => {
      for (const k of keys) {
        const v = o[k];
        if (typeof v === "string") return v;
      }
      return null;
    };
    return { text: get("displayText", "DisplayText", "text", "name"), url: get("uri", "URI", "url", "Uri", "href") };
  }),
]);
export type WireLink = z.infer<typeof wireLinkSchema>;

export const wireOfferStatusSchema = z.object({
  status: text,
  messages: listOf(wireMessageSchema),
  steps: listOf(wireStepSchema),
  previewLinks: listOf(wireLinkSchema),
  liveLinks: listOf(wireLinkSchema),
});
export type WireOfferStatus = z.infer<typeof wireOfferStatusSchema>;

const definitionSummary = z
  .object({ displayText: text })
  .nullish()
  .transform((d) => d ?? { displayText: null });

export const wireOfferSummarySchema = z.object({
  id: z.string().min(1),
  publisherId: text,
  offerTypeId: text,
  status: text,
  version: num,
  definition: definitionSummary,
  changedTime: text,
});
export type WireOfferSummary = z.infer<typeof wireOfferSummarySchema>;
export const wireOfferListSchema = z.array(wireOfferSummarySchema);

export const wireOfferSchema = wireOfferSummarySchema.extend({
  definition: z
    .object({
      displayText: text,
      offer: z.record(z.string(), z.unknown()).nullish(),
      plans: listOf(z.record(z.string(), z.unknown())),
    })
    .nullish()
    .transform((d) => d ?? { displayText: null, offer: null, plans: [] }),
});
export type WireOffer = z.infer<typeof wireOfferSchema>;

export const wirePublisherSchema = z.object({
  id: z.string().min(1),
  definition: definitionSummary,
});
export const wirePublisherListSchema = z.array(wirePublisherSchema);
export type WirePublisher = z.infer<typeof wirePublisherSchema>;

/** The upstream's error body, when it sends the documented one. */
export const wireErrorSchema = z.object({
  error: z.object({ code: text, message: text }),
});
