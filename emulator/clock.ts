/** The instant the test-mode clock starts at (and returns to on reset). */
export const TEST_CLOCK_START_MS = Date.parse("2026-01-15T09:00:00.000Z");

/**
 * The simulated clock that drives offer progress. In demo mode it follows real time; in test
 * mode it is frozen at {@link TEST_CLOCK_START_MS} and moves only through the control API.
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

export function createClock(testMode: boolean): Clock {
  let start = testMode ? TEST_CLOCK_START_MS : Date.now();
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
      start = testMode ? TEST_CLOCK_START_MS : Date.now();
      offset = 0;
    },
  };
}
