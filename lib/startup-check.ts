import { ConfigError, getEnv } from "@/lib/env";

/** Validates the environment at start-up; on a bad variable prints one line and exits. */
export function checkConfigurationOrExit(): void {
  try {
    getEnv();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}
