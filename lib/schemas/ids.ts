import { z } from "zod";

/**
 * A publisher or offer id as the URL contract allows it: a plain identifier of letters,
 * digits, `.`, `_` and `-`, starting with a letter or digit (so never `.` or `..`), at most
 * 100 characters. Anything else is answered 400 and never reaches the upstream.
 */
export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;
export const ID_MAX_LENGTH = 100;

export const idSchema = (what: string) =>
  z
    .string()
    .max(ID_MAX_LENGTH, `${what} is longer than ${ID_MAX_LENGTH} characters.`)
    .regex(ID_PATTERN, `${what} must be letters, digits, '.', '_' or '-' (starting with a letter or digit).`);

export const publisherIdSchema = idSchema("The publisher id");
export const offerIdSchema = idSchema("The offer id");

export function isValidId(value: string): boolean {
  return ID_PATTERN.test(value);
}
