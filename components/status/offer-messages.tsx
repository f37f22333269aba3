import { useTranslations } from "next-intl";

import type { Message } from "@/lib/schemas/model";

import { MessageList } from "./message-list";

/** Messages about the offer as a whole (not tied to a step). */
export function OfferMessages({ messages }: { messages: Message[] }) {
  const t = useTranslations("status.messages");
  if (messages.length === 0) return null;
  return (
    <section id="offer-messages" aria-labelledby="offer-messages-heading" className="scroll-mt-6">
      <h2 id="offer-messages-heading" className="mb-2 text-base font-semibold text-slate-900">
        {t("offerHeading")}
      </h2>
      <MessageList messages={messages} idPrefix="offer" />
    </section>
  );
}
