/**
 * Test and bench support: one dashboard as its own process, running the standalone server the
 * build makes (`.next/standalone/server.js`, what `npm start` and the container image run),
 * on loopback with the environment it is given. Startable, stoppable (SIGTERM, as a deploy
 * does) and killable (SIGKILL, as a crash does).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";

import { completeStandalone, standaloneServer } from "../../../scripts/standalone";

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class DashboardProcess {
  protected child: ChildProcess | undefined;
  private output = "";

  constructor(
    readonly name: string,
    readonly port: number,
    private readonly env: NodeJS.ProcessEnv,
  ) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get running(): boolean {
    return this.child !== undefined && this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Starts the server and waits for /api/health (bounded); `extraEnv` is for this process only. */
  async start(extraEnv: Record<string, string> = {}, timeoutMs = 90_000): Promise<void> {
    if (!existsSync(standaloneServer)) throw new Error("No standalone server: run `npm run build` first.");
    completeStandalone();
    this.output = "";
    const child = spawn(process.execPath, [standaloneServer], {
      // As the launcher and the image run it: SIGTERM reaches the dashboard's own clean stop.
      env: { ...this.env, ...extraEnv, PORT: String(this.port), HOSTNAME: "127.0.0.1", NEXT_MANUAL_SIG_HANDLE: "true" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    this.child = child;
    const keep = (chunk: Buffer) => {
      this.output = (this.output + chunk.toString()).slice(-8_000);
    };
    child.stdout?.on("data", keep);
    child.stderr?.on("data", keep);
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`${this.name} exited with ${child.exitCode}: ${this.output.trim()}`);
      try {
        const res = await fetch(`${this.url}/api/health`);
        if (res.ok) return;
      } catch {
        // not listening yet
      }
      await sleep(200);
    }
    throw new Error(`${this.name} did not answer /api/health within ${timeoutMs / 1000} s: ${this.output.trim()}`);
  }

  /** A clean stop (SIGTERM), forced after 5 s. */
  async stop(): Promise<void> {
    await this.end("SIGTERM");
  }

  /** A crash: SIGKILL, no chance to hand anything over. */
  async kill(): Promise<void> {
    await this.end("SIGKILL");
  }

  private async end(signal: NodeJS.Signals): Promise<void> {
    const child = this.child;
    if (!child || !this.running) return;
    const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
    child.kill(signal);
    await Promise.race([exited, sleep(5_000).then(() => void child.kill("SIGKILL"))]);
    await exited;
  }

  async restart(extraEnv: Record<string, string> = {}): Promise<void> {
    await this.stop();
    await this.start(extraEnv);
  }

  /** Recent output of the server (for error messages). */
  get log(): string {
    return this.output;
  }

  /** The server's process id (the standalone server serves in the process it was started as). */
  serverPid(): number {
    const pid = this.child?.pid;
    if (pid === undefined) throw new Error(`${this.name} is not running`);
    return pid;
  }
}
