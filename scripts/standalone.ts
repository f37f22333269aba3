/**
 * Completes Next's standalone server (`.next/standalone/server.js`, what `npm start`, the tests
 * and the container image run): Next leaves the browser's files (`.next/static`) and `public/`
 * out of it, for a CDN to serve; this dashboard serves them itself, so they are copied in.
 *
 * Run after `next build` (`npm run build` does); the launcher runs it before every start, so a
 * bare `next build` is completed too.
 */
import { cpSync, existsSync, rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const standaloneDir = path.join(repoRoot, ".next", "standalone");
export const standaloneServer = path.join(standaloneDir, "server.js");

export function completeStandalone(root: string = repoRoot): void {
  const target = path.join(root, ".next", "standalone");
  if (!existsSync(path.join(target, "server.js"))) {
    throw new Error("No standalone server in .next/standalone: run `npm run build` first.");
  }
  const copies: Array<[string, string]> = [
    [path.join(root, ".next", "static"), path.join(target, ".next", "static")],
    [path.join(root, "public"), path.join(target, "public")],
  ];
  for (const [from, to] of copies) {
    rmSync(to, { recursive: true, force: true });
    cpSync(from, to, { recursive: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  completeStandalone();
  process.stdout.write("Standalone server completed: .next/standalone (static files and public/ copied in).\n");
}
