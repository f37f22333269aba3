import { runTsJson, sleep } from "./support/child";
import {
  BULK_PUBLISHER,
  type BenchContext,
  type FigureResult,
  WATCHED_OFFER,
  bulkOfferId,
  statusPath,
} from "./support/context";
import { CPP_SCOPE } from "./support/emulator";
import { burst, drive } from "./support/load";
import type { MsalAloneInput, MsalAloneResult } from "./support/msal-alone";
import { fmt, type Row } from "./support/table";

/**
 * Figure 2, token requests: what the dashboard asks of the token endpoint per 1,000 proxied
 * requests (fresh process, then warm), and when 50 requests arrive together at a token's
 * expiry or after a revocation. Baseline: MSAL Node alone, without our single-flight.
 */
const PROXIED = 1_000;
const CONCURRENCY = 20;
const BURST = 50;
/** MSAL renews a token 300 s before it expires: 302 s makes it stale 2 s after issue. */
const SHORT_LIFETIME_S = 302;

export interface TokensData {
  ours: { cold: number; warm: number; expiry: number; revoked: number; burstOk: { expiry: number; revoked: number } };
  msalAlone: { cold: number; warm: number; expiry: number; skipCache: number };
}

function range(from: number, count: number): string[] {
  return Array.from({ length: count }, (_, i) => bulkOfferId(from + i));
}

async function msalAlone(ctx: BenchContext, mode: MsalAloneInput["mode"], total: number, concurrency: number) {
  const { emulator } = ctx;
  const input: MsalAloneInput = {
    mode,
    emulatorUrl: emulator.url,
    ...emulator.credentials,
    scope: CPP_SCOPE,
    total,
    concurrency,
    shortLifetimeSeconds: SHORT_LIFETIME_S,
  };
  const result = await runTsJson<MsalAloneResult>("bench/support/msal-alone.ts", input, {
    ...process.env,
    NODE_EXTRA_CA_CERTS: emulator.caFile,
  });
  return result.phases;
}

export async function runTokens(ctx: BenchContext): Promise<FigureResult> {
  const { emulator } = ctx;
  const watched = `${ctx.uncached.url}${statusPath(WATCHED_OFFER.publisherId, WATCHED_OFFER.offerId)}`;

  // Cold and warm: a fresh process of the instance where every request is proxied upstream.
  ctx.log("tokens: cold and warm (fresh baseline-instance process)");
  await ctx.uncached.restart();
  await emulator.resetStats();
  await drive([watched], PROXIED, CONCURRENCY);
  const cold = (await emulator.stats()).tokenRequests;
  await emulator.resetStats();
  await drive([watched], PROXIED, CONCURRENCY);
  const warm = (await emulator.stats()).tokenRequests;

  // At expiry: give the shipped instance a token MSAL will find stale, then 50 requests for
  // 50 different offers (so the cache cannot answer them) at once.
  ctx.log("tokens: 50 concurrent requests at token expiry, and after a revocation");
  const url = (offerId: string) => `${ctx.cached.url}${statusPath(BULK_PUBLISHER, offerId)}`;
  await emulator.setTokenLifetime(SHORT_LIFETIME_S);
  await emulator.revokeTokens();
  await drive([url(bulkOfferId(4_101))], 1, 1);
  const issuedAt = Date.now();
  await emulator.setTokenLifetime(3600);
  await sleep(Math.max(0, (SHORT_LIFETIME_S - 300) * 1000 - (Date.now() - issuedAt)) + 500);
  await emulator.resetStats();
  const expiryBurst = await burst(range(4_001, BURST).map(url));
  const expiry = (await emulator.stats()).tokenRequests;

  // Revoked: the cached token is refused upstream (401); every request wants a fresh one.
  await emulator.revokeTokens();
  await emulator.resetStats();
  const revokedBurst = await burst(range(4_051, BURST).map(url));
  const revoked = (await emulator.stats()).tokenRequests;

  ctx.log("tokens: MSAL alone (baseline)");
  const [aloneCold, aloneWarm] = await msalAlone(ctx, "cold", PROXIED, CONCURRENCY);
  const [aloneExpiry] = await msalAlone(ctx, "expiry", BURST, BURST);
  const [aloneSkip] = await msalAlone(ctx, "skipCache", BURST, BURST);

  const data: TokensData = {
    ours: { cold, warm, expiry, revoked, burstOk: { expiry: expiryBurst.ok, revoked: revokedBurst.ok } },
    msalAlone: {
      cold: aloneCold?.tokenRequests ?? Number.NaN,
      warm: aloneWarm?.tokenRequests ?? Number.NaN,
      expiry: aloneExpiry?.tokenRequests ?? Number.NaN,
      skipCache: aloneSkip?.tokenRequests ?? Number.NaN,
    },
  };
  const okNote = (ok: number) => (ok === BURST ? "" : `; only ${ok}/${BURST} requests answered 2xx`);
  const rows: Row[] = [
    {
      figure: "2 Token requests",
      measure: `per ${fmt.int(PROXIED)} proxied requests (${CONCURRENCY} concurrent), fresh process`,
      ours: String(cold),
      baseline: `${data.msalAlone.cold} (MSAL alone)`,
      note: `${fmt.ratio(data.msalAlone.cold, cold)} fewer`,
    },
    {
      figure: "2 Token requests",
      measure: `per ${fmt.int(PROXIED)} proxied requests, warm`,
      ours: String(warm),
      baseline: `${data.msalAlone.warm} (MSAL alone)`,
      note: warm === 0 ? "served from MSAL's cache" : "",
    },
    {
      figure: "2 Token requests",
      measure: `${BURST} concurrent requests at token expiry`,
      ours: String(expiry),
      baseline: `${data.msalAlone.expiry} (MSAL alone)`,
      note: `${fmt.ratio(data.msalAlone.expiry, expiry)} fewer${okNote(expiryBurst.ok)}`,
    },
    {
      figure: "2 Token requests",
      measure: `${BURST} concurrent requests after a revocation (upstream 401)`,
      ours: String(revoked),
      baseline: `${data.msalAlone.skipCache} (MSAL skipCache ×${BURST})`,
      note: `${fmt.ratio(data.msalAlone.skipCache, revoked)} fewer${okNote(revokedBurst.ok)}`,
    },
  ];
  return { rows, data };
}
