/**
 * A real notification receiver for tests and the bench: a plain HTTP server on loopback that
 * keeps what it was sent and answers as told (200, an error status, or never). It can go down
 * and come back on the same port, like a receiver being redeployed.
 */
import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface Received {
  headers: IncomingHttpHeaders;
  body: string;
  json: unknown;
}

export type Answer = { status: number; headers?: Record<string, string> } | "hang";

export interface Receiver {
  url: string;
  port: number;
  received: Received[];
  /** How the next requests are answered (by default 200). */
  answer(answer: Answer | ((request: Received) => Answer)): void;
  /** Requests that were answered "hang" and are still open. */
  hanging(): number;
  /** Resolves once `count` requests have arrived (bounded by `timeoutMs`). */
  waitFor(count: number, timeoutMs?: number): Promise<Received[]>;
  /** Stops listening: connections are refused until `up()`. */
  down(): Promise<void>;
  up(): Promise<void>;
  close(): Promise<void>;
}

export async function startReceiver(path = "/hook"): Promise<Receiver> {
  const received: Received[] = [];
  const open = new Set<ServerResponse>();
  let answer: Answer | ((request: Received) => Answer) = { status: 200 };
  const waiters: (() => void)[] = [];

  const listen = (server: Server, port: number) =>
    new Promise<number>((resolve, reject) => {
      server.once("error", reject);
      server.listen(port, "127.0.0.1", () => resolve((server.address() as AddressInfo).port));
    });

  const make = () =>
    createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        const body = Buffer.concat(chunks).toString("utf8");
        let json: unknown = null;
        try {
          json = JSON.parse(body);
        } catch {
          // kept as text
        }
        const request = { headers: req.headers, body, json };
        received.push(request);
        for (const w of waiters.splice(0)) w();
        const a = typeof answer === "function" ? answer(request) : answer;
        if (a === "hang") {
          open.add(res);
          res.on("close", () => open.delete(res));
          return;
        }
        res.writeHead(a.status, { "Content-Type": "text/plain", ...a.headers });
        res.end(a.status < 300 ? "ok" : "no");
      });
    });

  let server = make();
  const port = await listen(server, 0);

  const stop = (s: Server) =>
    new Promise<void>((resolve) => {
      for (const res of open) res.destroy();
      s.closeAllConnections();
      s.close(() => resolve());
    });

  return {
    url: `http://127.0.0.1:${port}${path}`,
    port,
    received,
    answer: (a) => {
      answer = a;
    },
    hanging: () => open.size,
    waitFor: async (count, timeoutMs = 20_000) => {
      const deadline = Date.now() + timeoutMs;
      while (received.length < count) {
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`the receiver got ${received.length} of ${count} requests`);
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, Math.min(left, 250));
          waiters.push(() => {
            clearTimeout(timer);
            resolve();
          });
        });
      }
      return received.slice(0, count);
    },
    down: () => stop(server),
    up: async () => {
      server = make();
      await listen(server, port);
    },
    close: () => stop(server),
  };
}
