import { readFileSync } from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { parseEnv } from "@/lib/env";

/** `.env.example` lists every variable of README's configuration table, with its default. */

const root = path.resolve(import.meta.dirname, "..");
const readme = readFileSync(path.join(root, "README.md"), "utf8");
const example = readFileSync(path.join(root, ".env.example"), "utf8");

/** README's table: variable → its default column, as written. */
function configurationTable(): Map<string, string> {
  const section = readme.split("## Configuration")[1]?.split("\n### ")[0] ?? "";
  const rows = new Map<string, string>();
  for (const line of section.split("\n")) {
    const match = /^\|\s*`([A-Z0-9_]+)`\s*\|\s*(.*?)\s*\|/.exec(line);
    if (match) rows.set(match[1]!, match[2]!);
  }
  return rows;
}

/** `.env.example`'s assignments, commented or not: variable → value. */
function exampleValues(): Map<string, string> {
  const values = new Map<string, string>();
  for (const line of example.split("\n")) {
    const match = /^#?\s?([A-Z][A-Z0-9_]*)=(.*)$/.exec(line);
    if (match) values.set(match[1]!, match[2]!);
  }
  return values;
}

describe(".env.example", () => {
  const table = configurationTable();
  const values = exampleValues();

  it("lists exactly the variables of the configuration table", () => {
    expect(table.size).toBeGreaterThan(20);
    expect([...values.keys()].sort()).toEqual([...table.keys()].sort());
  });

  it("gives each variable the table's default", () => {
    for (const [name, documented] of table) {
      const literal = /^`([^`]*)`/.exec(documented)?.[1];
      const expected = literal?.replace("${PORT}", "3000") ?? "";
      expect(values.get(name), name).toBe(expected);
    }
  });

  it("changes nothing when its defaults are uncommented", () => {
    const required = {
      AZURE_TENANT_ID: "contoso.onmicrosoft.com",
      AZURE_CLIENT_ID: "00000000-0000-4000-8000-000000000000",
      AZURE_CLIENT_SECRET: "secret",
      SESSION_SECRET: "x".repeat(32),
    };
    const defaults = Object.fromEntries([...values].filter(([, v]) => v !== ""));
    expect(parseEnv({ ...defaults, ...required })).toEqual(parseEnv(required));
  });
});
