/** Fixed loopback ports of the e2e run (not the demo's 3000), overridable for parallel checkouts. */
export const APP_PORT = Number(process.env.E2E_APP_PORT ?? 3100);
export const EMULATOR_PORT = Number(process.env.E2E_EMULATOR_PORT ?? 44300);
export const APP_URL = `http://127.0.0.1:${APP_PORT}`;
export const EMULATOR_URL = `https://127.0.0.1:${EMULATOR_PORT}`;

/**
 * A second stack for the recorder's specs: the dashboard with its watcher on (as in
 * production), its own emulator that no other spec resets, and its own store.
 */
export const RECORDER_APP_PORT = APP_PORT + 1;
export const RECORDER_EMULATOR_PORT = EMULATOR_PORT + 1;
export const RECORDER_APP_URL = `http://127.0.0.1:${RECORDER_APP_PORT}`;
export const RECORDER_EMULATOR_URL = `https://127.0.0.1:${RECORDER_EMULATOR_PORT}`;

/** A dashboard a spec starts itself with a real (unreachable) configuration. */
export const REAL_CONFIG_APP_PORT = APP_PORT + 2;

/** e2e/instances.spec.ts starts its two dashboards on APP_PORT+3 and +4 (and names +5 its balancer). */

/** A third stack on Partner Center's Product Ingestion API (UPSTREAM=partner-center). */
export const PC_APP_PORT = APP_PORT + 6;
export const PC_EMULATOR_PORT = EMULATOR_PORT + 6;
export const PC_APP_URL = `http://127.0.0.1:${PC_APP_PORT}`;
export const PC_EMULATOR_URL = `https://127.0.0.1:${PC_EMULATOR_PORT}`;
