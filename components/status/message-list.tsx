import { useTranslations } from "next-intl";

import { MessageLevelLabel } from "@/components/ui/status-badges";
import { LocalTime } from "@/components/ui/local-time";
import type { Message } from "@/lib/schemas/model";
import type { MessageLevelValue } from "@/lib/schemas/vocabulary";

import { SafeMessageHtml } from "./safe-message-html";

const LEVEL_FRAME: Record<MessageLevelValue, string> = {
  information: "border-slate-300 bg-slate-50",
  warning: "border-amber-400 bg-amber-50",
  error: "border-red-500 bg-red-50",
  unknown: "border-purple-400 bg-purple-50",
};

// Links and lists inside upstream messages, styled from outside (the HTML carries no classes).
export const MESSAGE_PROSE =
  "mt-1 text-sm wrap-anywhere text-slate-800 [&_a]:font-medium [&_a]:text-brand-700 [&_a]:underline [&_a:hover]:text-brand-600 [&_code]:rounded [&_code]:bg-white/70 [&_code]:px-1 [&_code]:font-mono [&_code]:text-[0.8125rem] [&_li]:mt-0.5 [&_ol]:list-decimal [&_ol]:pl-5 [&_p+p]:mt-1 [&_ul]:list-disc [&_ul]:pl-5";

/** A step's (or the offer's) messages: level as icon + text, when, and the sanitized body. */
export function MessageList({ messages, idPrefix }: { messages: Message[]; idPrefix: string }) {
  const t = useTranslations("status.messages");
  if (messages.length === 0) return null;
  return (
    <ul className="space-y-2" aria-label={t("label")}>
      {messages.map((message, index) => (
        <li
          // Messages have no id upstream; position and time are stable within one status document.
          key={`${index}-${message.timestamp ?? ""}`}
          id={`${idPrefix}-message-${index + 1}`}
          data-testid="message"
          className={`rounded-md border-l-4 px-3 py-2 ${LEVEL_FRAME[message.level.value]}`}
        >
          <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
            <MessageLevelLabel level={message.level} />
            {message.timestamp ? (
              <LocalTime value={message.timestamp} relative className="text-xs text-slate-600" />
            ) : null}
          </div>
          <SafeMessageHtml message={message} className={MESSAGE_PROSE} />
        </li>
      ))}
    </ul>
  );
}
