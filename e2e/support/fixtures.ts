import { test as base, expect, type APIRequestContext, type BrowserContext, type Page } from "@playwright/test";

import { EMPTY_STATE, users } from "./auth";
import { EmulatorControl } from "./emulator";

/**
 * `emulator`: a control client; the emulator is reset before each test so every spec starts
 * from the seeded data, a clock at its start and no faults.
 * `page` and `request` are signed in as the approver (the project's storage state);
 * `viewerPage` is signed in as a viewer, `anonContext` / `anonPage` as nobody.
 */
export const test = base.extend<{
  emulator: EmulatorControl;
  viewerContext: BrowserContext;
  viewerPage: Page;
  anonContext: BrowserContext;
  anonPage: Page;
}>({
  // Automatic: every test starts from the same upstream, whether or not it steers it.
  emulator: [
    async ({}, use) => {
      const control = await EmulatorControl.connect();
      await control.reset();
      await use(control);
      await control.clearFaults().catch(() => undefined);
      await control.dispose();
    },
    { auto: true },
  ],
  request: async ({ playwright, baseURL }, use) => {
    const request: APIRequestContext = await playwright.request.newContext({
      baseURL,
      storageState: users.approver.state,
    });
    await use(request);
    await request.dispose();
  },
  viewerContext: async ({ browser, contextOptions }, use) => {
    const context = await browser.newContext({ ...contextOptions, storageState: users.viewer.state });
    await use(context);
    await context.close();
  },
  viewerPage: async ({ viewerContext }, use) => {
    await use(await viewerContext.newPage());
  },
  anonContext: async ({ browser, contextOptions }, use) => {
    const context = await browser.newContext({ ...contextOptions, storageState: EMPTY_STATE });
    await use(context);
    await context.close();
  },
  anonPage: async ({ anonContext }, use) => {
    await use(await anonContext.newPage());
  },
});

export { expect };
