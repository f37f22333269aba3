import { describe, expect, it } from "vitest";

import { ConfigError, parseEnv, upstreamScope } from "./env";

const valid = {
  AZURE_TENANT_ID: "72f988bf-86f1-41af-91ab-2d7cd011db47",
  AZURE_CLIENT_ID: "11111111-2222-4333-8444-555555555555",
  AZURE_CLIENT_SECRET: "s3cret",
  SESSION_SECRET: "a-session-secret-of-at-least-32-characters",
};

function errorOf(env: Record<string, string | undefined>): string {
  try {
    parseEnv(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error("expected a ConfigError");
}

describe("configuration", () => {
  it("applies the documented defaults", () => {
    const env = parseEnv(valid);
    expect(env.AZURE_AUTHORITY_HOST).toBe("https://login.microsoftonline.com");
    expect(env.CPP_API_BASE_URL).toBe("https://cloudpartner.azure.com");
    expect(env.CPP_API_VERSION).toBe("2017-10-31");
    expect(env.CPP_SCOPE).toBe("https://cloudpartner.azure.com/.default");
    expect(env.APP_BASE_URL).toBe("http://localhost:3000");
    expect(env.APPROVER_ROLE).toBe("Approver");
    expect(env.SESSION_MAX_AGE_SECONDS).toBe(8 * 3600);
    expect(parseEnv({ ...valid, PORT: "8080" }).APP_BASE_URL).toBe("http://localhost:8080");
  });

  it("reads the Cloud Partner Portal unless UPSTREAM names Partner Center, with that upstream's scope", () => {
    const cpp = parseEnv(valid);
    expect(cpp.UPSTREAM).toBe("cpp");
    expect(upstreamScope(cpp)).toEqual({ scope: "https://cloudpartner.azure.com/.default", variable: "CPP_SCOPE" });
    const pc = parseEnv({ ...valid, UPSTREAM: "partner-center" });
    expect(pc.PARTNER_CENTER_API_BASE_URL).toBe("https://graph.microsoft.com/rp/product-ingestion");
    expect(pc.PARTNER_CENTER_API_VERSION).toBe("2022-03-01-preview2");
    expect(pc.PARTNER_CENTER_SELLER_ID).toBe("seller");
    expect(upstreamScope(pc)).toEqual({
      scope: "https://graph.microsoft.com/.default",
      variable: "PARTNER_CENTER_SCOPE",
    });
    expect(errorOf({ ...valid, UPSTREAM: "graph" })).toContain("UPSTREAM must be cpp or partner-center");
    expect(errorOf({ ...valid, PARTNER_CENTER_API_VERSION: "latest" })).toContain("PARTNER_CENTER_API_VERSION");
    expect(errorOf({ ...valid, PARTNER_CENTER_SELLER_ID: "a b" })).toContain("PARTNER_CENTER_SELLER_ID");
    expect(errorOf({ ...valid, PARTNER_CENTER_API_BASE_URL: "http://graph.microsoft.com" })).toContain(
      "PARTNER_CENTER_API_BASE_URL",
    );
  });

  it("names the missing variable in one line", () => {
    const message = errorOf({ ...valid, AZURE_TENANT_ID: undefined });
    expect(message).toContain("AZURE_TENANT_ID");
    expect(message.split("\n")).toHaveLength(1);
    expect(errorOf({ ...valid, AZURE_CLIENT_ID: "" })).toContain("AZURE_CLIENT_ID");
    expect(errorOf({ ...valid, AZURE_CLIENT_SECRET: " " })).toContain("AZURE_CLIENT_SECRET");
  });

  it("names a malformed variable", () => {
    expect(errorOf({ ...valid, AZURE_CLIENT_ID: "not-a-guid" })).toContain("AZURE_CLIENT_ID");
    expect(errorOf({ ...valid, CPP_API_BASE_URL: "http://cloudpartner.azure.com" })).toContain("CPP_API_BASE_URL");
    expect(errorOf({ ...valid, AZURE_AUTHORITY_HOST: "not a url" })).toContain("AZURE_AUTHORITY_HOST");
    expect(errorOf({ ...valid, CACHE_TTL_STATUS_MS: "soon" })).toContain("CACHE_TTL_STATUS_MS");
    expect(errorOf({ ...valid, CACHE_COALESCE: "maybe" })).toContain("CACHE_COALESCE");
  });

  it("validates the sign-in variables", () => {
    expect(errorOf({ ...valid, SESSION_SECRET: undefined })).toContain("SESSION_SECRET is not set");
    expect(errorOf({ ...valid, SESSION_SECRET: "short" })).toContain("SESSION_SECRET must be at least 32");
    expect(errorOf({ ...valid, APP_BASE_URL: "ftp://dashboard.contoso.com" })).toContain("APP_BASE_URL");
    expect(errorOf({ ...valid, APP_BASE_URL: "https://dashboard.contoso.com/app" })).toContain("APP_BASE_URL");
    expect(errorOf({ ...valid, APP_BASE_URL: "nope" })).toContain("APP_BASE_URL");
    expect(errorOf({ ...valid, APPROVER_ROLE: "two words" })).toContain("APPROVER_ROLE");
    expect(errorOf({ ...valid, SESSION_MAX_AGE_SECONDS: "forever" })).toContain("SESSION_MAX_AGE_SECONDS");
    const env = parseEnv({ ...valid, APP_BASE_URL: "https://Dashboard.Contoso.com/", APPROVER_ROLE: "Offers.Approve" });
    expect(env.APP_BASE_URL).toBe("https://dashboard.contoso.com");
    expect(env.APPROVER_ROLE).toBe("Offers.Approve");
  });

  it("accepts a certificate instead of a secret, and sovereign-cloud hosts", () => {
    const env = parseEnv({
      ...valid,
      AZURE_CLIENT_SECRET: undefined,
      AZURE_CLIENT_CERTIFICATE_PATH: "/etc/dashboard/cert.pem",
      AZURE_AUTHORITY_HOST: "https://login.microsoftonline.us/",
    });
    expect(env.AZURE_CLIENT_CERTIFICATE_PATH).toBe("/etc/dashboard/cert.pem");
    expect(env.AZURE_AUTHORITY_HOST).toBe("https://login.microsoftonline.us");
  });

  it("stops at bad notification settings, one line per mistake", () => {
    const message = errorOf({
      ...valid,
      NOTIFY_WEBHOOK_URL: "http://hooks.example.com/dashboard",
      NOTIFY_TEAMS_WEBHOOK_URL: "not a url",
      NOTIFY_EVENTS: "failed,stuck",
    });
    const lines = message.split("\n");
    expect(lines).toHaveLength(3);
    expect(lines[0]).toContain(
      "NOTIFY_WEBHOOK_URL must be an https:// URL (plain http:// only to 127.0.0.1 or localhost)",
    );
    expect(lines[1]).toContain("NOTIFY_TEAMS_WEBHOOK_URL is not an http(s) URL");
    expect(lines[2]).toContain("NOTIFY_EVENTS must be a comma-separated list of:");
    expect(errorOf({ ...valid, NOTIFY_WEBHOOK_SECRET: "a-secret-without-its-url" })).toContain(
      "NOTIFY_WEBHOOK_SECRET is set but NOTIFY_WEBHOOK_URL is not",
    );
    expect(errorOf({ ...valid, NOTIFY_SLACK_WEBHOOK_URL: "https://user:pw@hooks.slack.com/x" })).toContain(
      "must not carry a user or password",
    );
  });

  it("takes https receivers, loopback http ones, and the default events", () => {
    const env = parseEnv({
      ...valid,
      NOTIFY_WEBHOOK_URL: "http://127.0.0.1:9000/hook",
      NOTIFY_SLACK_WEBHOOK_URL: "https://hooks.slack.com/services/T0/B0/x",
    });
    expect(env.NOTIFY_EVENTS).toEqual(["awaitingSignoff", "failed", "live", "overdue"]);
    expect(env.NOTIFY_LOCALE).toBe("en");
    expect(parseEnv({ ...valid, NOTIFY_EVENTS: " live , failed,live" }).NOTIFY_EVENTS).toEqual(["live", "failed"]);
  });
});
