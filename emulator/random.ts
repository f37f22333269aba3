import { createHash } from "node:crypto";

/** 32-bit FNV-1a hash: cheap and stable across runs, for seeding per-entity generators. */
export function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  chance(probability: number): boolean;
}

/**
 * A mulberry32 generator seeded from the given parts. Every entity gets its own generator
 * (seed + entity key), so generating one offer never depends on how many came before it.
 */
export function createRng(...parts: ReadonlyArray<string | number>): Rng {
  let state = hashString(parts.join("\u0000"));
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => {
      const item = items[Math.floor(next() * items.length)];
      if (item === undefined) throw new Error("pick from an empty list");
      return item;
    },
    chance: (probability) => next() < probability,
  };
}

/** A deterministic GUID (version-4 layout) derived from the given parts. */
export function guidFrom(...parts: ReadonlyArray<string | number>): string {
  const hex = createHash("sha1").update(parts.join("\u0000")).digest("hex");
  const variant = ((parseInt(hex.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return [
    hex.slice(0, 8),
    hex.slice(8, 12),
    `4${hex.slice(13, 16)}`,
    `${variant}${hex.slice(17, 20)}`,
    hex.slice(20, 32),
  ].join("-");
}

/** How many fractional-second digits a timestamp carries, as the real service mixes them. */
export type StampStyle = 3 | 6 | 7;

/**
 * ISO-8601 UTC timestamp. With 6 or 7 digits (.NET style, "2018-03-16T17:50:45.7215661Z")
 * the digits past the millisecond are derived from the instant and a salt, so they look
 * random but stay deterministic.
 */
export function formatTimestamp(ms: number, style: StampStyle, salt = 0): string {
  const iso = new Date(ms).toISOString();
  if (style === 3) return iso;
  const extra = (Math.imul(Math.floor(ms) ^ salt, 2654435761) >>> 0) % 10_000;
  const digits = String(extra)
    .padStart(4, "0")
    .slice(0, style - 3);
  return `${iso.slice(0, -1)}${digits}Z`;
}

/** .NET ticks (100 ns since 0001-01-01), used as the operation `version` number. */
export function dotNetTicks(ms: number): number {
  return ms * 10_000 + 621_355_968_000_000_000;
}
