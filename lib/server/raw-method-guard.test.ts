import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { installRawMethodGuard } from "./raw-method-guard";

let server: Server;
let port = 0;

beforeAll(async () => {
  installRawMethodGuard({ APP_BASE_URL: "http://127.0.0.1:3000" });
  // Stands for Next.js' own server: whatever reaches it answers 200.
  server = createServer((_req, res) => res.end("next"));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function send(method: string) {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: string }>((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, method, path: "/api/publishers" }, (res) => {
      let body = "";
      res.on("data", (chunk: Buffer) => (body += chunk.toString()));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("methods no fetch Request can carry", () => {
  it("TRACE gets the 405 envelope with Allow and the security headers, before Next.js", async () => {
    for (const method of ["TRACE", "trace"]) {
      const res = await send(method);
      expect(res.status, method).toBe(405);
      expect(res.headers.allow).toBe("GET, HEAD, POST");
      expect(res.headers["content-type"]).toBe("application/json");
      expect(res.headers["x-content-type-options"]).toBe("nosniff");
      expect(res.headers["content-security-policy"]).toContain("default-src 'none'");
      expect(JSON.parse(res.body)).toMatchObject({ error: { code: "method_not_allowed" } });
    }
  });

  it("lets every other method through", async () => {
    expect((await send("GET")).body).toBe("next");
    expect((await send("DELETE")).body).toBe("next");
  });
});
