/**
 * Runs once when the server starts: a missing or malformed variable stops start-up with one
 * line naming it, instead of failing on the first request.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { checkConfigurationOrExit } = await import("./lib/startup-check");
    checkConfigurationOrExit();
    // TRACE and TRACK never reach the proxy (no fetch Request can carry them): answered here.
    const { getEnv } = await import("./lib/env");
    const { installRawMethodGuard } = await import("./lib/server/raw-method-guard");
    installRawMethodGuard(getEnv());
  }
}
