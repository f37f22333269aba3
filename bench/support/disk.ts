import { readdirSync, statSync } from "node:fs";
import path from "node:path";

/** Bytes of the files under `dir` (apparent size, as `du -sb`); 0 when it does not exist. */
export function dirBytes(dir: string): number {
  let total = 0;
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return 0;
  }
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) total += dirBytes(full);
    else if (entry.isFile()) total += statSync(full).size;
  }
  return total;
}
