import "server-only";

import { ConfigError, getEnv, type ServerEnv } from "@/lib/env";

import { startRecorder } from "./recorder";
import { StoreOpenError } from "./store/open";

/** Validates the environment at start-up; on a bad variable prints one line and exits. */
export function checkConfigurationOrExit(): ServerEnv {
  try {
    return getEnv();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}

const STOP_TIMEOUT_MS = 8_000;

/** Opens the store and starts the watcher; a store that cannot be opened stops start-up. */
export async function startRecorderOrExit(env: ServerEnv): Promise<void> {
  try {
    const recorder = await startRecorder(env);
    // Runs with NEXT_MANUAL_SIG_HANDLE=true (the launcher, the image): Next's own handler
    // would exit at once, before the watcher's lease and the store's lock are given back.
    // Bounded: a store that does not answer must not keep the process from ending.
    const stop = () => {
      setTimeout(() => process.exit(0), STOP_TIMEOUT_MS).unref();
      void recorder.stop().finally(() => process.exit(0));
    };
    process.once("SIGTERM", stop);
    process.once("SIGINT", stop);
  } catch (error) {
    if (error instanceof StoreOpenError) {
      console.error(`Configuration error: ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
}
