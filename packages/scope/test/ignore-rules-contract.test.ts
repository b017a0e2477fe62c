// @ts-nocheck
import { describe, expect, test } from "vitest";
import { IgnoreRules } from "../src/index.js";

// IgnoreRules' own contract, as its users (the engine, the linter) consume it (issue 21).

describe("IgnoreRules.canMatchBelow", () => {
  test("a floating pattern (no slash) can match below any folder", () => {
    const rules = IgnoreRules.fromText("*.key\n", false);
    expect(rules.canMatchBelow("")).toBe(true);
    expect(rules.canMatchBelow("src/deep/er")).toBe(true);
  });

  test("a floating negation alone cannot: a file of negations ignores nothing", () => {
    const rules = IgnoreRules.fromText("!*.key\n", false);
    expect(rules.hasPositive).toBe(false);
    expect(rules.canMatchBelow("")).toBe(false);
    expect(rules.canMatchBelow("src")).toBe(false);
  });

  test("an anchored pattern can match only on the way to or below its literal start", () => {
    const rules = IgnoreRules.fromText("/docs/private/*.md\n", false);
    expect(rules.canMatchBelow("")).toBe(true);
    expect(rules.canMatchBelow("docs")).toBe(true);
    expect(rules.canMatchBelow("docs/private")).toBe(true);
    expect(rules.canMatchBelow("docs/private/old")).toBe(true);
    expect(rules.canMatchBelow("docs/public")).toBe(false);
    expect(rules.canMatchBelow("src")).toBe(false);
    // A folder is a whole name: `docsx` is not on the way to `docs/`.
    expect(rules.canMatchBelow("docsx")).toBe(false);
  });

  test("an anchored negation does not make a folder matchable", () => {
    const rules = IgnoreRules.fromText("/vault/\n!/src/keep\n", false);
    expect(rules.canMatchBelow("vault")).toBe(true);
    expect(rules.canMatchBelow("src")).toBe(false);
  });

  test("an anchored pattern's start folds case only where names fold", () => {
    expect(IgnoreRules.fromText("/Vault/*.key\n", true).canMatchBelow("vault")).toBe(true);
    expect(IgnoreRules.fromText("/vault/*.key\n", true).canMatchBelow("VAULT")).toBe(true);
    expect(IgnoreRules.fromText("/Vault/*.key\n", false).canMatchBelow("vault")).toBe(false);
  });

  test("a file with one positive pattern among negations has a positive", () => {
    expect(IgnoreRules.fromText("!keep.key\n*.key\n!other.key\n", false).hasPositive).toBe(true);
  });

  test("an empty file can match nothing", () => {
    const rules = IgnoreRules.fromText("# only a comment\n\n", false);
    expect(rules.isEmpty).toBe(true);
    expect(rules.canMatchBelow("")).toBe(false);
  });
});

describe("IgnoreRules.ignores", () => {
  test("files and folders are answered apart, whichever is asked first", () => {
    const rules = IgnoreRules.fromText("build/\n", false);
    expect(rules.ignores("build", false)).toBe(false);
    expect(rules.ignores("build", true)).toBe(true);
    expect(rules.ignores("build", false)).toBe(false);
    const other = IgnoreRules.fromText("build/\n", false);
    expect(other.ignores("build", true)).toBe(true);
    expect(other.ignores("build", false)).toBe(false);
  });

  test("paths are matched on their UTF-8 bytes, as git does", () => {
    const rules = IgnoreRules.fromText("caf?\nna??ve\n", false);
    // `é` is two bytes: one `?` is not enough, two are.
    expect(rules.ignores("café", false)).toBe(false);
    expect(IgnoreRules.fromText("caf??\n", false).ignores("café", false)).toBe(true);
    expect(rules.ignores("naïve", false)).toBe(true);
    expect(rules.ignores("cafe", false)).toBe(true);
  });

  test("case folds for ASCII only, never inside a multi-byte character", () => {
    // `é?` is the bytes C3 A9 and one more; `㩀` is E3 A9 80. Folding byte C3 as Latin-1 `Ã`
    // would make it match `ã` (E3): git folds ASCII letters only.
    const rules = IgnoreRules.fromText("é?\n", true);
    expect(rules.ignores("éa", false)).toBe(true);
    expect(rules.ignores("ÉA", false)).toBe(false);
    expect(rules.ignores("㩀", false)).toBe(false);
    expect(IgnoreRules.fromText("SECRET.txt\n", true).ignores("secret.TXT", false)).toBe(true);
  });
});

describe("IgnoreRules.exact", () => {
  test("answers for the path alone: 1 ignored, -1 re-included, 0 no pattern", () => {
    const rules = IgnoreRules.fromText("build/\n!build/keep.txt\n*.log\n", false);
    expect(rules.exact("build", true)).toBe(1);
    expect(rules.exact("build/keep.txt", false)).toBe(-1);
    // The parent folder is not consulted: nothing matches this path itself.
    expect(rules.exact("build/other.txt", false)).toBe(0);
    expect(rules.exact("a.log", false)).toBe(1);
    expect(rules.exact("build", false)).toBe(0);
    expect(rules.exact("café.log", false)).toBe(1);
  });
});
