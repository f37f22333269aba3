import { describe, expect, it } from "vitest";

import { negotiateLocale, resolveLocale } from "./locales";

describe("negotiateLocale", () => {
  it.each([
    [null, "en"],
    ["", "en"],
    ["zh-TW", "zh-TW"],
    ["zh-tw,zh;q=0.9,en;q=0.8", "zh-TW"],
    ["zh-Hant", "zh-TW"],
    ["zh-Hant-HK", "zh-TW"],
    ["zh-HK", "zh-TW"],
    ["zh_TW", "zh-TW"],
    ["en-GB,en;q=0.9", "en"],
    ["zh-CN,zh;q=0.9,en;q=0.8", "en"],
    ["zh-Hans-TW", "en"],
    ["fr-FR,fr;q=0.9", "en"],
    ["fr-FR,zh-TW;q=0.5,en;q=0.4", "zh-TW"],
    ["en;q=0.3,zh-TW;q=0.7", "zh-TW"],
    ["zh-TW;q=0,en", "en"],
    ["*", "en"],
    ["en;q=abc,zh-TW", "zh-TW"],
  ])("%j → %s", (header, expected) => {
    expect(negotiateLocale(header)).toBe(expected);
  });

  it("keeps the header's order among equal qualities", () => {
    expect(negotiateLocale("en,zh-TW")).toBe("en");
    expect(negotiateLocale("zh-TW,en")).toBe("zh-TW");
  });
});

describe("resolveLocale", () => {
  it("prefers a remembered choice and ignores a forged one", () => {
    expect(resolveLocale("zh-TW", "en")).toBe("zh-TW");
    expect(resolveLocale("en", "zh-TW")).toBe("en");
    expect(resolveLocale("de", "zh-TW")).toBe("zh-TW");
    expect(resolveLocale(undefined, "zh-TW")).toBe("zh-TW");
  });
});
