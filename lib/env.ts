/**
 * The server's configuration, read from the environment once and validated with zod.
 * Nothing here is ever sent to the browser; the polling intervals, which the browser needs,
 * are passed down by the root layout as plain numbers.
 *
 * Not marked `server-only`: instrumentation.ts validates it at start-up, outside React's
 * server condition.
 */
import { z } from "zod";

import { DEFAULT_NOTIFY_EVENTS, NOTIFICATION_EVENTS, type NotificationEventName } from "@/lib/schemas/notifications";

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const httpsUrl = (name: string) =>
  z
    .string()
    .trim()
    .refine((v) => URL.canParse(v), `${name} is not a URL`)
    .refine((v) => URL.canParse(v) && new URL(v).protocol === "https:", `${name} must be an https:// URL`)
    .transform((v) => v.replace(/\/+$/, ""));

/** An http(s) origin: scheme, host and port, nothing after. */
const originUrl = (name: string) =>
  z
    .string()
    .trim()
    .refine((v) => URL.canParse(v), `${name} is not a URL`)
    .refine(
      (v) => URL.canParse(v) && ["http:", "https:"].includes(new URL(v).protocol),
      `${name} must be an http:// or https:// URL`,
    )
    .refine((v) => {
      const url = URL.canParse(v) ? new URL(v) : null;
      return url !== null && url.pathname === "/" && !url.search && !url.hash && !url.username && !url.password;
    }, `${name} must be the dashboard's origin only, like https://dashboard.contoso.com (no path, query or user)`)
    .transform((v) => new URL(v).origin);

const LOOPBACK = new Set(["127.0.0.1", "localhost", "[::1]"]);

/**
 * A notification receiver's address: https://, or plain http:// to a loopback receiver only
 * (tests and local relays), so a notification never crosses a network in clear text.
 */
const receiverUrl = (name: string) =>
  z
    .string()
    .trim()
    .refine(
      (v) => URL.canParse(v) && ["http:", "https:"].includes(new URL(v).protocol),
      `${name} is not an http(s) URL`,
    )
    .refine((v) => {
      const url = URL.canParse(v) ? new URL(v) : null;
      return url === null || url.protocol === "https:" || LOOPBACK.has(url.hostname);
    }, `${name} must be an https:// URL (plain http:// only to 127.0.0.1 or localhost)`)
    .refine(
      (v) => !URL.canParse(v) || (!new URL(v).username && !new URL(v).password),
      `${name} must not carry a user or password`,
    );

const notifyEvents = z
  .string()
  .trim()
  .transform((v) => [
    ...new Set(
      v
        .split(",")
        .map((e) => e.trim())
        .filter(Boolean),
    ),
  ])
  .refine(
    (list) => list.every((e) => (NOTIFICATION_EVENTS as readonly string[]).includes(e)),
    `NOTIFY_EVENTS must be a comma-separated list of: ${NOTIFICATION_EVENTS.join(", ")}`,
  )
  .transform((list) => list as NotificationEventName[]);

const int = (name: string, min: number, max: number) =>
  z.coerce
    .number({ error: `${name} must be a whole number` })
    .int(`${name} must be a whole number`)
    .min(min, `${name} must be at least ${min}`)
    .max(max, `${name} must be at most ${max}`);

const bool = (name: string) =>
  z
    .enum(["true", "false", "1", "0", "on", "off"], { error: `${name} must be true or false` })
    .transform((v) => v === "true" || v === "1" || v === "on");

const envSchema = z
  .object({
    AZURE_TENANT_ID: z
      .string({ error: "AZURE_TENANT_ID is not set" })
      .trim()
      .regex(
        /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[a-z0-9][a-z0-9.-]*\.[a-z]{2,})$/i,
        "AZURE_TENANT_ID must be a directory (tenant) GUID or a verified domain such as contoso.onmicrosoft.com",
      ),
    AZURE_CLIENT_ID: z
      .string({ error: "AZURE_CLIENT_ID is not set" })
      .trim()
      .regex(GUID, "AZURE_CLIENT_ID must be the app registration's application (client) GUID"),
    AZURE_CLIENT_SECRET: z.string().optional(),
    AZURE_CLIENT_CERTIFICATE_PATH: z.string().trim().optional(),
    AZURE_AUTHORITY_HOST: httpsUrl("AZURE_AUTHORITY_HOST").default("https://login.microsoftonline.com"),
    CPP_API_BASE_URL: httpsUrl("CPP_API_BASE_URL").default("https://cloudpartner.azure.com"),
    CPP_API_VERSION: z
      .string()
      .trim()
      .regex(/^\d{4}-\d{2}-\d{2}(-preview)?$/, "CPP_API_VERSION must look like 2017-10-31")
      .default("2017-10-31"),
    CPP_SCOPE: z
      .string()
      .trim()
      .regex(/^\S+\/\.default$/, "CPP_SCOPE must be a resource's /.default scope")
      .default("https://cloudpartner.azure.com/.default"),
    // Which upstream this deployment reads: the Cloud Partner Portal, or Partner Center's
    // Product Ingestion API (Microsoft Graph). CPP_TIMEOUT_MS and the retry settings apply to both.
    UPSTREAM: z.enum(["cpp", "partner-center"], { error: "UPSTREAM must be cpp or partner-center" }).default("cpp"),
    PARTNER_CENTER_API_BASE_URL: httpsUrl("PARTNER_CENTER_API_BASE_URL").default(
      "https://graph.microsoft.com/rp/product-ingestion",
    ),
    PARTNER_CENTER_API_VERSION: z
      .string()
      .trim()
      .regex(/^\d{4}-\d{2}-\d{2}(-preview\d*)?$/, "PARTNER_CENTER_API_VERSION must look like 2022-03-01-preview2")
      .default("2022-03-01-preview2"),
    PARTNER_CENTER_SCOPE: z
      .string()
      .trim()
      .regex(/^\S+\/\.default$/, "PARTNER_CENTER_SCOPE must be a resource's /.default scope")
      .default("https://graph.microsoft.com/.default"),
    // The API names no seller: the one publisher of a Partner Center deployment takes these.
    PARTNER_CENTER_SELLER_ID: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9._-]{1,100}$/, "PARTNER_CENTER_SELLER_ID must be a plain identifier (letters, digits, . _ -)")
      .default("seller"),
    PARTNER_CENTER_SELLER_NAME: z
      .string()
      .trim()
      .max(200, "PARTNER_CENTER_SELLER_NAME must be at most 200 characters")
      .default("Partner Center seller"),
    CPP_TIMEOUT_MS: int("CPP_TIMEOUT_MS", 100, 120_000).default(10_000),
    CPP_MAX_RETRIES: int("CPP_MAX_RETRIES", 0, 5).default(2),
    CPP_MAX_RETRY_DELAY_MS: int("CPP_MAX_RETRY_DELAY_MS", 0, 60_000).default(3_000),
    TOKEN_TIMEOUT_MS: int("TOKEN_TIMEOUT_MS", 100, 120_000).default(10_000),
    CACHE_TTL_LIST_MS: int("CACHE_TTL_LIST_MS", 0, 3_600_000).default(10_000),
    CACHE_TTL_STATUS_MS: int("CACHE_TTL_STATUS_MS", 0, 3_600_000).default(5_000),
    CACHE_COALESCE: bool("CACHE_COALESCE").default(true),
    STATUS_FETCH_CONCURRENCY: int("STATUS_FETCH_CONCURRENCY", 1, 64).default(8),
    POLL_ACTIVE_MS: int("POLL_ACTIVE_MS", 250, 3_600_000).default(10_000),
    POLL_WAITING_MS: int("POLL_WAITING_MS", 250, 3_600_000).default(60_000),
    POLL_LIST_MS: int("POLL_LIST_MS", 250, 3_600_000).default(30_000),
    POLL_IDLE_MS: int("POLL_IDLE_MS", 250, 3_600_000).default(300_000),
    POLL_BURST_MS: int("POLL_BURST_MS", 250, 3_600_000).default(3_000),
    PORT: int("PORT", 1, 65_535).default(3000),
    APP_BASE_URL: originUrl("APP_BASE_URL").optional(),
    SESSION_SECRET: z
      .string({ error: "SESSION_SECRET is not set (at least 32 random characters, e.g. openssl rand -base64 48)" })
      .min(32, "SESSION_SECRET must be at least 32 characters long"),
    APPROVER_ROLE: z
      .string()
      .trim()
      .regex(
        /^[A-Za-z0-9._:-]{1,120}$/,
        "APPROVER_ROLE must be an app role value such as Approver (letters, digits, . _ : -)",
      )
      .default("Approver"),
    SESSION_MAX_AGE_SECONDS: int("SESSION_MAX_AGE_SECONDS", 60, 7 * 86_400).default(8 * 3600),
    DATABASE_URL: z
      .string()
      .trim()
      .refine((v) => URL.canParse(v), "DATABASE_URL is not a URL (postgres://user:password@host:5432/database)")
      .refine(
        (v) => URL.canParse(v) && ["postgres:", "postgresql:"].includes(new URL(v).protocol),
        "DATABASE_URL must be a postgres:// or postgresql:// URL",
      )
      .refine((v) => URL.canParse(v) && new URL(v).hostname !== "", "DATABASE_URL must name the database's host")
      .optional(),
    DATA_DIR: z.string().trim().default("./data"),
    DATA_RETENTION_DAYS: int("DATA_RETENTION_DAYS", 1, 36_500).default(180),
    // A visit to All offers goes on while the user comes back within this long (30 min).
    VISIT_GAP_MS: int("VISIT_GAP_MS", 1_000, 86_400_000).default(1_800_000),
    WATCH: bool("WATCH").default(true),
    WATCH_PUBLISHERS: z
      .string()
      .trim()
      .regex(
        /^(\*|[A-Za-z0-9._-]{1,100}(\s*,\s*[A-Za-z0-9._-]{1,100})*)$/,
        "WATCH_PUBLISHERS must be * or a comma-separated list of publisher ids",
      )
      .default("*"),
    WATCH_LIST_MS: int("WATCH_LIST_MS", 250, 86_400_000).default(30_000),
    WATCH_MIN_MS: int("WATCH_MIN_MS", 250, 86_400_000).default(10_000),
    WATCH_MAX_MS: int("WATCH_MAX_MS", 250, 86_400_000).default(600_000),
    WATCH_CONCURRENCY: int("WATCH_CONCURRENCY", 1, 64).default(4),
    WATCH_LEASE_MS: int("WATCH_LEASE_MS", 1_000, 600_000).default(30_000),
    NOTIFY_WEBHOOK_URL: receiverUrl("NOTIFY_WEBHOOK_URL").optional(),
    NOTIFY_WEBHOOK_SECRET: z.string().min(16, "NOTIFY_WEBHOOK_SECRET must be at least 16 characters long").optional(),
    NOTIFY_TEAMS_WEBHOOK_URL: receiverUrl("NOTIFY_TEAMS_WEBHOOK_URL").optional(),
    NOTIFY_SLACK_WEBHOOK_URL: receiverUrl("NOTIFY_SLACK_WEBHOOK_URL").optional(),
    NOTIFY_EVENTS: notifyEvents.default([...DEFAULT_NOTIFY_EVENTS]),
    NOTIFY_LOCALE: z.enum(["en", "zh-TW"], { error: "NOTIFY_LOCALE must be en or zh-TW" }).default("en"),
    NOTIFY_TIMEOUT_MS: int("NOTIFY_TIMEOUT_MS", 100, 120_000).default(10_000),
    NOTIFY_MAX_ATTEMPTS: int("NOTIFY_MAX_ATTEMPTS", 1, 100).default(10),
    NOTIFY_RETRY_MS: int("NOTIFY_RETRY_MS", 10, 3_600_000).default(5_000),
    NOTIFY_RETRY_MAX_MS: int("NOTIFY_RETRY_MAX_MS", 10, 86_400_000).default(900_000),
    NOTIFY_CONCURRENCY: int("NOTIFY_CONCURRENCY", 1, 32).default(4),
    // Set by `npm start` only when it runs the built-in emulator: every page then says "Demo data".
    DEMO_MODE: bool("DEMO_MODE").default(false),
  })
  .superRefine((env, ctx) => {
    if (env.WATCH_MIN_MS > env.WATCH_MAX_MS) {
      ctx.addIssue({
        code: "custom",
        path: ["WATCH_MIN_MS"],
        message: "WATCH_MIN_MS must not be larger than WATCH_MAX_MS",
      });
    }
    if (env.NOTIFY_WEBHOOK_SECRET && !env.NOTIFY_WEBHOOK_URL) {
      ctx.addIssue({
        code: "custom",
        path: ["NOTIFY_WEBHOOK_SECRET"],
        message: "NOTIFY_WEBHOOK_SECRET is set but NOTIFY_WEBHOOK_URL is not",
      });
    }
    if (env.NOTIFY_RETRY_MS > env.NOTIFY_RETRY_MAX_MS) {
      ctx.addIssue({
        code: "custom",
        path: ["NOTIFY_RETRY_MS"],
        message: "NOTIFY_RETRY_MS must not be larger than NOTIFY_RETRY_MAX_MS",
      });
    }
    const secret = env.AZURE_CLIENT_SECRET?.trim();
    if (!secret && !env.AZURE_CLIENT_CERTIFICATE_PATH) {
      ctx.addIssue({
        code: "custom",
        path: ["AZURE_CLIENT_SECRET"],
        message: "AZURE_CLIENT_SECRET is not set (or set AZURE_CLIENT_CERTIFICATE_PATH to use a certificate)",
      });
    }
  })
  // Sign-in redirects back to APP_BASE_URL; by default the address `npm start` prints.
  .transform((env) => ({ ...env, APP_BASE_URL: env.APP_BASE_URL ?? `http://localhost:${env.PORT}` }));

export type ServerEnv = z.infer<typeof envSchema>;

export class ConfigError extends Error {
  override readonly name = "ConfigError";
}

/** The token scope of the configured upstream, and the variable that sets it. */
export function upstreamScope(env: ServerEnv): { scope: string; variable: "CPP_SCOPE" | "PARTNER_CENTER_SCOPE" } {
  return env.UPSTREAM === "partner-center"
    ? { scope: env.PARTNER_CENTER_SCOPE, variable: "PARTNER_CENTER_SCOPE" }
    : { scope: env.CPP_SCOPE, variable: "CPP_SCOPE" };
}

/** Parses an environment; throws ConfigError whose message is one line naming the variable. */
export function parseEnv(source: Record<string, string | undefined>): ServerEnv {
  // An empty string means "not set": shells and .env files produce them easily.
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v.trim() !== ""));
  const result = envSchema.safeParse(cleaned);
  if (result.success) return result.data;
  // One line per mistake, each naming its variable.
  const lines = result.error.issues.map((issue) => {
    const name = String(issue.path[0] ?? "environment");
    return `Configuration error: ${issue.message.includes(name) ? issue.message : `${name}: ${issue.message}`}.`;
  });
  throw new ConfigError(`${lines.join("\n")} See the configuration table in README.md.`);
}

let cached: ServerEnv | undefined;

/** The validated environment of this process (parsed on first use). */
export function getEnv(): ServerEnv {
  cached ??= parseEnv(process.env);
  return cached;
}

/** The polling intervals the browser uses; not secret, passed down by the root layout. */
export interface PollingConfig {
  activeMs: number;
  waitingMs: number;
  listMs: number;
  idleMs: number;
  burstMs: number;
}

export function getPollingConfig(env: ServerEnv = getEnv()): PollingConfig {
  return {
    activeMs: env.POLL_ACTIVE_MS,
    waitingMs: env.POLL_WAITING_MS,
    listMs: env.POLL_LIST_MS,
    idleMs: env.POLL_IDLE_MS,
    burstMs: env.POLL_BURST_MS,
  };
}
