import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root (bench/support → ../..). */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

/** Input of a child runner travels in this variable as JSON; its result is the last stdout line. */
export const CHILD_INPUT_VAR = "BENCH_CHILD_INPUT";

/** Starts a TypeScript entry of bench/ in its own Node process (through tsx). */
export function spawnTs(file: string, env: NodeJS.ProcessEnv, input?: unknown): ChildProcess {
  return spawn(process.execPath, ["--import", "tsx", path.join(ROOT, file)], {
    cwd: ROOT,
    env: { ...env, ...(input === undefined ? {} : { [CHILD_INPUT_VAR]: JSON.stringify(input) }) },
    stdio: ["ignore", "pipe", "pipe"],
  });
}

/**
 * Runs a child runner to its end and parses the JSON it prints last. Load generators run in
 * their own process so they do not share an event loop with what they measure.
 */
export async function runTsJson<T>(
  file: string,
  input: unknown,
  env: NodeJS.ProcessEnv = process.env,
  timeoutMs = 120_000,
): Promise<T> {
  const child = spawnTs(file, env, input);
  let stdout = "";
  let stderr = "";
  child.stdout?.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
  const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
  clearTimeout(timer);
  const last = stdout.trim().split("\n").pop() ?? "";
  if (code !== 0) throw new Error(`${file} exited with ${code}: ${(stderr || last).trim().slice(-500)}`);
  try {
    return JSON.parse(last) as T;
  } catch {
    throw new Error(`${file} printed no JSON result: ${last.slice(0, 200)}`);
  }
}

/** Reads the input a parent passed with runTsJson. */
export function readChildInput<T>(): T {
  const raw = process.env[CHILD_INPUT_VAR];
  if (!raw) throw new Error(`${CHILD_INPUT_VAR} is not set: this file is started by bench/run.ts`);
  return JSON.parse(raw) as T;
}

/** A child runner's result: one JSON line on stdout. */
export function writeChildResult(result: unknown): void {
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
