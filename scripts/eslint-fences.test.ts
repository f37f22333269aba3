/**
 * The house's fences (eslint.config.mjs), checked the way a newcomer would break them: a
 * component that imports app/, client code that imports server code, app code that imports
 * the emulator or test support. Each must fail the lint with the fence's message; the same
 * file without the import must pass.
 */
import path from "node:path";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "..");
const eslint = new ESLint({ cwd: root });

async function fenceMessages(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, filePath) });
  return (result?.messages ?? []).filter((m) => m.ruleId === "no-restricted-imports").map((m) => m.message);
}

describe("the fences between where code runs", { timeout: 60_000 }, () => {
  it.each([
    ["components/offers/fence-probe.tsx", 'import { Providers } from "@/app/layout";', /never import app\//],
    ["components/offers/fence-probe.tsx", 'import { x } from "../../app/page";', /never import app\//],
    ["lib/fence-probe.ts", 'import { getServices } from "@/lib/server/services";', /never import server code/],
    ["components/status/fence-probe.tsx", 'import { x } from "../../lib/server/errors";', /never import server code/],
    ["lib/fence-probe.ts", 'import { startEmulator } from "@/emulator/server";', /never imports the emulator/],
    ["app/api/fence-probe.ts", 'import { startEmulator } from "../../emulator/server";', /never imports the emulator/],
    ["lib/server/fence-probe.ts", 'import { startHarness } from "./testing/emulator-harness";', /test support/],
  ])("%s: %s fails the lint", async (file, line, message) => {
    const messages = await fenceMessages(file, `${line}\n\nexport const probe = 1;\n`);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(message);
  });

  it("lets each side import what it may", async () => {
    expect(
      await fenceMessages("components/offers/fence-probe.tsx", 'import { queries } from "@/lib/queries";\n'),
    ).toEqual([]);
    expect(
      await fenceMessages("app/api/fence-probe.ts", 'import { getServices } from "@/lib/server/services";\n'),
    ).toEqual([]);
    expect(
      await fenceMessages(
        "lib/server/store/fence-probe.test.ts",
        'import { startHarness } from "../testing/emulator-harness";\n',
      ),
    ).toEqual([]);
  });
});
