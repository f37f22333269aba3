import { Agent, get, type ClientRequest } from "node:http";

import { sleep } from "./child";
import type { Headers } from "./load";

/**
 * Many EventSource-like clients of /api/events: plain HTTP GETs that keep reading the stream
 * and parse its `event: offer` blocks, noting when each arrived. Opened a batch at a time;
 * every wait is bounded.
 */
export interface Receipt {
  offerId: string;
  /** The event's `at` (when the server recorded the change) to its arrival here, in ms. */
  latencyMs: number;
}

interface Stream {
  request: ClientRequest;
  open: boolean;
  receipts: Receipt[];
}

export class StreamSet {
  private readonly agent = new Agent({ keepAlive: false, maxSockets: Number.POSITIVE_INFINITY });
  private readonly streams: Stream[] = [];
  failed = 0;

  get openCount(): number {
    return this.streams.filter((s) => s.open).length;
  }

  /** Opens `count` streams, `batch` at a time; each counts as open once the server's first comment arrives. */
  async open(url: string, count: number, headers: Headers, batch = 50, timeoutMs = 10_000): Promise<void> {
    for (let done = 0; done < count; done += batch) {
      const size = Math.min(batch, count - done);
      await Promise.all(Array.from({ length: size }, () => this.openOne(url, headers, timeoutMs)));
    }
  }

  private openOne(url: string, headers: Headers, timeoutMs: number): Promise<void> {
    return new Promise((resolve) => {
      const stream: Stream = { request: undefined as unknown as ClientRequest, open: false, receipts: [] };
      const settle = (ok: boolean) => {
        clearTimeout(timer);
        if (!ok && !stream.open) this.failed++;
        resolve();
      };
      const timer = setTimeout(() => {
        stream.request.destroy();
        settle(false);
      }, timeoutMs);
      stream.request = get(url, { agent: this.agent, headers: { ...headers, Accept: "text/event-stream" } }, (res) => {
        if (res.statusCode !== 200) {
          res.resume();
          return settle(false);
        }
        res.setEncoding("utf8");
        let buffer = "";
        res.on("data", (chunk: string) => {
          const arrived = Date.now();
          if (!stream.open) {
            stream.open = true;
            settle(true);
          }
          buffer += chunk;
          const blocks = buffer.split("\n\n");
          buffer = blocks.pop() ?? "";
          for (const block of blocks) this.parse(block, arrived, stream);
        });
        res.on("close", () => (stream.open = false));
      });
      stream.request.on("error", () => {
        stream.open = false;
        settle(false);
      });
      this.streams.push(stream);
    });
  }

  private parse(block: string, arrived: number, stream: Stream): void {
    const lines = block.split("\n");
    if (!lines.includes("event: offer")) return;
    const data = lines.find((l) => l.startsWith("data: "));
    if (!data) return;
    const event = JSON.parse(data.slice("data: ".length)) as { offerId: string; at: string };
    stream.receipts.push({ offerId: event.offerId, latencyMs: arrived - Date.parse(event.at) });
  }

  /** How many streams have received an event of this offer. */
  receivedBy(offerId: string): number {
    return this.streams.filter((s) => s.receipts.some((r) => r.offerId === offerId)).length;
  }

  /** Waits until every open stream has an event of this offer; answers how many have. */
  async waitForEvent(offerId: string, timeoutMs: number): Promise<number> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const open = this.openCount;
      const received = this.receivedBy(offerId);
      if (open > 0 && received >= open) return received;
      await sleep(100);
    }
    return this.receivedBy(offerId);
  }

  receipts(offerId?: string): Receipt[] {
    return this.streams.flatMap((s) => s.receipts.filter((r) => offerId === undefined || r.offerId === offerId));
  }

  close(): void {
    for (const s of this.streams) s.request.destroy();
    this.agent.destroy();
  }
}
