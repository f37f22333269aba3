import "server-only";

import { z } from "zod";

/**
 * Tolerant zod pieces shared by the upstreams' wire schemas: a text field whatever its JSON
 * type (null when absent), a number from a number or a numeric string, and an array that may
 * be missing or null (then empty).
 */

export const text = z
  .unknown()
  .optional()
  .transform((v) => (typeof v === "string" ? v : typeof v === "number" || typeof v === "boolean" ? String(v) : null));

export const num = z
  .unknown()
  .optional()
  .transform((v) => {
    const n = typeof v === "number" ? v : typeof v === "string" && v.trim() !== "" ? Number(v) : Number.NaN;
    return Number.isFinite(n) ? n : null;
  });

export const listOf = <T extends z.ZodType>(item: T) =>
  z
    .array(item)
    .nullish()
    .transform((v) => v ?? []);
