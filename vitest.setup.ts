import { vi } from "vitest";

// `server-only` throws outside React's server condition; route handlers and lib/server are
// exercised directly under Vitest.
vi.mock("server-only", () => ({}));
