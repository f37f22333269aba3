import "server-only";

/**
 * One Go live / Cancel per offer at a time, across tabs and approvers: while one is in flight,
 * or settling after the upstream took it (or might have), a second is refused (409) instead of
 * going straight upstream. In memory for one instance; in the store (a row per offer,
 * lib/server/store/action-slots.ts) when several instances share a PostgreSQL.
 */
export interface ActionHolder {
  action: "golive" | "cancel";
  /** Who asked (the username), for "already going live, by …". */
  by: string;
}

export type Acquired = { acquired: true; lease: string } | { acquired: false; holder: ActionHolder };

export interface ActionGuard {
  /** Takes the offer's slot, or says who holds it. */
  tryAcquire(key: string, holder: ActionHolder): Promise<Acquired>;
  /**
   * Ends the lease: at once (`settleMs` 0: the upstream clearly refused, nothing to wait for),
   * or after a settling time (accepted or outcome unknown: the offer's status takes a moment
   * to show it, and the browser is verifying meanwhile).
   */
  release(key: string, lease: string, settleMs: number): Promise<void>;
  /** Who last took the offer's slot and when it was released, while remembered (for "by …"). */
  lastHolder(key: string): Promise<ActionHolder | null>;
}

interface Slot {
  lease: string;
  holder: ActionHolder;
  /** null while in flight; then the time the slot frees itself. */
  until: number | null;
}

/** How long an in-flight slot may be held at most, should its request never end (a crash mid-way). */
export const MAX_IN_FLIGHT_MS = 5 * 60_000;
/** How long the last holder is remembered for "already going live, by …". */
export const REMEMBER_MS = 10 * 60_000;

export function createMemoryActionGuard(now: () => number = Date.now): ActionGuard {
  const slots = new Map<string, Slot & { since: number }>();
  const last = new Map<string, { holder: ActionHolder; at: number }>();
  let counter = 0;

  const free = (slot: (Slot & { since: number }) | undefined, at: number) =>
    slot === undefined || (slot.until === null ? at - slot.since > MAX_IN_FLIGHT_MS : slot.until <= at);

  function sweep(at: number): void {
    for (const [key, slot] of slots) if (free(slot, at)) slots.delete(key);
    for (const [key, entry] of last) if (at - entry.at > REMEMBER_MS) last.delete(key);
  }

  return {
    async tryAcquire(key, holder) {
      const at = now();
      const slot = slots.get(key);
      if (!free(slot, at) && slot) return { acquired: false, holder: slot.holder };
      sweep(at);
      const lease = `lease-${++counter}`;
      slots.set(key, { lease, holder, until: null, since: at });
      last.set(key, { holder, at });
      return { acquired: true, lease };
    },
    async release(key, lease, settleMs) {
      const slot = slots.get(key);
      if (slot?.lease !== lease) return;
      if (settleMs <= 0) slots.delete(key);
      else slot.until = now() + settleMs;
    },
    async lastHolder(key) {
      const entry = last.get(key);
      return entry && now() - entry.at <= REMEMBER_MS ? entry.holder : null;
    },
  };
}

/**
 * The store's guard, and this instance's memory when the store does not answer: a Go live must
 * not wait on the database, and a guard per instance is the closest thing while it is away.
 */
export function withFallback(
  primary: ActionGuard,
  fallback: ActionGuard,
  onError: (error: unknown) => void,
): ActionGuard {
  const attempt = async <T>(call: (g: ActionGuard) => Promise<T>): Promise<T> => {
    try {
      return await call(primary);
    } catch (error) {
      onError(error);
      return call(fallback);
    }
  };
  return {
    tryAcquire: (key, holder) => attempt((g) => g.tryAcquire(key, holder)),
    release: async (key, lease, settleMs) => {
      // The lease is one guard's; the other finds nothing to release.
      await Promise.all([primary.release(key, lease, settleMs).catch(onError), fallback.release(key, lease, settleMs)]);
    },
    lastHolder: (key) => attempt((g) => g.lastHolder(key)),
  };
}
