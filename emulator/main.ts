import { parseArgs } from "node:util";
import { startEmulator, type EmulatorOptions } from "./server";

/**
 * CLI: `tsx emulator/main.ts [--port N] [--host H] [--test-mode] [--seed N]
 * [--token-lifetime S] [--bulk-offers N --bulk-awaiting M [--bulk-publisher ID]] [--log-requests]
 * [--browser-port N|off]`.
 * Prints one JSON "ready" line on stdout, then a human hint.
 */

function fail(message: string): never {
  process.stderr.write(`emulator: ${message}\n`);
  process.exit(2);
}

function integer(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value === "") return fallback;
  if (!/^\d+$/.test(value)) fail(`${name} must be a non-negative integer, got '${value}'`);
  return Number(value);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: "string" },
      host: { type: "string" },
      "test-mode": { type: "boolean" },
      seed: { type: "string" },
      "token-lifetime": { type: "string" },
      "bulk-offers": { type: "string" },
      "bulk-awaiting": { type: "string" },
      "bulk-publisher": { type: "string" },
      "log-requests": { type: "boolean" },
      "cert-dir": { type: "string" },
      "browser-port": { type: "string" },
    },
    strict: true,
  });
  const env = process.env;
  const port = integer("--port", values.port ?? env.EMULATOR_PORT, 8443);
  if (port > 65_535) fail(`--port must be at most 65535, got ${port}`);
  const testMode = values["test-mode"] === true || env.EMULATOR_TEST_MODE === "1" || env.EMULATOR_TEST_MODE === "true";
  const bulkOffers = integer("--bulk-offers", values["bulk-offers"], 0);
  // The sign-in pages over plain HTTP on loopback (random port by default), so a browser
  // never meets the self-signed certificate; "off" serves them on HTTPS only.
  const browserPortText = values["browser-port"] ?? env.EMULATOR_BROWSER_PORT;
  const browserPort = browserPortText === "off" ? undefined : integer("--browser-port", browserPortText, 0);
  if (browserPort !== undefined && browserPort > 65_535)
    fail(`--browser-port must be at most 65535, got ${browserPort}`);
  const options: EmulatorOptions = {
    host: values.host ?? env.EMULATOR_HOST ?? "127.0.0.1",
    port,
    testMode,
    seed: integer("--seed", values.seed ?? env.EMULATOR_SEED, 42),
    tokenLifetimeSeconds: integer("--token-lifetime", values["token-lifetime"], 3600),
    logRequests: values["log-requests"] === true,
    ...(values["cert-dir"] === undefined ? {} : { certDir: values["cert-dir"] }),
    ...(browserPort === undefined ? {} : { browserPort }),
    ...(bulkOffers > 0
      ? {
          bulk: {
            publisherId: values["bulk-publisher"] ?? "bulk",
            offers: bulkOffers,
            awaitingSignoff: integer("--bulk-awaiting", values["bulk-awaiting"], 0),
          },
        }
      : {}),
  };

  const emulator = await startEmulator(options);
  const { tenantId, clientId, clientSecret } = emulator.credentials;
  process.stdout.write(
    `${JSON.stringify({ event: "ready", url: emulator.url, browserUrl: emulator.browserUrl, caFile: emulator.caFile, tenantId, clientId, clientSecret, testMode })}\n`,
  );
  process.stdout.write(
    `Emulator listening on ${emulator.url}${testMode ? " (test mode: frozen clock, control API at /_emulator/)" : ""}.\n` +
      `Point the dashboard at it with: NODE_EXTRA_CA_CERTS=${emulator.caFile} AZURE_AUTHORITY_HOST=${emulator.url} ` +
      `CPP_API_BASE_URL=${emulator.url} AZURE_TENANT_ID=${tenantId} AZURE_CLIENT_ID=${clientId} AZURE_CLIENT_SECRET='${clientSecret}'\n` +
      (emulator.browserUrl === null ? "" : `Sign-in pages (plain HTTP, loopback only): ${emulator.browserUrl}\n`),
  );

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    process.stderr.write(`emulator: ${signal}, shutting down\n`);
    void emulator.close().then(() => process.exit(0));
    setTimeout(() => process.exit(0), 3000).unref();
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
}

main().catch((error: unknown) => {
  const err = error as NodeJS.ErrnoException;
  if (err.code === "EADDRINUSE") fail(`port already in use (${err.message}); pass --port or set EMULATOR_PORT`);
  if (err.code === "ERR_PARSE_ARGS_UNKNOWN_OPTION" || err.code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE")
    fail(err.message);
  fail(err instanceof Error ? (err.stack ?? err.message) : String(error));
});
