import { createPrivateKey, randomBytes, X509Certificate, type KeyObject } from "node:crypto";
import { mkdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { generate } from "selfsigned";
import { sleep } from "./http";

/**
 * The emulator's TLS certificate (a self-signed CA that is also the server certificate, so
 * it works as a NODE_EXTRA_CA_CERTS trust anchor) and the client certificate of the
 * certificate-credential app registration. Generated once into certDir and reused.
 */

const DAY_MS = 24 * 3600 * 1000;
const RENEW_BEFORE_MS = 30 * DAY_MS;
const VALIDITY_MS = 825 * DAY_MS;

export interface CertificateBundle {
  readonly certFile: string;
  readonly keyFile: string;
  readonly clientCertFile: string;
  readonly cert: string;
  readonly key: string;
  readonly clientPublicKey: KeyObject;
  /** Upper-case hex SHA-256 thumbprint of the client certificate. */
  readonly clientThumbprintSha256: string;
}

const CERT_BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/;
const KEY_BLOCK = /-----BEGIN (?:RSA )?PRIVATE KEY-----[\s\S]+?-----END (?:RSA )?PRIVATE KEY-----/;

async function readIfExists(file: string): Promise<string | null> {
  try {
    return await readFile(file, "utf8");
  } catch {
    return null;
  }
}

/** The certificate if it parses, matches the key and stays valid for 30 more days. */
function usable(certPem: string | null, keyPem: string | null): X509Certificate | null {
  if (certPem === null || keyPem === null) return null;
  try {
    const cert = new X509Certificate(certPem);
    if (Date.parse(cert.validTo) - Date.now() < RENEW_BEFORE_MS) return null;
    if (Date.parse(cert.validFrom) > Date.now() + 60_000) return null;
    if (!cert.checkPrivateKey(createPrivateKey(keyPem))) return null;
    return cert;
  } catch {
    return null;
  }
}

async function writeAtomic(file: string, content: string, mode: number): Promise<void> {
  const temp = `${file}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
  await writeFile(temp, content, { mode });
  await rename(temp, file);
}

/** A cross-process lock (mkdir is atomic) so parallel starts do not mix certs and keys. */
async function withLock<T>(dir: string, work: () => Promise<T>): Promise<T> {
  const lock = path.join(dir, ".lock");
  const deadline = Date.now() + 20_000;
  for (;;) {
    try {
      await mkdir(lock);
      break;
    } catch {
      const info = await stat(lock).catch(() => null);
      if (info !== null && Date.now() - info.mtimeMs > 10_000) await rm(lock, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error(`Timed out waiting for the certificate lock ${lock}`);
      await sleep(50);
    }
  }
  try {
    return await work();
  } finally {
    await rm(lock, { recursive: true, force: true });
  }
}

function validity(): { notBeforeDate: Date; notAfterDate: Date } {
  const now = Date.now();
  return { notBeforeDate: new Date(now - DAY_MS), notAfterDate: new Date(now + VALIDITY_MS) };
}

async function generateServer(): Promise<{ cert: string; key: string }> {
  const pems = await generate([{ name: "commonName", value: "Offer Status Emulator Local CA" }], {
    keySize: 2048,
    algorithm: "sha256",
    ...validity(),
    extensions: [
      { name: "basicConstraints", cA: true, critical: true },
      { name: "keyUsage", digitalSignature: true, keyEncipherment: true, keyCertSign: true, critical: true },
      { name: "extKeyUsage", serverAuth: true },
      {
        name: "subjectAltName",
        altNames: [
          { type: 2, value: "localhost" },
          { type: 7, ip: "127.0.0.1" },
          { type: 7, ip: "::1" },
        ],
      },
    ],
  });
  return { cert: pems.cert, key: pems.private };
}

async function generateClient(): Promise<{ cert: string; key: string }> {
  const pems = await generate([{ name: "commonName", value: "offer-status-emulator-client" }], {
    keySize: 2048,
    algorithm: "sha256",
    ...validity(),
    extensions: [
      { name: "basicConstraints", cA: false },
      { name: "keyUsage", digitalSignature: true, keyEncipherment: true },
      { name: "extKeyUsage", clientAuth: true },
    ],
  });
  return { cert: pems.cert, key: pems.private };
}

interface Files {
  readonly certFile: string;
  readonly keyFile: string;
  readonly clientCertFile: string;
}

/** The bundle from the files on disk, or null when any part must be (re)generated. */
async function load(files: Files): Promise<CertificateBundle | null> {
  const cert = await readIfExists(files.certFile);
  const key = await readIfExists(files.keyFile);
  const clientPem = (await readIfExists(files.clientCertFile)) ?? "";
  const client = usable(clientPem.match(CERT_BLOCK)?.[0] ?? null, clientPem.match(KEY_BLOCK)?.[0] ?? null);
  if (cert === null || key === null || client === null || usable(cert, key) === null) return null;
  return {
    ...files,
    cert,
    key,
    clientPublicKey: client.publicKey,
    clientThumbprintSha256: client.fingerprint256.replaceAll(":", "").toUpperCase(),
  };
}

export async function ensureCertificates(certDir: string): Promise<CertificateBundle> {
  const dir = path.resolve(certDir);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const files: Files = {
    certFile: path.join(dir, "cert.pem"),
    keyFile: path.join(dir, "key.pem"),
    clientCertFile: path.join(dir, "client-cert.pem"),
  };
  // Fast path without the lock: files written atomically and already valid.
  const existing = await load(files);
  if (existing !== null) return existing;
  return withLock(dir, async () => {
    if (usable(await readIfExists(files.certFile), await readIfExists(files.keyFile)) === null) {
      const { cert, key } = await generateServer();
      await writeAtomic(files.keyFile, key, 0o600);
      await writeAtomic(files.certFile, cert, 0o644);
    }
    const clientPem = (await readIfExists(files.clientCertFile)) ?? "";
    if (usable(clientPem.match(CERT_BLOCK)?.[0] ?? null, clientPem.match(KEY_BLOCK)?.[0] ?? null) === null) {
      const { cert, key } = await generateClient();
      await writeAtomic(files.clientCertFile, `${key.trim()}\n${cert.trim()}\n`, 0o600);
    }
    const bundle = await load(files);
    if (bundle === null) throw new Error(`could not create a usable certificate in ${dir}`);
    return bundle;
  });
}
