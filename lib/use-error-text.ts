import { useTranslations } from "next-intl";
import { useCallback } from "react";

import { ApiError } from "@/lib/schemas/api-error";
import { CATALOGUES } from "@/messages";

type Code = keyof typeof CATALOGUES.en.common.errors.codes;

function isCode(code: string): code is Code {
  return Object.hasOwn(CATALOGUES.en.common.errors.codes, code);
}

/** Codes whose message is the upstream's own words (shown as they come, after ours). */
const UPSTREAM_WORDS: ReadonlySet<string> = new Set(["upstream_bad_request", "upstream_rejected", "not_found"]);

/**
 * The catalogue's sentence for an error, or null when the catalogue has none: the code's `_by`
 * wording when the server knows who did it (already_live_by …), and its `_partnerCenter`
 * wording when Partner Center, not the Cloud Partner Portal, is the upstream that failed.
 */
export function catalogueCode(error: ApiError): Code | null {
  const byCode = error.args?.by !== undefined ? `${error.code}_by` : null;
  const base = byCode !== null && isCode(byCode) ? byCode : error.code;
  const upstreamCode = error.args?.upstream === "partnerCenter" ? `${base}_partnerCenter` : null;
  const code = upstreamCode !== null && isCode(upstreamCode) ? upstreamCode : base;
  return isCode(code) ? code : null;
}

export interface ErrorText {
  /** Our sentence for the error's code, in the page's language. */
  summary: string;
  /** When to try again, if the server said. */
  retry: string | null;
  /** The upstream's own message, when the code passes it on. */
  upstream: string | null;
}

/**
 * Words for an error from our API (the `{ error: { code, message } }` envelope), in the
 * page's language: a sentence per code, plus the upstream's message where the code passes it
 * on. The server's English message is the fallback for a code the catalogue does not know.
 */
export function useErrorText(): (error: unknown) => ErrorText {
  const t = useTranslations("common.errors");
  return useCallback(
    (error: unknown) => {
      if (!(error instanceof ApiError)) return { summary: t("codes.unknown"), retry: null, upstream: null };
      const code = catalogueCode(error);
      const known = code !== null;
      const summary = known ? t(`codes.${code}`, { ...error.args, status: error.status }) : error.message;
      const retry =
        error.retryAfterSeconds !== undefined && error.retryAfterSeconds > 0
          ? t("retryIn", { seconds: Math.ceil(error.retryAfterSeconds) })
          : null;
      const upstream =
        known && UPSTREAM_WORDS.has(error.code) && error.message ? t("upstreamSaid", { message: error.message }) : null;
      return { summary, retry, upstream };
    },
    [t],
  );
}

/** The whole error as one line (for notices and badges). */
export function joinErrorText({ summary, retry, upstream }: ErrorText): string {
  return [summary, upstream, retry].filter(Boolean).join(" ");
}
