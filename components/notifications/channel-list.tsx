"use client";

import { useLocale, useTranslations } from "next-intl";

import { Icon } from "@/components/ui/icon";
import { formatExact } from "@/lib/format";
import type { Channel, ChannelState } from "@/lib/schemas/notifications";

import { useEventText } from "./use-event-text";

const VARIABLES: Record<Channel, string> = {
  webhook: "NOTIFY_WEBHOOK_URL",
  teams: "NOTIFY_TEAMS_WEBHOOK_URL",
  slack: "NOTIFY_SLACK_WEBHOOK_URL",
};

/** Each channel: configured or not (and which variable configures it), stopped and why. */
export function ChannelList({ channels }: { channels: ChannelState[] }) {
  const t = useTranslations("notifications.deliveries");
  const locale = useLocale();
  const eventText = useEventText();
  const none = channels.every((c) => !c.configured);
  return (
    <section
      aria-labelledby="channels-heading"
      className="rounded-lg border border-slate-200 bg-white p-3 shadow-sm sm:p-4"
    >
      <h2 id="channels-heading" className="text-lg font-semibold">
        {t("channelsHeading")}
      </h2>
      {none ? (
        <p className="mt-2 text-sm text-slate-700" data-testid="no-channel">
          {t("noChannel")}
        </p>
      ) : null}
      <ul className="mt-3 grid gap-2 sm:grid-cols-3" data-testid="channels">
        {channels.map((c) => (
          <li key={c.channel} data-channel={c.channel} className="rounded-md border border-slate-200 p-3 text-sm">
            <p className="font-medium text-slate-900">{t(`channels.${c.channel}`)}</p>
            <p className="mt-1 flex items-center gap-1.5 text-slate-700">
              <Icon name={c.stoppedAt ? "ban" : c.configured ? "check" : "dash"} />
              {c.stoppedAt
                ? c.stopReason
                  ? t("stopped", { at: formatExact(Date.parse(c.stoppedAt), locale), reason: c.stopReason })
                  : t("stoppedNoReason", { at: formatExact(Date.parse(c.stoppedAt), locale) })
                : c.configured
                  ? t("configured")
                  : t("notConfigured", { variable: VARIABLES[c.channel] })}
            </p>
            {c.configured && c.events.length > 0 ? (
              <p className="mt-1 text-xs text-slate-600">
                {t("takes", { events: c.events.map((e) => eventText.title(e)).join(", ") })}
              </p>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
