/** A fixed instant for tests that compare exact timestamps (pass it as `clockStart`). */
export const TEST_CLOCK_START_MS = Date.parse("2026-01-15T09:00:00.000Z");

/**
 * The simulated clock that drives offer progress. In demo mode it follows real time; in test
 * mode it is frozen and moves only through the control API. A test-mode clock starts at the
 * given instant, or else at the real time of the start (and of each reset), so that browsers
 * watching the dashboard see "3 minutes ago" rather than months: relative times and overdue
 * detection compare upstream timestamps with the browser's own clock.
 * Token expiry never uses it: MSAL judges expiry with real time.
 */
export interface Clock {
  readonly testMode: boolean;
  /** Where data generation is anchored: the start instant (after the last reset). */
  startMs(): number;
  now(): number;
  advance(ms: number): number;
  set(ms: number): number;
  reset(): void;
}

export function createClock(testMode: boolean, fixedStartMs?: number): Clock {
  const startAt = () => fixedStartMs ?? Math.floor(Date.now() / 1000) * 1000;
  let start = startAt();
  // Test mode: offset from start. Demo mode: offset added to real time (never used today).
  let offset = 0;
  const now = (): number => (testMode ? start + offset : Date.now() + offset);
  return {
    testMode,
    startMs: () => start,
    now,
    advance(ms) {
      offset += ms;
      return now();
    },
    set(ms) {
      offset = testMode ? ms - start : ms - Date.now();
      return now();
    },
    reset() {
      start = startAt();
      offset = 0;
    },
  };
}
