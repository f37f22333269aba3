/**
 * The benchmark's emulator, in a process of its own so that load generators and the
 * orchestrator do not steal its event loop. Test mode (control API), loopback only.
 * Prints one JSON line `{ event: "ready", … }` when listening; SIGTERM closes it.
 */
import { startEmulator, type BulkOptions } from "../../emulator/server";
import { readChildInput, writeChildResult } from "./child";

export interface EmulatorProcessInput {
  port: number;
  bulk: BulkOptions;
  tokenLifetimeSeconds: number;
}

const input = readChildInput<EmulatorProcessInput>();
const emulator = await startEmulator({
  host: "127.0.0.1",
  port: input.port,
  testMode: true,
  bulk: input.bulk,
  tokenLifetimeSeconds: input.tokenLifetimeSeconds,
});

writeChildResult({
  event: "ready",
  url: emulator.url,
  port: emulator.port,
  caFile: emulator.caFile,
  credentials: {
    tenantId: emulator.credentials.tenantId,
    clientId: emulator.credentials.clientId,
    clientSecret: emulator.credentials.clientSecret,
  },
});

const stop = () => void emulator.close().finally(() => process.exit(0));
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
