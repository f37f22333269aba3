import type { Message } from "@/lib/schemas/model";

/**
 * The only place the app renders HTML, and it takes a whole Message so nothing else can be
 * passed in. `message.html` was run through sanitize-html on the server with an allow-list
 * (lib/server/cpp/sanitize.ts): no scripts, frames, SVG, styles or event handlers, only
 * http(s) and mailto links, each opened in a new tab with rel="noopener noreferrer".
 */
export function SafeMessageHtml({ message, className }: { message: Message; className?: string }) {
  return <div className={className} data-testid="message-body" dangerouslySetInnerHTML={{ __html: message.html }} />;
}
