import "server-only";

import { getRecorder } from "@/lib/server/recorder";
import { isSessionRevoked, revokeSession } from "@/lib/server/store/history";

/**
 * Sign-out that ends the session: with a store, a signed-out session id is kept as revoked
 * until it would have expired, so a copied cookie stops working at sign-out (on every
 * instance sharing the store). Without a store the cookie stays valid until it expires, as
 * before. A store that does not answer does not lock everyone out: the check is skipped and
 * logged (the cookie's own expiry still holds).
 */
const revokedHere = new Set<string>();
const MAX_LOCAL = 10_000;

export async function revoke(sid: string, expiresAtSeconds: number): Promise<void> {
  if (revokedHere.size >= MAX_LOCAL) revokedHere.clear();
  revokedHere.add(sid);
  const recorder = getRecorder();
  if (!recorder) return;
  try {
    await revokeSession(recorder.store.db, sid, new Date(expiresAtSeconds * 1000));
  } catch (error) {
    logSkipped("record", error);
  }
}

export async function isRevoked(sid: string): Promise<boolean> {
  if (revokedHere.has(sid)) return true;
  const recorder = getRecorder();
  if (!recorder) return false;
  try {
    const revoked = await isSessionRevoked(recorder.store.db, sid);
    if (revoked) revokedHere.add(sid);
    return revoked;
  } catch (error) {
    logSkipped("check", error);
    return false;
  }
}

function logSkipped(what: "record" | "check", error: unknown): void {
  console.error(
    JSON.stringify({
      level: "error",
      time: new Date().toISOString(),
      code: "store_unavailable",
      message: `Could not ${what} a signed-out session in the store: ${error instanceof Error ? error.message : String(error)}`,
    }),
  );
}
