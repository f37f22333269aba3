import type { CertificateBundle } from "./cert";
import type { Clock } from "./clock";
import type { EmulatorCredentials } from "./credentials";
import type { FaultRegistry } from "./faults";
import type { BulkOptions, Dataset } from "./model";
import type { Stats } from "./stats";
import type { TokenStore } from "./tokens";

/** Everything a request handler may read or change. */
export interface EmulatorState {
  readonly testMode: boolean;
  /** The listening URL, e.g. https://127.0.0.1:8443. */
  readonly url: string;
  readonly credentials: EmulatorCredentials;
  readonly certs: CertificateBundle;
  readonly clock: Clock;
  readonly faults: FaultRegistry;
  readonly stats: Stats;
  readonly tokens: TokenStore;
  /** Seed and bulk options the emulator started with (POST /_emulator/reset falls back to them). */
  readonly initialSeed: number;
  readonly initialBulk: BulkOptions | null;
  data: Dataset;
  tokenLifetimeSeconds: number;
}
