import { readFileSync } from "node:fs";
import { mkdtemp } from "node:fs/promises";
import type { IncomingHttpHeaders } from "node:http";
import { Agent, request } from "node:https";
import { tmpdir } from "node:os";
import path from "node:path";
import { TEST_CLOCK_START_MS } from "./clock";
import { startEmulator, type EmulatorOptions, type RunningEmulator } from "./server";

/**
 * HTTPS client for the emulator's own tests (NODE_EXTRA_CA_CERTS cannot be set in-process,
 * so requests carry the CA explicitly). Not used by the app.
 */

export interface TestResponse {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly text: string;
  json<T = unknown>(): T;
}

export interface RequestOptions {
  readonly headers?: Record<string, string>;
  readonly body?: string;
  readonly agent?: Agent;
}

export const API_QUERY = "api-version=2017-10-31";
export const PC_QUERY = "$version=2022-03-01-preview2";

export class EmulatorClient {
  readonly emulator: RunningEmulator;
  readonly ca: string;
  readonly agent: Agent;
  private cachedToken: string | null = null;
  private cachedGraphToken: string | null = null;

  constructor(emulator: RunningEmulator) {
    this.emulator = emulator;
    this.ca = readFileSync(emulator.caFile, "utf8");
    this.agent = new Agent({ ca: this.ca, keepAlive: true, maxSockets: 64 });
  }

  request(method: string, pathAndQuery: string, options: RequestOptions = {}): Promise<TestResponse> {
    const url = new URL(this.emulator.url);
    return new Promise((resolve, reject) => {
      const req = request(
        {
          host: url.hostname,
          port: url.port,
          method,
          path: pathAndQuery,
          agent: options.agent ?? this.agent,
          headers: {
            ...(options.body === undefined ? {} : { "Content-Length": Buffer.byteLength(options.body) }),
            ...options.headers,
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (chunk: Buffer) => chunks.push(chunk));
          res.on("error", reject);
          res.on("end", () => {
            const text = Buffer.concat(chunks).toString("utf8");
            resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json: <T>() => JSON.parse(text) as T });
          });
        },
      );
      req.on("error", reject);
      req.end(options.body);
    });
  }

  tokenRequest(
    fields: Record<string, string>,
    tenant: string = this.emulator.credentials.tenantId,
  ): Promise<TestResponse> {
    return this.request("POST", `/${tenant}/oauth2/v2.0/token`, {
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(fields).toString(),
    });
  }

  async token(): Promise<string> {
    if (this.cachedToken !== null) return this.cachedToken;
    const { clientId, clientSecret, scope } = this.emulator.credentials;
    const res = await this.tokenRequest({
      grant_type: "client_credentials",
      client_id: clientId,
      client_secret: clientSecret,
      scope,
    });
    if (res.status !== 200) throw new Error(`token request failed: ${res.status} ${res.text}`);
    this.cachedToken = res.json<{ access_token: string }>().access_token;
    return this.cachedToken;
  }

  forgetToken(): void {
    this.cachedToken = null;
    this.cachedGraphToken = null;
  }

  /** A token for Microsoft Graph (the Product Ingestion API). */
  async graphToken(): Promise<string> {
    if (this.cachedGraphToken !== null) return this.cachedGraphToken;
    const { clientId, clientSecret, graphScope } = this.emulator.credentials;
    const res = await this.tokenRequest({
      grant_type: "client_credentials",
      client_id: clientId,
      client_secret: clientSecret,
      scope: graphScope,
    });
    if (res.status !== 200) throw new Error(`token request failed: ${res.status} ${res.text}`);
    this.cachedGraphToken = res.json<{ access_token: string }>().access_token;
    return this.cachedGraphToken;
  }

  /** A Product Ingestion call under /rp/product-ingestion/ with a Graph token and `$version`. */
  async pc(method: string, pathname: string, options: RequestOptions = {}): Promise<TestResponse> {
    const separator = pathname.includes("?") ? "&" : "?";
    const token = await this.graphToken();
    return this.request(method, `/rp/product-ingestion/${pathname}${separator}${PC_QUERY}`, {
      ...options,
      headers: { Authorization: `Bearer ${token}`, ...options.headers },
    });
  }

  /** A CPP call with a bearer token and the api-version query appended. */
  async api(method: string, pathname: string, options: RequestOptions = {}): Promise<TestResponse> {
    const separator = pathname.includes("?") ? "&" : "?";
    const token = await this.token();
    return this.request(method, `${pathname}${separator}${API_QUERY}`, {
      ...options,
      headers: { Authorization: `Bearer ${token}`, ...options.headers },
    });
  }

  control(method: string, pathname: string, body?: unknown): Promise<TestResponse> {
    return this.request(method, `/_emulator/${pathname}`, {
      ...(body === undefined ? {} : { body: JSON.stringify(body), headers: { "Content-Type": "application/json" } }),
    });
  }

  /** POST /_emulator/reset (also revokes tokens, so the cached one is dropped). */
  async reset(body: unknown = {}): Promise<void> {
    const res = await this.control("POST", "reset", body);
    if (res.status !== 200) throw new Error(`reset failed: ${res.status} ${res.text}`);
    this.cachedToken = null;
    this.cachedGraphToken = null;
  }

  async close(): Promise<void> {
    this.agent.destroy();
    await this.emulator.close();
  }
}

export async function makeCertDir(): Promise<string> {
  return mkdtemp(path.join(tmpdir(), "emulator-test-"));
}

/** Certificates shared by the test files (generated once, reused; the cert tests use fresh dirs). */
export const SHARED_TEST_CERT_DIR = path.join(tmpdir(), "offer-status-emulator-test-certs");

/** Starts a test-mode emulator on a random port with a temporary certificate directory. */
export async function startTestEmulator(options: EmulatorOptions = {}): Promise<EmulatorClient> {
  const certDir = options.certDir ?? SHARED_TEST_CERT_DIR;
  const emulator = await startEmulator({
    testMode: true,
    port: 0,
    clockStart: TEST_CLOCK_START_MS,
    ...options,
    certDir,
  });
  return new EmulatorClient(emulator);
}
