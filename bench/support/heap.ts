import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";

import type { BenchApp } from "./app";
import { sleep } from "./child";

/**
 * The live JavaScript heap of a dashboard process, after a full GC: the server is started
 * with `--heapsnapshot-signal`, and a snapshot (which collects first) is summed. RSS alone
 * cannot tell what is kept from what V8 reserved and has not given back.
 */
export class HeapProbe {
  readonly dir = mkdtempSync(path.join(os.tmpdir(), "bench-heap-"));

  /** Environment for the process to probe. */
  get env(): Record<string, string> {
    const options = [process.env.NODE_OPTIONS, "--heapsnapshot-signal=SIGUSR2", `--diagnostic-dir=${this.dir}`];
    return { NODE_OPTIONS: options.filter(Boolean).join(" ") };
  }

  /** Live heap in MiB (a snapshot takes a few seconds and pauses the server meanwhile). */
  async liveMiB(app: BenchApp): Promise<number> {
    const before = new Set(readdirSync(this.dir));
    process.kill(app.serverPid(), "SIGUSR2");
    const deadline = Date.now() + 120_000;
    let file: string | undefined;
    let size = -1;
    while (Date.now() < deadline) {
      await sleep(500);
      file ??= readdirSync(this.dir).find((f) => !before.has(f) && f.endsWith(".heapsnapshot"));
      if (!file) continue;
      // Written in one go and closed: done once its size holds still and it parses.
      const now = statSync(path.join(this.dir, file)).size;
      if (now > 0 && now === size) {
        let live: number | undefined;
        try {
          live = selfSizeMiB(readFileSync(path.join(this.dir, file), "utf8"));
        } catch {
          // not complete yet
        }
        if (live !== undefined) {
          rmSync(path.join(this.dir, file), { force: true });
          return live;
        }
      }
      size = now;
    }
    throw new Error(`no heap snapshot from ${app.name} within 120 s`);
  }

  close(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

function selfSizeMiB(json: string): number {
  const snapshot = JSON.parse(json) as { snapshot: { meta: { node_fields: string[] } }; nodes: number[] };
  const fields = snapshot.snapshot.meta.node_fields;
  const stride = fields.length;
  const at = fields.indexOf("self_size");
  let total = 0;
  for (let i = at; i < snapshot.nodes.length; i += stride) total += snapshot.nodes[i] ?? 0;
  return total / 1024 / 1024;
}
