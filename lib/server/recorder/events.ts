/**
 * Changes the recorder saw, for the browsers listening on /api/events. Each event has a
 * growing id; the last ones are kept so a browser that reconnects with Last-Event-ID gets
 * what it missed (or is told to reload everything when that is too far back).
 */
import type { Indicator } from "@/lib/schemas/vocabulary";

export interface OfferEvent {
  id: number;
  publisherId: string;
  offerId: string;
  indicator: Indicator | null;
  previousIndicator: Indicator | null;
  /** What changed: the indicator, a step, a new message. */
  kinds: string[];
  /** The notification events the change caused (the inbox refreshes when there are any). */
  notifications: { id: string; event: string }[];
  at: string;
  /** Recorded by another instance and relayed here (never relayed back). */
  relayed?: true;
}

type Listener = (event: OfferEvent) => void;

export class EventBus {
  private nextId = 1;
  private readonly recent: OfferEvent[] = [];
  private readonly listeners = new Set<Listener>();

  constructor(private readonly keep = 1_000) {}

  publish(event: Omit<OfferEvent, "id">): OfferEvent {
    const full = { ...event, id: this.nextId++ };
    this.recent.push(full);
    if (this.recent.length > this.keep) this.recent.splice(0, this.recent.length - this.keep);
    for (const listener of this.listeners) {
      try {
        listener(full);
      } catch {
        // one broken listener must not stop the others
      }
    }
    return full;
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get listenerCount(): number {
    return this.listeners.size;
  }

  /** The events after `lastId`, or null when some of them are no longer kept. */
  since(lastId: number): OfferEvent[] | null {
    if (lastId >= this.nextId - 1) return [];
    const first = this.recent[0];
    if (!first || first.id > lastId + 1) return null;
    return this.recent.filter((e) => e.id > lastId);
  }
}
