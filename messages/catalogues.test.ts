import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";

import { LOCALES } from "@/i18n/locales";

import { CATALOGUES } from "./index";

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(name, value);
    else for (const [k, v] of flatten(value, name)) out.set(k, v);
  }
  return out;
}

/** The ICU arguments a message uses ({name}, {count, plural, …}); `#` is plural's own. */
function argumentsOf(message: string): string[] {
  const names = new Set<string>();
  for (const match of message.matchAll(/\{\s*([A-Za-z_][\w]*)\s*(?:,|\})/g)) names.add(match[1]!);
  return [...names].sort();
}

const en = flatten(CATALOGUES.en as unknown as Tree);
const zh = flatten(CATALOGUES["zh-TW"] as unknown as Tree);

/**
 * Words that are the same in both languages: product and platform names, units and codes
 * the portal itself leaves in English. Anything else equal to its English is untranslated.
 */
const SAME_IN_BOTH = /^(SaaS|Azure|IoT Edge|OK|ID|API|URL|JSON|HTTP|%s · |\{[^}]*\}|[\s\d{}%#·–—→…():/|,.+-]*)$/;

describe("message catalogues", () => {
  it("have the same keys in every language", () => {
    for (const locale of LOCALES) {
      const keys = [...flatten(CATALOGUES[locale] as unknown as Tree).keys()].sort();
      expect(keys, locale).toEqual([...en.keys()].sort());
    }
  });

  it("use the same arguments in every language", () => {
    for (const [key, english] of en) expect(argumentsOf(zh.get(key) ?? ""), key).toEqual(argumentsOf(english));
  });

  it("fill in every argument they name (an ICU quote like '{role}' would print the braces)", () => {
    for (const locale of LOCALES) {
      const t = createTranslator({ locale, messages: CATALOGUES[locale] }) as unknown as {
        markup: (key: string, values: Record<string, unknown>) => string;
      };
      for (const [key, message] of flatten(CATALOGUES[locale] as unknown as Tree)) {
        const args = argumentsOf(message);
        const values: Record<string, unknown> = Object.fromEntries(args.map((a) => [a, 7]));
        for (const tag of message.matchAll(/<([A-Za-z]\w*)>/g)) values[tag[1]!] = (chunks: string) => chunks;
        const text = t.markup(key, values);
        for (const arg of args) expect(text, `${locale} ${key}`).not.toContain(`{${arg}`);
      }
    }
  });

  it("have no empty messages", () => {
    for (const [key, value] of [...en, ...zh]) expect(value.trim(), key).not.toBe("");
  });

  it("translate every English message into Traditional Chinese", () => {
    const untranslated = [...zh]
      .filter(([key, value]) => value === en.get(key) && !SAME_IN_BOTH.test(value))
      .map(([key]) => key);
    expect(untranslated).toEqual([]);
  });

  it("say sign-off (簽核), never the portal's sign-out slip (登出), for the sign-off wait", () => {
    expect(zh.get("vocabulary.indicator.awaitingSignoff")).toBe("正在等待發行者簽核");
    const slips = [...zh].filter(([, value]) => value.includes("發行者登出")).map(([key]) => key);
    expect(slips).toEqual([]);
  });

  it("keep the portal's words for the offer indicators", () => {
    expect(zh.get("vocabulary.indicator.publishing")).toBe("正在發行");
    expect(zh.get("vocabulary.indicator.failed")).toBe("發行失敗");
    expect(zh.get("vocabulary.indicator.canceled")).toBe("發行已取消");
    expect(zh.get("vocabulary.indicator.live")).toBe("已上線");
    expect(zh.get("vocabulary.indicator.delisted")).toBe("取消列入");
  });
});

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return sources(file);
    return /\.tsx$/.test(name) && !/\.test\.tsx$/.test(name) ? [file] : [];
  });
}

describe("components", () => {
  // Text children are checked by ESLint (react/jsx-no-literals); these attributes are words
  // a user reads or hears too, and ESLint's rule cannot tell them from class names.
  const WORDY_ATTRIBUTES =
    /\b(aria-label|aria-description|aria-roledescription|title|placeholder|alt)="([^"]*[A-Za-z][^"]*)"/g;

  it("take every word a user reads or hears from the catalogues", () => {
    const root = path.resolve(import.meta.dirname, "..");
    const found: string[] = [];
    for (const file of [...sources(path.join(root, "components")), ...sources(path.join(root, "app"))]) {
      const text = readFileSync(file, "utf8");
      for (const match of text.matchAll(WORDY_ATTRIBUTES)) {
        found.push(`${path.relative(root, file)}: ${match[1]}="${match[2]}"`);
      }
    }
    expect(found).toEqual([]);
  });
});
