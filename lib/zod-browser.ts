import { z } from "zod";

/**
 * Zod 4 probes for eval (`new Function`) when an object schema is built, to compile faster
 * parsers. Our CSP allows no eval, so in the browser that probe is blocked and reported as a
 * violation on every page: parse without it there (the server keeps the compiled parsers).
 * A module that builds object schemas for the browser imports this first.
 */
if (typeof window !== "undefined") z.config({ jitless: true });
