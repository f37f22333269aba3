import path from "node:path";

import { ensureCertificates } from "./emulator/cert";

/**
 * The emulator's certificate must be trusted by the test workers exactly as the dashboard
 * trusts it: through NODE_EXTRA_CA_CERTS, which Node reads at process start. Create it
 * here, before the workers are forked, so they inherit the variable.
 */
export default async function setup(): Promise<void> {
  const bundle = await ensureCertificates(path.resolve(import.meta.dirname, ".emulator"));
  process.env.NODE_EXTRA_CA_CERTS = bundle.certFile;
}
