import { existsSync } from "node:fs";

import { defineConfig, devices } from "@playwright/test";

import { E2E_SESSION_SECRET, users } from "./e2e/support/auth";
import {
  APP_PORT,
  APP_URL,
  EMULATOR_PORT,
  PC_APP_PORT,
  PC_EMULATOR_PORT,
  RECORDER_APP_PORT,
  RECORDER_EMULATOR_PORT,
} from "./e2e/support/ports";

// Never inherit a real tenant or store: the e2e suite runs against the emulator only.
const isolated = {
  AZURE_TENANT_ID: "",
  AZURE_CLIENT_ID: "",
  AZURE_CLIENT_SECRET: "",
  AZURE_CLIENT_CERTIFICATE_PATH: "",
  DATABASE_URL: "",
  DATA_DIR: "",
  SESSION_SECRET: E2E_SESSION_SECRET,
  POLL_ACTIVE_MS: "1000",
  POLL_WAITING_MS: "2000",
  POLL_LIST_MS: "1000",
  POLL_IDLE_MS: "2000",
  POLL_BURST_MS: "500",
  CACHE_TTL_LIST_MS: "300",
  CACHE_TTL_STATUS_MS: "300",
  CPP_MAX_RETRIES: "1",
  CPP_MAX_RETRY_DELAY_MS: "200",
};

const FAST_WATCHER = { WATCH: "true", WATCH_LIST_MS: "1000", WATCH_MIN_MS: "500", WATCH_MAX_MS: "2000" };

/** One stack the launcher starts (emulator in test mode + dashboard) on its own ports and store. */
function stack(port: number, emulatorPort: number, env: Record<string, string>) {
  const url = `http://127.0.0.1:${port}`;
  return {
    command: "node --import tsx scripts/start.ts --test",
    url: `${url}/api/health`,
    reuseExistingServer: !process.env.CI,
    timeout: 240_000,
    stdout: "pipe" as const,
    stderr: "pipe" as const,
    env: { ...isolated, PORT: String(port), EMULATOR_PORT: String(emulatorPort), APP_BASE_URL: url, ...env },
  };
}

/**
 * End-to-end tests drive a real Chromium against the built app and the emulator (real
 * HTTPS, real MSAL). The launcher starts both; the emulator runs in test mode so specs can
 * move its clock and inject faults through its control API. The setup project signs the demo
 * users in through the emulator's sign-in page once; every test's page is the approver's.
 */

// Playwright cannot download its own browser here: use Debian's Chromium when present.
const SYSTEM_CHROMIUM = "/usr/bin/chromium";
const executablePath = process.env.CHROMIUM_PATH ?? (existsSync(SYSTEM_CHROMIUM) ? SYSTEM_CHROMIUM : undefined);

export default defineConfig({
  testDir: "./e2e",
  // Specs share one emulator (its clock and faults): run them one at a time.
  fullyParallel: false,
  workers: 1,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL: APP_URL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      ...(executablePath ? { executablePath } : {}),
      args: [
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  projects: [
    { name: "setup", testMatch: /auth\.setup\.ts/, use: { ...devices["Desktop Chrome"] } },
    {
      name: "chromium",
      dependencies: ["setup"],
      // The docs' screenshots are made on demand (`npm run docs:screenshots`), not by every test run.
      ...(process.env.SCREENSHOTS ? { grep: /@screenshots/ } : { grepInvert: /@screenshots/ }),
      use: {
        ...devices["Desktop Chrome"],
        viewport: { width: 1280, height: 800 },
        storageState: users.approver.state,
      },
    },
  ],
  webServer: [
    // The specs' stack: every read live from the emulator (which they steer: clock, faults,
    // resets) and recorded; the watcher is off here, so what they see is what they caused.
    stack(APP_PORT, EMULATOR_PORT, { WATCH: "false" }),
    // The recorder's stack (e2e/recorder.spec.ts): the watcher on, as in production, fast.
    stack(RECORDER_APP_PORT, RECORDER_EMULATOR_PORT, {
      ...FAST_WATCHER,
      VISIT_GAP_MS: "12000",
      // Pages poll rarely here: what reaches them quickly came by /api/events.
      POLL_ACTIVE_MS: "600000",
      POLL_WAITING_MS: "600000",
      POLL_LIST_MS: "600000",
      POLL_IDLE_MS: "600000",
      POLL_BURST_MS: "600000",
    }),
    // Partner Center's stack (e2e/partner-center.spec.ts): the same dashboard on the Product
    // Ingestion API the emulator also plays, the watcher on so stages get observed times.
    stack(PC_APP_PORT, PC_EMULATOR_PORT, { ...FAST_WATCHER, UPSTREAM: "partner-center" }),
  ],
});
