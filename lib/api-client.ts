import { ApiError, errorEnvelopeSchema } from "@/lib/schemas/api-error";
import type { ApiResponse } from "@/lib/schemas/model";

export { ApiError };

/**
 * The browser's only way to our API: JSON in, the `{ data, fetchedAt }` envelope out, and
 * every failure as an ApiError with our code, so the UI can say why and polling can decide
 * whether to back off or stop. The messages built here are English fallbacks for logs and
 * unknown codes only: the UI words every code in the page's language (useErrorText).
 */
export async function fetchJson<T>(
  path: string,
  init: { method?: "GET" | "POST" | "PUT" | "DELETE"; signal?: AbortSignal; body?: unknown } = {},
): Promise<ApiResponse<T>> {
  let res: Response;
  try {
    res = await fetch(path, {
      method: init.method ?? "GET",
      signal: init.signal,
      headers: {
        Accept: "application/json",
        ...(init.body === undefined ? {} : { "Content-Type": "application/json" }),
      },
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
      cache: "no-store",
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === "AbortError") throw error;
    throw new ApiError(0, "network", "The dashboard's server could not be reached. Check your connection.");
  }
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    // handled below
  }
  if (!res.ok) {
    const parsed = errorEnvelopeSchema.safeParse(body);
    const retryAfterHeader = Number(res.headers.get("Retry-After"));
    if (parsed.success) {
      const { code, message, retryAfterSeconds, args } = parsed.data.error;
      throw new ApiError(
        res.status,
        code,
        message,
        retryAfterSeconds ?? (Number.isFinite(retryAfterHeader) ? retryAfterHeader : undefined),
        args ? { args } : undefined,
      );
    }
    throw new ApiError(res.status, "http_error", `The dashboard's server answered HTTP ${res.status}.`);
  }
  if (!body || typeof body !== "object" || !("data" in body)) {
    throw new ApiError(502, "bad_response", "The dashboard's server sent an unreadable answer.");
  }
  return body as ApiResponse<T>;
}
