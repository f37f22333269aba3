import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";

import { E2E_SESSION_SECRET } from "./support/auth";
import { expect, test } from "./support/fixtures";
import { REAL_CONFIG_APP_PORT } from "./support/ports";

/**
 * Demo is never mistaken for production: on the built-in emulator (this run's dashboard,
 * started by the launcher) every page says "Demo data"; the same launcher with a real
 * configuration starts the dashboard alone, and no page says it.
 */

test("on the built-in emulator every page says Demo data", async ({ page, anonPage }) => {
  for (const path of [
    "/publishers/contoso/offers",
    "/publishers/contoso/approvals",
    "/publishers/contoso/offers/contoso-vm-certifying/status",
  ]) {
    await page.goto(path);
    const marker = page.getByRole("complementary", { name: "Demo data" });
    await expect(marker).toBeVisible();
    await expect(marker).toContainText("built-in emulator");
  }
  await anonPage.goto("/auth/signed-out");
  await expect(anonPage.getByRole("complementary", { name: "Demo data" })).toBeVisible();
});

test.describe("with a real configuration", () => {
  const port = REAL_CONFIG_APP_PORT;
  let child: ChildProcess | undefined;

  test.beforeAll(async () => {
    test.setTimeout(120_000);
    const root = path.resolve(import.meta.dirname, "..");
    // The launcher with AZURE_* set starts the dashboard alone, as against the real cloud.
    // Pages that need no upstream (the signed-out page) render without reaching it.
    child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
      cwd: root,
      stdio: "ignore",
      env: {
        NODE_ENV: "production",
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        PORT: String(port),
        AZURE_TENANT_ID: "contoso.onmicrosoft.com",
        AZURE_CLIENT_ID: "00000000-0000-4000-8000-000000000000",
        AZURE_CLIENT_SECRET: "not-a-real-secret",
        APP_BASE_URL: `http://127.0.0.1:${port}`,
        SESSION_SECRET: E2E_SESSION_SECRET,
        // Its own record, and no watcher knocking on the real cloud's door.
        DATA_DIR: mkdtempSync(path.join(os.tmpdir(), "dashboard-real-config-")),
        WATCH: "false",
        // Even if the shell carried the flag over, a real configuration never shows the marker.
        DEMO_MODE: "true",
      },
    });
    for (let i = 0; i < 200; i++) {
      const up = await fetch(`http://127.0.0.1:${port}/api/health`).then(
        (res) => res.ok,
        () => false,
      );
      if (up) return;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    throw new Error("the dashboard with a real configuration did not start");
  });

  test.afterAll(() => {
    child?.kill("SIGTERM");
  });

  test("no page says Demo data", async ({ anonPage }) => {
    await anonPage.goto(`http://127.0.0.1:${port}/auth/signed-out`);
    await expect(anonPage.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(anonPage.getByRole("complementary", { name: "Demo data" })).toHaveCount(0);
    await expect(anonPage.getByTestId("demo-marker")).toHaveCount(0);
  });
});
