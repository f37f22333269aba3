import "server-only";

import { ApiError } from "@/lib/server/errors";

import { getRecorder, type Recorder } from ".";

/** The recorder, or the 503 the pages turn into "history is unavailable". */
export function requireRecorder(): Recorder {
  const recorder = getRecorder();
  if (!recorder) throw historyUnavailable();
  return recorder;
}

export function historyUnavailable(cause?: unknown): ApiError {
  return new ApiError(
    503,
    "history_unavailable",
    "History is unavailable right now: the dashboard's database does not answer. Live status still works.",
    30,
    cause === undefined ? undefined : { cause },
  );
}

/** Runs a store read; a failing store becomes history_unavailable (logged with its cause). */
export async function fromHistory<T>(read: (recorder: Recorder) => Promise<T>): Promise<T> {
  const recorder = requireRecorder();
  try {
    return await read(recorder);
  } catch (error) {
    if (error instanceof ApiError) throw error;
    throw historyUnavailable(error);
  }
}
