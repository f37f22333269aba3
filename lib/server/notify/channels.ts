import "server-only";

import { createHash, createHmac } from "node:crypto";

import { createTranslator } from "use-intl/core";

import type { Locale } from "@/i18n/locales";
import { CATALOGUES, type Messages } from "@/messages";
import { formatDuration } from "@/lib/format";
import type { Channel, NotificationEvent, WebhookPayload } from "@/lib/schemas/notifications";
import type { ServerEnv } from "@/lib/env";

/**
 * What each channel sends: the signed JSON webhook of DESIGN.md, a Teams Workflows message
 * with an Adaptive Card, a Slack incoming-webhook message with Block Kit. Pure builders over
 * one event; the words come from the `notify` catalogue in NOTIFY_LOCALE.
 */

export interface OutgoingRequest {
  body: string;
  headers: Record<string, string>;
}

export interface ChannelSender {
  channel: Channel;
  /** Where to POST. Never logged or shown: it is a secret in Teams and Slack. */
  url: string;
  /** The variable that configures it, for log lines ("change NOTIFY_TEAMS_WEBHOOK_URL"). */
  variable: string;
  build(event: NotificationEvent): OutgoingRequest;
}

const JSON_HEADERS = { "Content-Type": "application/json; charset=utf-8", "User-Agent": "offer-status-dashboard" };

export function statusUrl(appBaseUrl: string, event: Pick<NotificationEvent, "publisherId" | "offerId">): string {
  return `${appBaseUrl}/publishers/${encodeURIComponent(event.publisherId)}/offers/${encodeURIComponent(event.offerId)}/status`;
}

/** `sha256=<hex HMAC-SHA256 of the raw body>`, the value of X-Signature-256. */
export function signature(secret: string, body: string): string {
  return `sha256=${createHmac("sha256", secret).update(body, "utf8").digest("hex")}`;
}

export function webhookPayload(event: NotificationEvent, appBaseUrl: string): WebhookPayload {
  return {
    id: event.id,
    event: event.event,
    occurredAt: event.occurredAt,
    publisherId: event.publisherId,
    offerId: event.offerId,
    offerName: event.offerName,
    indicator: event.indicator,
    previousIndicator: event.previousIndicator,
    step: event.step,
    url: statusUrl(appBaseUrl, event),
  };
}

/** The event in words: a title and the facts every channel shows. */
export interface EventText {
  title: string;
  facts: { title: string; value: string }[];
  /** A new error's text, when the event is one. */
  note: string | null;
  open: string;
  footer: string;
  url: string;
}

export function eventText(event: NotificationEvent, locale: Locale, appBaseUrl: string): EventText {
  const messages = CATALOGUES[locale] as Messages;
  const t = createTranslator({ locale, messages, namespace: "notify" });
  const words = createTranslator({ locale, messages, namespace: "vocabulary" });
  const stepName = event.step?.name ?? "";
  const facts: EventText["facts"] = [];
  if (event.indicator && event.indicator !== "unknown") {
    facts.push({ title: t("fact.status"), value: words(`indicator.${event.indicator}`) });
  }
  if (event.step) facts.push({ title: t("fact.step"), value: stepName });
  facts.push({ title: t("fact.publisher"), value: event.publisherId });
  if (event.detail.errors !== undefined && event.detail.errors > 0) {
    facts.push({ title: t("fact.errors"), value: String(event.detail.errors) });
  }
  if (event.event === "overdue" && event.detail.estimate) {
    facts.push({ title: t("fact.estimate"), value: event.detail.estimate });
    if (event.detail.runningMs !== undefined) {
      facts.push({ title: t("fact.running"), value: formatDuration(event.detail.runningMs, locale) });
    }
  }
  return {
    title: t(`title.${event.event}`, { offer: event.offerName, step: stepName }),
    facts,
    note: event.event === "newError" ? (event.detail.text ?? null) : null,
    open: t("open"),
    footer: t("footer", { time: new Date(event.occurredAt).toISOString().replace("T", " ").slice(0, 16) + " UTC" }),
    url: statusUrl(appBaseUrl, event),
  };
}

/** A Teams Workflows "post to a channel when a webhook request is received" message. */
export function teamsMessage(text: EventText): unknown {
  return {
    type: "message",
    attachments: [
      {
        contentType: "application/vnd.microsoft.card.adaptive",
        contentUrl: null,
        content: {
          $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
          type: "AdaptiveCard",
          version: "1.4",
          body: [
            { type: "TextBlock", text: text.title, weight: "Bolder", size: "Medium", wrap: true },
            { type: "FactSet", facts: text.facts },
            ...(text.note ? [{ type: "TextBlock", text: text.note, wrap: true, color: "Attention" }] : []),
            { type: "TextBlock", text: text.footer, isSubtle: true, size: "Small", wrap: true },
          ],
          actions: [{ type: "Action.OpenUrl", title: text.open, url: text.url }],
        },
      },
    ],
  };
}

/** Slack's mrkdwn treats &, < and > as markup: they are escaped in any text we did not write. */
const escapeSlack = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const clip = (s: string, max: number) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

/** A Slack incoming-webhook message: header, facts, the error, a button, a context line. */
export function slackMessage(text: EventText): unknown {
  return {
    text: clip(text.title, 3000),
    blocks: [
      { type: "header", text: { type: "plain_text", text: clip(text.title, 150), emoji: false } },
      {
        type: "section",
        fields: text.facts
          .slice(0, 10)
          .map((f) => ({ type: "mrkdwn", text: clip(`*${escapeSlack(f.title)}*\n${escapeSlack(f.value)}`, 2000) })),
      },
      ...(text.note ? [{ type: "section", text: { type: "mrkdwn", text: clip(escapeSlack(text.note), 3000) } }] : []),
      {
        type: "actions",
        elements: [
          {
            type: "button",
            text: { type: "plain_text", text: clip(text.open, 75) },
            url: text.url,
            action_id: "open-status",
          },
        ],
      },
      { type: "context", elements: [{ type: "mrkdwn", text: escapeSlack(text.footer) }] },
    ],
  };
}

/** A hash of a channel's address and secret: tells "the configuration changed" without storing it. */
export const configHash = (...parts: (string | undefined)[]) =>
  createHash("sha256")
    .update(parts.map((p) => p ?? "").join("\u0000"))
    .digest("hex");

/** The channels this environment configures, each ready to build its requests. */
export function configuredChannels(env: ServerEnv): (ChannelSender & { configHash: string })[] {
  const locale = env.NOTIFY_LOCALE;
  const base = env.APP_BASE_URL;
  const senders: (ChannelSender & { configHash: string })[] = [];
  if (env.NOTIFY_WEBHOOK_URL) {
    const secret = env.NOTIFY_WEBHOOK_SECRET;
    senders.push({
      channel: "webhook",
      url: env.NOTIFY_WEBHOOK_URL,
      variable: "NOTIFY_WEBHOOK_URL",
      configHash: configHash(env.NOTIFY_WEBHOOK_URL, secret),
      build: (event) => {
        const body = JSON.stringify(webhookPayload(event, base));
        return {
          body,
          headers: {
            ...JSON_HEADERS,
            "X-Event-Id": event.id,
            "X-Event": event.event,
            ...(secret ? { "X-Signature-256": signature(secret, body) } : {}),
          },
        };
      },
    });
  }
  // Teams and Slack: a card or blocks in words, posted to an address that is itself the secret.
  const chat = [
    {
      channel: "teams",
      variable: "NOTIFY_TEAMS_WEBHOOK_URL",
      url: env.NOTIFY_TEAMS_WEBHOOK_URL,
      message: teamsMessage,
    },
    {
      channel: "slack",
      variable: "NOTIFY_SLACK_WEBHOOK_URL",
      url: env.NOTIFY_SLACK_WEBHOOK_URL,
      message: slackMessage,
    },
  ] as const;
  for (const { channel, variable, url, message } of chat) {
    if (!url) continue;
    senders.push({
      channel,
      url,
      variable,
      configHash: configHash(url),
      build: (event) => ({
        body: JSON.stringify(message(eventText(event, locale, base))),
        headers: { ...JSON_HEADERS, "X-Event-Id": event.id },
      }),
    });
  }
  return senders;
}
