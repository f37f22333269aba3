import { Server, type IncomingMessage, type ServerResponse } from "node:http";

import type { ServerEnv } from "@/lib/env";

import { API_CONTENT_SECURITY_POLICY, securityHeaders } from "./security-headers";

/**
 * Methods a fetch `Request` cannot carry (TRACE, TRACK): Next.js fails to build the request for
 * the proxy and answers a bare `500 text/plain` with no security header. They are answered
 * here, as the HTTP server hands them over, with the 405 envelope, `Allow` and the usual
 * headers; every other request goes on to Next.js untouched.
 */
const UNREPRESENTABLE = new Set(["TRACE", "TRACK"]);
const ALLOW = "GET, HEAD, POST";
const GUARDED = Symbol.for("offer-status-dashboard.raw-method-guard");

export function answerUnrepresentable(res: ServerResponse, env: Pick<ServerEnv, "APP_BASE_URL">, method: string): void {
  const body = JSON.stringify({
    error: { code: "method_not_allowed", message: `This dashboard does not answer ${method.slice(0, 20)}.` },
  });
  res.writeHead(405, {
    ...securityHeaders(env, API_CONTENT_SECURITY_POLICY),
    "Content-Type": "application/json",
    "Cache-Control": "no-store, private",
    Allow: ALLOW,
    "Content-Length": Buffer.byteLength(body),
  });
  res.end(body);
}

export function installRawMethodGuard(env: Pick<ServerEnv, "APP_BASE_URL">): void {
  const proto = Server.prototype as Server & { [GUARDED]?: true };
  if (proto[GUARDED]) return;
  proto[GUARDED] = true;
  const emit = proto.emit;
  proto.emit = function guardedEmit(this: Server, event: string | symbol, ...args: unknown[]): boolean {
    if (event === "request") {
      const [req, res] = args as [IncomingMessage, ServerResponse];
      const method = (req.method ?? "").toUpperCase();
      if (UNREPRESENTABLE.has(method)) {
        req.resume();
        answerUnrepresentable(res, env, method);
        return true;
      }
    }
    return (emit as (event: string | symbol, ...rest: unknown[]) => boolean).call(this, event, ...args);
  } as typeof proto.emit;
}
