import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root (bench/support → ../..). */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

/**
 * A child runner's input is a JSON file named by this variable (inputs such as 5,000 paths
 * are too large for the environment); its result is the last line it prints.
 */
export const CHILD_INPUT_VAR = "BENCH_CHILD_INPUT_FILE";

/**
 * Node flags for a runner that imports the app's server modules (`lib/server/**`): they start
 * with `import "server-only"`, which resolves to an empty module only under React's server
 * condition, as in the built app.
 */
export const SERVER_MODULE_ARGS: readonly string[] = ["--conditions=react-server"];

/** Starts a TypeScript entry of bench/ in its own Node process (through tsx). */
export function spawnTs(
  file: string,
  env: NodeJS.ProcessEnv,
  input?: unknown,
  nodeArgs: readonly string[] = [],
): ChildProcess {
  let dir: string | undefined;
  const extra: Record<string, string> = {};
  if (input !== undefined) {
    dir = mkdtempSync(path.join(os.tmpdir(), "bench-"));
    const inputFile = path.join(dir, "input.json");
    writeFileSync(inputFile, JSON.stringify(input));
    extra[CHILD_INPUT_VAR] = inputFile;
  }
  const child = spawn(process.execPath, [...nodeArgs, "--import", "tsx", path.join(ROOT, file)], {
    cwd: ROOT,
    env: { ...env, ...extra },
    stdio: ["ignore", "pipe", "pipe"],
  });
  if (dir !== undefined) {
    const remove = () => rmSync(dir, { recursive: true, force: true });
    child.once("exit", remove);
    child.once("error", remove);
  }
  return child;
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
  nodeArgs: readonly string[] = [],
): Promise<T> {
  const child = spawnTs(file, env, input, nodeArgs);
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
  const file = process.env[CHILD_INPUT_VAR];
  if (!file) throw new Error(`${CHILD_INPUT_VAR} is not set: this file is started by bench/run.ts`);
  return JSON.parse(readFileSync(file, "utf8")) as T;
}

/** A child runner's result: one JSON line on stdout. */
export function writeChildResult(result: unknown): void {
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
