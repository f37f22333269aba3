import type { CertificateBundle } from "./cert";
import type { Clock } from "./clock";
import type { EmulatorCredentials } from "./credentials";
import type { FaultRegistry } from "./faults";
import type { BulkOptions, Dataset } from "./model";
import type { PcDataset } from "./partner-center-model";
import type { SignInStore } from "./signin-store";
import type { SigningKey } from "./signing-key";
import type { Stats } from "./stats";
import type { TokenStore } from "./tokens";

/** Everything a request handler may read or change. */
export interface EmulatorState {
  readonly testMode: boolean;
  /** The listening URL, e.g. https://127.0.0.1:8443. */
  readonly url: string;
  /** The plain-HTTP loopback listener of the browser-facing pages, when on, e.g. http://127.0.0.1:8080. */
  readonly browserUrl: string | null;
  /** Redirect URIs accepted besides any loopback http(s) URL. */
  readonly redirectUris: readonly string[];
  readonly credentials: EmulatorCredentials;
  readonly certs: CertificateBundle;
  readonly clock: Clock;
  readonly faults: FaultRegistry;
  readonly stats: Stats;
  readonly tokens: TokenStore;
  /** Pending sign-ins and authorization codes (cleared by a reset). */
  readonly signIn: SignInStore;
  /** The ID token signing key (kept across resets). */
  readonly signingKey: SigningKey;
  /** Seed and bulk options the emulator started with (POST /_emulator/reset falls back to them). */
  readonly initialSeed: number;
  readonly initialBulk: BulkOptions | null;
  data: Dataset;
  /** Partner Center's products, submissions and configure jobs (the Product Ingestion API). */
  partnerCenter: PcDataset;
  tokenLifetimeSeconds: number;
}
