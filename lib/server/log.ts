import "server-only";

/** Where the server's background parts (watcher, notifier, relay) write: one JSON line each. */
export interface Logger {
  info(entry: Record<string, unknown>): void;
  error(entry: Record<string, unknown>): void;
}

/** The console as a Logger: JSON lines with level, time and (when given) the part's `type`. */
export function consoleLogger(type?: string): Logger {
  const line = (level: string, entry: Record<string, unknown>) =>
    JSON.stringify({ level, time: new Date().toISOString(), ...(type ? { type } : {}), ...entry });
  return {
    info: (entry) => console.log(line("info", entry)),
    error: (entry) => console.error(line("error", entry)),
  };
}
