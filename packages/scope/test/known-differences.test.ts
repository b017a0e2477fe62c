import * as fs from "node:fs";
import * as path from "node:path";
import ignore from "ignore";
import { describe, expect, test } from "vitest";
import { createScope } from "../src/index.js";
import { gitCheckIgnore, gitInit } from "./support/git.js";
import { makeTree, tempDir } from "./support/temp.js";

// Each difference `ignore`'s README lists, with the file it is tried on and git's answer.
// Real git decides; the literal answer documents it, and plain `ignore` is shown to differ.
const cases: Array<[string, string, string, boolean, boolean]> = [
  // [why, pattern, path, ignoreCase, git's answer]
  ["a `**` run after a literal prefix", "a**/b", "axy/z/b", false, true],
  ["... also with nothing between", "a**/b", "ab", false, true],
  ["a globstar before an escaped slash", "**\\/b", "x/y/b", false, true],
  ["... which needs at least one folder", "x/**\\/b", "x/b", false, false],
  ["an escaped slash before a globstar", "x\\/**/b", "x/y/z/b", false, true],
  ["an escaped slash anchors", "a\\/b", "z/a/b", false, false],
  ["`?` is one byte to git", "x?y", "x\u00e9y", false, false],
  ["two `?` for a two-byte character", "x??y", "x\u00e9y", false, true],
  ["a range is over bytes", "m[\u00c0-\u00c8]n", "m\u00c1n", false, false],
  ["case folds for ASCII only", "\u00c9.txt", "\u00e9.txt", true, false],
  ["ASCII case folds with core.ignoreCase", "README.MD", "readme.md", true, true],
  ["no folding on a case-sensitive file system", "README.MD", "readme.md", false, false],
  ["an escaped trailing space is kept", "a\\ ", "a ", false, true],
  ["unescaped trailing spaces are trimmed", "a   ", "a", false, true],
];

describe("the differences between ignore and git, settled as git does", () => {
  test.each(cases)("%s: %s on %s", (_why, pattern, target, ignoreCase, expected) => {
    const base = tempDir("scope-known-");
    const repo = path.join(base, "repo");
    makeTree(repo, [target]);
    gitInit(repo);
    const patternFile = path.join(base, "patterns");
    fs.writeFileSync(patternFile, `${pattern}\n`);
    const [git] = gitCheckIgnore(repo, patternFile, [target], ignoreCase);
    expect(git).toBe(expected);
    const scope = createScope({
      projectRoot: repo,
      ignoreFile: patternFile,
      env: { home: base, platform: "linux", caseSensitive: !ignoreCase },
    });
    expect(scope.classify(target, repo).ignored).toBe(expected);
  });

  // If this count drops, a newer `ignore` fixed some and the matching rewrite can go.
  test("plain ignore() gets 8 of these wrong", () => {
    const wrong = cases.filter(
      ([, pattern, target, ignoreCase, expected]) =>
        ignore({ ignorecase: ignoreCase }).add(pattern).ignores(target) !== expected,
    );
    console.log(
      `plain ignore() wrong on ${wrong.length} of ${cases.length}: ${wrong.map((c) => c[1]).join(", ")}`,
    );
    expect(wrong.length).toBe(8);
  });
});

describe("additional directories", () => {
  test("count as inside; their neighbours do not", () => {
    const base = tempDir("scope-extra-");
    makeTree(base, ["repo/a", "shared/b", "shared-evil/c"]);
    const scope = createScope({
      projectRoot: path.join(base, "repo"),
      additionalDirectories: ["../shared"],
      env: { home: base, platform: "linux" },
    });
    expect(scope.classify("../shared/b", path.join(base, "repo")).inside).toBe(true);
    expect(scope.classify("../shared/new/x", path.join(base, "repo")).inside).toBe(true);
    expect(scope.classify("../shared-evil/c", path.join(base, "repo")).inside).toBe(false);
    // The project's ignore file does not reach into them.
    expect(scope.classify("../shared/b", path.join(base, "repo")).ignored).toBe(false);
  });
});
