import { describe, expect, it } from "vitest";

import { parseEnv } from "@/lib/env";

import { sessionEnv } from "./session-env";

describe("the launcher's sign-in variables", () => {
  it("generates a valid random SESSION_SECRET per start and defaults APP_BASE_URL to the printed address", () => {
    const a = sessionEnv({}, 3000);
    const b = sessionEnv({}, 3000);
    expect(a.generatedSecret).toBe(true);
    expect(a.vars.SESSION_SECRET).not.toBe(b.vars.SESSION_SECRET);
    expect(a.vars.APP_BASE_URL).toBe("http://localhost:3000");
    const env = parseEnv({
      AZURE_TENANT_ID: "6f1c2d3e-4b5a-4c7d-9e8f-0a1b2c3d4e5f",
      AZURE_CLIENT_ID: "0d9e7c1a-3b2f-4e5d-8a6b-7c8d9e0f1a2b",
      AZURE_CLIENT_SECRET: "x",
      ...a.vars,
    });
    expect(env.SESSION_SECRET.length).toBeGreaterThanOrEqual(32);
  });

  it("keeps what the operator set", () => {
    const set = sessionEnv(
      { SESSION_SECRET: "operator-secret-of-at-least-32-characters", APP_BASE_URL: "https://dash.contoso.com" },
      3000,
    );
    expect(set.generatedSecret).toBe(false);
    expect(set.vars).toEqual({
      SESSION_SECRET: "operator-secret-of-at-least-32-characters",
      APP_BASE_URL: "https://dash.contoso.com",
    });
  });
});
