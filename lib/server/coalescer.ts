import "server-only";

/**
 * Shares identical upstream reads: one request in flight per key, its result kept for a
 * short TTL. N viewers of one offer cost the upstream about one request per TTL, not N.
 * Failures are never kept, so the next caller tries again.
 */
export interface Fetched<T> {
  value: T;
  /** When the upstream answered (ms since epoch). */
  fetchedAt: number;
}

interface Entry {
  promise: Promise<Fetched<unknown>>;
  expiresAt: number;
}

export interface CoalescerOptions {
  /** Off: every call goes to the upstream (the benchmark's baseline). */
  enabled: boolean;
  maxEntries?: number;
  /** How often, at most, a new entry also clears out the expired ones (ms). */
  sweepEveryMs?: number;
  now?: () => number;
}

export class Coalescer {
  private readonly entries = new Map<string, Entry>();
  private readonly maxEntries: number;
  private readonly sweepEveryMs: number;
  private readonly now: () => number;
  private lastSweep: number;

  constructor(private readonly options: CoalescerOptions) {
    this.maxEntries = options.maxEntries ?? 20_000;
    this.sweepEveryMs = options.sweepEveryMs ?? 10_000;
    this.now = options.now ?? Date.now;
    this.lastSweep = this.now();
  }

  /**
   * `keep`: whether a settled value may be shared for the TTL; a value it refuses is treated
   * like a failure (dropped once it settles, so the next caller loads again).
   */
  get<T>(key: string, ttlMs: number, load: () => Promise<T>, keep?: (value: T) => boolean): Promise<Fetched<T>> {
    const run = () => load().then((value) => ({ value, fetchedAt: this.now() }));
    if (!this.options.enabled) return run();

    const existing = this.entries.get(key);
    // Pending entries have an infinite expiry until they settle.
    if (existing && existing.expiresAt > this.now()) return existing.promise as Promise<Fetched<T>>;

    const promise = run();
    const entry: Entry = { promise, expiresAt: Number.POSITIVE_INFINITY };
    this.entries.set(key, entry);
    this.sweepIfDue();
    this.evictIfFull();
    promise.then(
      (result) => {
        if (this.entries.get(key) !== entry) return;
        if (keep && !keep(result.value)) this.entries.delete(key);
        else entry.expiresAt = this.now() + ttlMs;
      },
      () => {
        if (this.entries.get(key) === entry) this.entries.delete(key);
      },
    );
    return promise;
  }

  /** Drops every entry whose key starts with the prefix (after a state change we caused). */
  invalidate(prefix: string): void {
    for (const key of this.entries.keys()) if (key.startsWith(prefix)) this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }

  private dropExpired(now: number): void {
    for (const [key, entry] of this.entries) if (entry.expiresAt <= now) this.entries.delete(key);
  }

  /**
   * Expired entries are dead weight (bench: about 30 KiB per offer status); without this they
   * stayed until the map was full. Done on insertion at most every `sweepEveryMs`, so there is
   * no timer to keep the process alive and no cost per read.
   */
  private sweepIfDue(): void {
    const now = this.now();
    if (now - this.lastSweep < this.sweepEveryMs) return;
    this.lastSweep = now;
    this.dropExpired(now);
  }

  private evictIfFull(): void {
    if (this.entries.size <= this.maxEntries) return;
    this.dropExpired(this.now());
    // Still full: drop the oldest insertions (Map keeps insertion order).
    for (const key of this.entries.keys()) {
      if (this.entries.size <= this.maxEntries) break;
      this.entries.delete(key);
    }
  }
}

/** Runs tasks with at most `limit` in flight, keeping the input order in the results. */
export async function mapWithConcurrency<T, R>(
  items: readonly T[],
  limit: number,
  task: (item: T) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
