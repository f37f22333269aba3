import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { createServer } from "node:https";
import type { AddressInfo, Server as NetServer } from "node:net";
import path from "node:path";
import { ensureCertificates } from "./cert";
import { createClock } from "./clock";
import { handleControl } from "./control";
import { handleApi } from "./cpp-api";
import { emulatorCredentials, type EmulatorCredentials } from "./credentials";
import { generateDataset } from "./data";
import { handleEntra } from "./entra";
import { handleBrowserEntra } from "./entra-signin";
import { FaultRegistry } from "./faults";
import { parseUrl, sendError } from "./http";
import { PC_PREFIX, handlePartnerCenter } from "./partner-center-api";
import { generatePartnerCenter } from "./partner-center-model";
import type { BulkOptions } from "./model";
import { SignInStore } from "./signin-store";
import { createSigningKey } from "./signing-key";
import type { EmulatorState } from "./state";
import { Stats } from "./stats";
import { TokenStore } from "./tokens";

export type { BulkOptions } from "./model";
export type { EmulatorCredentials } from "./credentials";

export interface EmulatorOptions {
  /** Interface to listen on; default "127.0.0.1". */
  host?: string;
  /** 0 picks a free port; default 0. */
  port?: number;
  /** Frozen clock and the /_emulator control API; default false. */
  testMode?: boolean;
  /** Seed of the generated data; default 42. */
  seed?: number;
  /** Where cert.pem, key.pem and client-cert.pem live; default "<repo>/.emulator". */
  certDir?: string;
  /** Access token lifetime; default 3600. */
  tokenLifetimeSeconds?: number;
  /** An extra large publisher for benchmarks. */
  bulk?: BulkOptions;
  /** One line per request on stderr; default false. */
  logRequests?: boolean;
  /** Test mode: the instant the frozen clock starts at (ISO or ms); default the real time of the start and of each reset. */
  clockStart?: string | number;
  /**
   * Also serve the pages a person's browser opens (sign-in, sign-out) over plain HTTP on this
   * loopback port (0 = random), and advertise them in the OpenID configuration, so a browser
   * never meets the self-signed certificate. Tokens stay on HTTPS. Default: off.
   */
  browserPort?: number;
  /** Redirect URIs accepted besides any loopback http(s) URL (exact match). */
  redirectUris?: readonly string[];
}

export interface RunningEmulator {
  /** e.g. "https://127.0.0.1:43123" (no trailing slash). */
  readonly url: string;
  readonly port: number;
  /** The plain-HTTP listener of the sign-in pages, e.g. "http://127.0.0.1:43124", or null when off. */
  readonly browserUrl: string | null;
  /** Absolute path of the PEM to put in NODE_EXTRA_CA_CERTS. */
  readonly caFile: string;
  readonly credentials: EmulatorCredentials;
  readonly testMode: boolean;
  close(): Promise<void>;
}

function defaultCertDir(): string {
  const here = import.meta.dirname as string | undefined;
  return here === undefined ? path.resolve(".emulator") : path.resolve(here, "..", ".emulator");
}

function formatHost(host: string): string {
  return host.includes(":") ? `[${host}]` : host;
}

const LOOPBACK = new Set(["127.0.0.1", "::1", "localhost"]);

/** The plain-HTTP listener serves the browser-facing pages only; everything else is 404. */
async function handleBrowser(state: EmulatorState, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = parseUrl(req.url ?? "/");
  if (url !== null && (await handleBrowserEntra(state, req, res, url))) return;
  sendError(res, 404, "NotFound", "The requested resource was not found.");
}

function listen(server: NetServer, port: number, host: string): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

async function handle(state: EmulatorState, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = parseUrl(req.url ?? "/");
  if (url === null) return sendError(res, 400, "BadRequest", "The request URL is malformed.");
  const first = url.segments[0];
  if (first === "_emulator") {
    if (state.testMode) return handleControl(state, req, res, url);
  } else if (first === "api") {
    return handleApi(state, req, res, url);
  } else if (first === PC_PREFIX[0] && url.segments[1] === PC_PREFIX[1]) {
    return handlePartnerCenter(state, req, res, url);
  } else if (await handleEntra(state, req, res, url)) {
    return;
  }
  sendError(res, 404, "NotFound", "The requested resource was not found.");
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const host = options.host ?? "127.0.0.1";
  const testMode = options.testMode ?? false;
  const seed = options.seed ?? 42;
  const bulk = options.bulk ?? null;
  const certs = await ensureCertificates(options.certDir ?? defaultCertDir());
  const fixedStart = options.clockStart === undefined ? undefined : new Date(options.clockStart).getTime();
  if (fixedStart !== undefined && Number.isNaN(fixedStart))
    throw new Error(`clockStart is not a date: ${String(options.clockStart)}`);
  const clock = createClock(testMode, fixedStart);
  // Large enough that over-long URLs reach our 400 envelope instead of a bare 431.
  const server = createServer({ key: certs.key, cert: certs.cert, maxHeaderSize: 64 * 1024 });
  server.keepAliveTimeout = 30_000;
  server.headersTimeout = 35_000;

  if (options.browserPort !== undefined && !LOOPBACK.has(host)) {
    throw new Error(`browserPort serves plain HTTP and is loopback-only; host ${host} is not a loopback address`);
  }
  const port = await listen(server, options.port ?? 0, host);
  const url = `https://${formatHost(host)}:${port}`;
  const browserServer = options.browserPort === undefined ? null : createHttpServer({ maxHeaderSize: 64 * 1024 });
  let browserUrl: string | null = null;
  if (browserServer !== null) {
    try {
      browserUrl = `http://${formatHost(host)}:${await listen(browserServer, options.browserPort ?? 0, host)}`;
    } catch (error) {
      server.close();
      throw error;
    }
  }
  const credentials: EmulatorCredentials = {
    ...emulatorCredentials,
    clientCertificatePath: certs.clientCertFile,
    clientCertificateThumbprintSha256: certs.clientThumbprintSha256,
  };
  const state: EmulatorState = {
    testMode,
    url,
    browserUrl,
    redirectUris: options.redirectUris ?? [],
    credentials,
    certs,
    clock,
    faults: new FaultRegistry(),
    stats: new Stats(),
    tokens: new TokenStore(),
    signIn: new SignInStore(),
    signingKey: createSigningKey(),
    initialSeed: seed,
    initialBulk: bulk,
    data: generateDataset(seed, clock.startMs(), bulk),
    partnerCenter: generatePartnerCenter(seed, clock.startMs()),
    tokenLifetimeSeconds: options.tokenLifetimeSeconds ?? 3600,
  };

  const serve =
    (handler: (state: EmulatorState, req: IncomingMessage, res: ServerResponse) => Promise<void>) =>
    (req: IncomingMessage, res: ServerResponse) => {
      const started = performance.now();
      if (options.logRequests === true) {
        res.on("close", () => {
          const ms = (performance.now() - started).toFixed(1);
          const status = res.headersSent ? res.statusCode : "reset";
          process.stderr.write(`${new Date().toISOString()} ${req.method ?? "?"} ${req.url ?? ""} ${status} ${ms}ms\n`);
        });
      }
      handler(state, req, res).catch((error: unknown) => {
        process.stderr.write(
          `emulator: request failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
        );
        if (res.headersSent) res.destroy();
        else sendError(res, 500, "InternalServerError", "The emulator failed to process the request.");
      });
    };
  server.on("request", serve(handle));
  browserServer?.on("request", serve(handleBrowser));

  let closing: Promise<void> | null = null;
  return {
    url,
    port,
    browserUrl,
    caFile: certs.certFile,
    credentials,
    testMode,
    close() {
      const closeOne = (s: Pick<Server, "close" | "closeAllConnections">) =>
        new Promise<void>((resolve) => {
          s.close(() => resolve());
          s.closeAllConnections();
        });
      closing ??= Promise.all([closeOne(server), ...(browserServer === null ? [] : [closeOne(browserServer)])]).then(
        () => undefined,
      );
      return closing;
    },
  };
}
