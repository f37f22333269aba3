/** Fixed loopback ports of the e2e run (not the demo's 3000), overridable for parallel checkouts. */
export const APP_PORT = Number(process.env.E2E_APP_PORT ?? 3100);
export const EMULATOR_PORT = Number(process.env.E2E_EMULATOR_PORT ?? 44300);
export const APP_URL = `http://127.0.0.1:${APP_PORT}`;
export const EMULATOR_URL = `https://127.0.0.1:${EMULATOR_PORT}`;
