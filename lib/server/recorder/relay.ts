import "server-only";

import pg from "pg";

import type { Logger } from "@/lib/server/log";

import type { EventBus, OfferEvent } from "./events";

/**
 * Carries the recorder's changes between instances on one PostgreSQL (LISTEN/NOTIFY), so a
 * browser's live stream hears of a change whichever instance recorded it. Each instance
 * publishes its own changes on the channel and republishes the others' on its local bus; a
 * change it relayed is never sent back. The listening connection is its own (a pool would
 * hand LISTEN to a connection that then goes back to the pool) and reconnects after a loss.
 */

export const RELAY_CHANNEL = "offer_events";

interface Wire {
  origin: string;
  event: Omit<OfferEvent, "id" | "relayed">;
}

export type RelayLogger = Logger;

export interface Relay {
  /** Resolves once the channel is listened to (the first connection). */
  ready: Promise<void>;
  stop(): Promise<void>;
}

export function startRelay(options: {
  databaseUrl: string;
  bus: EventBus;
  /** This instance's name on the channel. */
  origin: string;
  logger: RelayLogger;
  retryMs?: number;
}): Relay {
  const { databaseUrl, bus, origin, logger } = options;
  let client: pg.Client | null = null;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let markReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => (markReady = resolve));

  const connect = async () => {
    if (stopped) return;
    const next = new pg.Client({ connectionString: databaseUrl });
    next.on("error", (error) => {
      logger.error({ msg: "relay: the listening connection failed; reconnecting", error: error.message });
      if (client === next) client = null;
      next.end().catch(() => undefined);
      retry();
    });
    next.on("notification", (message) => {
      if (message.channel !== RELAY_CHANNEL || !message.payload) return;
      let wire: Wire;
      try {
        wire = JSON.parse(message.payload) as Wire;
      } catch {
        return;
      }
      if (wire.origin === origin) return;
      bus.publish({ ...wire.event, relayed: true });
    });
    try {
      await next.connect();
      await next.query(`LISTEN ${RELAY_CHANNEL}`);
      if (stopped) {
        await next.end();
        return;
      }
      client = next;
      markReady();
    } catch (error) {
      logger.error({ msg: "relay: cannot listen for other instances' changes", error: String(error) });
      next.end().catch(() => undefined);
      retry();
    }
  };
  const retry = () => {
    if (stopped || timer) return;
    timer = setTimeout(() => {
      timer = undefined;
      void connect();
    }, options.retryMs ?? 2_000);
    timer.unref?.();
  };

  const unsubscribe = bus.subscribe((event) => {
    if (event.relayed || !client) return;
    const { id: _id, relayed: _relayed, ...rest } = event;
    const payload = JSON.stringify({ origin, event: rest } satisfies Wire);
    client.query("select pg_notify($1, $2)", [RELAY_CHANNEL, payload]).catch((error: unknown) => {
      logger.error({ msg: "relay: could not tell other instances of a change", error: String(error) });
    });
  });
  void connect();

  return {
    ready,
    stop: async () => {
      stopped = true;
      unsubscribe();
      if (timer) clearTimeout(timer);
      const c = client;
      client = null;
      await c?.end().catch(() => undefined);
    },
  };
}
