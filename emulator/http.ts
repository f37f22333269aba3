import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";

/** Small HTTP helpers shared by the Entra, CPP and control handlers. */

export const JSON_TYPE = "application/json; charset=utf-8";
export const MAX_URL_LENGTH = 4096;
export const MAX_BODY_BYTES = 256 * 1024;

export type Headers = Readonly<Record<string, string | number>>;

export interface ParsedUrl {
  readonly path: string;
  /** Percent-decoded path segments, without the leading empty one and a trailing slash. */
  readonly segments: readonly string[];
  readonly query: URLSearchParams;
}

/** Splits and decodes the request target; null when it is not a valid origin-form path. */
export function parseUrl(rawUrl: string): ParsedUrl | null {
  if (!rawUrl.startsWith("/") || rawUrl.length > MAX_URL_LENGTH) return null;
  const q = rawUrl.indexOf("?");
  const path = q === -1 ? rawUrl : rawUrl.slice(0, q);
  const query = new URLSearchParams(q === -1 ? "" : rawUrl.slice(q + 1));
  const parts = path.split("/").slice(1);
  if (parts.length > 1 && parts[parts.length - 1] === "") parts.pop();
  try {
    return { path, segments: parts.map((part) => decodeURIComponent(part)), query };
  } catch {
    return null;
  }
}

export function send(res: ServerResponse, status: number, body: string, headers: Headers = {}): void {
  if (res.headersSent || res.destroyed) return;
  const payload = Buffer.from(body, "utf8");
  res.writeHead(status, {
    "Content-Type": JSON_TYPE,
    "Content-Length": payload.length,
    "x-ms-request-id": randomUUID(),
    ...headers,
  });
  res.end(payload);
}

export function sendJson(res: ServerResponse, status: number, value: unknown, headers: Headers = {}): void {
  send(res, status, JSON.stringify(value), headers);
}

/** The CPP error envelope `{ "error": { "code", "message" } }`. */
export function sendError(
  res: ServerResponse,
  status: number,
  code: string,
  message: string,
  headers: Headers = {},
): void {
  sendJson(res, status, { error: { code, message } }, headers);
}

export function sendEmpty(res: ServerResponse, status: number, headers: Headers = {}): void {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(status, { "Content-Length": 0, "x-ms-request-id": randomUUID(), ...headers });
  res.end();
}

export class BodyError extends Error {
  readonly status: number;
  readonly code: string;
  constructor(status: number, code: string, message: string) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

export async function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk instanceof Buffer ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > limit) throw new BodyError(413, "RequestEntityTooLarge", "The request body is too large.");
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** Reads an optional JSON body; an empty body is `undefined`. */
export async function readJson(req: IncomingMessage): Promise<unknown> {
  const text = await readBody(req);
  if (text.trim() === "") return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new BodyError(400, "BadRequest", "The request body is not valid JSON.");
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The base URL a client used to reach us (so discovery documents match the authority it
 * configured, e.g. localhost vs 127.0.0.1). Falls back to the listening URL.
 */
export function requestBaseUrl(req: IncomingMessage, fallback: string): string {
  const host = req.headers.host;
  if (host !== undefined && /^[A-Za-z0-9.\-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/.test(host)) {
    return `https://${host}`;
  }
  return fallback;
}

/** The bearer token of a request's Authorization header, or "" when there is none. */
export function bearerToken(req: IncomingMessage): string {
  const auth = req.headers.authorization;
  return auth !== undefined && /^bearer\s+/i.test(auth) ? auth.replace(/^bearer\s+/i, "").trim() : "";
}
