import "server-only";

import { getEnv, type ServerEnv } from "@/lib/env";

import { createCpp, type Cpp } from "./cpp";
import { createTokenProvider, type TokenProvider } from "./token";

/**
 * The process-wide services: one token provider (one MSAL application and its cache) and
 * one adapter (one coalescer), created on first use.
 */
interface Services {
  env: ServerEnv;
  tokens: TokenProvider;
  cpp: Cpp;
}

let services: Services | undefined;

export function getServices(): Services {
  if (!services) {
    const env = getEnv();
    const tokens = createTokenProvider(env);
    services = { env, tokens, cpp: createCpp(env, tokens) };
  }
  return services;
}
