/**
 * Runs once when the server starts: a missing or malformed variable, or a store that cannot
 * be opened, stops start-up with one line naming it, instead of failing on the first request.
 * Then the recorder starts (the store, and the watcher unless WATCH=false), and SIGTERM stops
 * it cleanly.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { checkConfigurationOrExit, startRecorderOrExit } = await import("./lib/server/startup");
    const env = checkConfigurationOrExit();
    // TRACE and TRACK never reach the proxy (no fetch Request can carry them): answered here.
    const { installRawMethodGuard } = await import("./lib/server/raw-method-guard");
    installRawMethodGuard(env);
    await startRecorderOrExit(env);
  }
}
