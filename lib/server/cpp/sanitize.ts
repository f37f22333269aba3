import "server-only";

import sanitizeHtml from "sanitize-html";

/**
 * `messageHtml` is HTML from a remote service. Keep basic markup and links (opened in a new
 * tab without an opener); drop scripts, event handlers, styles, frames, SVG and any URL
 * that is not http(s) or mailto.
 */
const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: ["a", "b", "strong", "i", "em", "u", "code", "pre", "br", "p", "ul", "ol", "li", "span", "div"],
  allowedAttributes: { a: ["href", "title", "target", "rel"] },
  allowedSchemes: ["http", "https", "mailto"],
  allowedSchemesAppliedToAttributes: ["href"],
  allowProtocolRelative: false,
  disallowedTagsMode: "discard",
  nonTextTags: [
    "script",
    "style",
    "textarea",
    "option",
    "noscript",
    "iframe",
    "object",
    "embed",
    "svg",
    "math",
    "template",
  ],
  transformTags: {
    // The scheme filter runs after this transform, so check it here too: a link whose URL is
    // not allowed becomes plain text rather than a dead anchor.
    a: (_tagName, attribs) =>
      attribs.href && /^(https?:|mailto:)/i.test(attribs.href.trim())
        ? {
            tagName: "a",
            attribs: {
              href: attribs.href.trim(),
              ...(attribs.title ? { title: attribs.title } : {}),
              target: "_blank",
              rel: "noopener noreferrer",
            },
          }
        : { tagName: "span", attribs: {} },
  },
};

export function sanitizeMessageHtml(html: string): string {
  return sanitizeHtml(html, OPTIONS).trim();
}

/** Block boundaries become spaces, so "<li>a</li><li>b</li>" reads "a b", not "ab". */
const BLOCK_BOUNDARY = /<\/?(?:br|p|div|li|ul|ol|pre|tr|td|th|h[1-6])\b[^>]*>/gi;

export function htmlToText(html: string): string {
  return sanitizeHtml(html.replace(BLOCK_BOUNDARY, " $&"), {
    allowedTags: [],
    allowedAttributes: {},
    nonTextTags: OPTIONS.nonTextTags,
  })
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, " ")
    .trim();
}
