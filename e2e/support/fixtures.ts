import { test as base, expect } from "@playwright/test";

import { EmulatorControl } from "./emulator";

/**
 * `emulator`: a control client; the emulator is reset before each test so every spec starts
 * from the seeded data, a clock at its start and no faults.
 */
export const test = base.extend<{ emulator: EmulatorControl }>({
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
});

export { expect };
