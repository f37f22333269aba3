import { execFile } from "node:child_process";
import { readFileSync, statSync, writeFileSync } from "node:fs";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureCertificates } from "./cert";
import { makeCertDir, startTestEmulator, type EmulatorClient } from "./test-client";

const run = promisify(execFile);

/** Runs an ESM snippet in a separate Node process, optionally trusting the emulator's CA. */
async function child(script: string, args: string[], caFile: string | null) {
  const env = { ...process.env };
  delete env.NODE_EXTRA_CA_CERTS;
  if (caFile !== null) env.NODE_EXTRA_CA_CERTS = caFile;
  try {
    const { stdout } = await run(process.execPath, ["--input-type=module", "-e", script, ...args], {
      env,
      cwd: process.cwd(),
      timeout: 20_000,
    });
    return { code: 0, stdout: stdout.trim() };
  } catch (error) {
    const failure = error as { code?: number; stdout?: string };
    return { code: failure.code ?? 1, stdout: (failure.stdout ?? "").trim() };
  }
}

const TRUST_SCRIPT = `
const [url, tenant] = process.argv.slice(1);
const https = await import("node:https");
try {
  const res = await fetch(url + "/" + tenant + "/v2.0/.well-known/openid-configuration");
  const viaHttps = await new Promise((resolve, reject) => {
    https.get(url + "/" + tenant + "/discovery/v2.0/keys", (r) => { r.resume(); r.on("end", () => resolve(r.statusCode)); }).on("error", reject);
  });
  console.log(JSON.stringify({ fetch: res.status, https: viaHttps }));
} catch (error) {
  console.log(JSON.stringify({ error: String(error.cause?.code ?? error.code ?? error) }));
  process.exit(3);
}`;

const MSAL_SCRIPT = `
const [url, tenant, clientId, secret, scope, certPath, certClientId, thumbprint] = process.argv.slice(1);
const { ConfidentialClientApplication } = await import("@azure/msal-node");
const { readFileSync } = await import("node:fs");
const auth = { authority: url + "/" + tenant, knownAuthorities: [new URL(url).host] };
const bySecret = new ConfidentialClientApplication({ auth: { ...auth, clientId, clientSecret: secret } });
const a = await bySecret.acquireTokenByClientCredential({ scopes: [scope] });
const pem = readFileSync(certPath, "utf8");
const byCert = new ConfidentialClientApplication({
  auth: { ...auth, clientId: certClientId, clientCertificate: { thumbprintSha256: thumbprint, privateKey: pem, x5c: pem } },
});
const b = await byCert.acquireTokenByClientCredential({ scopes: [scope] });
const res = await fetch(url + "/api/publishers?api-version=2017-10-31", { headers: { Authorization: "Bearer " + b.accessToken } });
console.log(JSON.stringify({ secretToken: a.accessToken.length > 20, certToken: b.accessToken.length > 20, api: res.status }));`;

describe("certificate", () => {
  let client: EmulatorClient;

  beforeAll(async () => {
    client = await startTestEmulator({ certDir: await makeCertDir() });
  });
  afterAll(async () => {
    await client.close();
  });

  it("is trusted by a separate Node process (fetch and https) through NODE_EXTRA_CA_CERTS", async () => {
    const { url, caFile, credentials } = client.emulator;
    const trusted = await child(TRUST_SCRIPT, [url, credentials.tenantId], caFile);
    expect(trusted).toEqual({ code: 0, stdout: JSON.stringify({ fetch: 200, https: 200 }) });
  });

  it("is rejected by a Node process that does not trust it", async () => {
    const { url, credentials } = client.emulator;
    const untrusted = await child(TRUST_SCRIPT, [url, credentials.tenantId], null);
    expect(untrusted.code).toBe(3);
    expect(untrusted.stdout).toMatch(/SELF_SIGNED|UNABLE_TO_VERIFY|CERT/);
  });

  it("works with the real MSAL Node client, by secret and by certificate", async () => {
    const { url, caFile, credentials: c } = client.emulator;
    const result = await child(
      MSAL_SCRIPT,
      [
        url,
        c.tenantId,
        c.clientId,
        c.clientSecret,
        c.scope,
        c.clientCertificatePath,
        c.certificateClientId,
        c.clientCertificateThumbprintSha256,
      ],
      caFile,
    );
    expect(result).toEqual({ code: 0, stdout: JSON.stringify({ secretToken: true, certToken: true, api: 200 }) });
  });

  it("writes keys with mode 0600 and a client PEM holding key and certificate", () => {
    const { caFile, credentials } = client.emulator;
    expect(statSync(caFile.replace(/cert\.pem$/, "key.pem")).mode & 0o777).toBe(0o600);
    expect(statSync(credentials.clientCertificatePath).mode & 0o777).toBe(0o600);
    const pem = readFileSync(credentials.clientCertificatePath, "utf8");
    expect(pem).toContain("PRIVATE KEY-----");
    expect(pem).toContain("BEGIN CERTIFICATE-----");
    expect(credentials.clientCertificateThumbprintSha256).toMatch(/^[0-9A-F]{64}$/);
  });

  it("reuses the certificate on the next start and regenerates an unparsable one", async () => {
    const dir = await makeCertDir();
    const first = await ensureCertificates(dir);
    const again = await ensureCertificates(dir);
    expect(again.cert).toBe(first.cert);
    expect(again.clientThumbprintSha256).toBe(first.clientThumbprintSha256);
    writeFileSync(first.certFile, "not a certificate");
    const regenerated = await ensureCertificates(dir);
    expect(regenerated.cert).not.toBe(first.cert);
    expect(regenerated.cert).toContain("BEGIN CERTIFICATE");
    expect(readFileSync(first.certFile, "utf8")).toBe(regenerated.cert);
  });

  it("hands parallel starts on a fresh directory one and the same certificate", async () => {
    const dir = await makeCertDir();
    const bundles = await Promise.all([1, 2, 3, 4].map(() => ensureCertificates(dir)));
    expect(new Set(bundles.map((b) => b.cert)).size).toBe(1);
    expect(new Set(bundles.map((b) => b.clientThumbprintSha256)).size).toBe(1);
    expect(readFileSync(bundles[0]?.certFile ?? "", "utf8")).toBe(bundles[0]?.cert);
  });
});
