/**
 * Fixed, non-secret credentials of the emulator's Entra ID app registrations. They are
 * printed on start and used by the launcher and test setups; they open nothing but the
 * emulator on loopback.
 */
export const emulatorCredentials = {
  tenantId: "6f1c2d3e-4b5a-4c7d-9e8f-0a1b2c3d4e5f",
  /** App registration that authenticates with `clientSecret`. */
  clientId: "0d9e7c1a-3b2f-4e5d-8a6b-7c8d9e0f1a2b",
  clientSecret: "emu~Q8x.Kp2vLr5-Tz7Wd3Yh9Ns4Bf6Gj1Mc",
  scope: "https://cloudpartner.azure.com/.default",
  /** The scope of Partner Center's Product Ingestion API (Microsoft Graph). */
  graphScope: "https://graph.microsoft.com/.default",
  /** App registration that authenticates with a client assertion signed by `client-cert.pem`. */
  certificateClientId: "5a4b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d",
} as const;

/** Credentials of a running emulator: the fixed values plus its client certificate. */
export type EmulatorCredentials = typeof emulatorCredentials & {
  /** PEM holding the private key and the certificate of `certificateClientId`. */
  readonly clientCertificatePath: string;
  /** SHA-256 thumbprint (hex, upper case) of that certificate, as MSAL's `thumbprintSha256`. */
  readonly clientCertificateThumbprintSha256: string;
};
