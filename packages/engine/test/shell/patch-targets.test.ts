import { describe, expect, it } from "vitest";
import { revisionPath } from "../../src/shell/git-paths.js";
import { patchTargets } from "../../src/shell/patch-targets.js";

describe("patchTargets: every name a patch can write", () => {
  it("unified and git headers, after -pN", () => {
    expect(patchTargets("--- a/x\n+++ b/y\nrename to z\n", 1)).toEqual(["x", "y", "z"]);
    expect(
      patchTargets("diff --git a/.claudeignore b/.claudeignore\nold mode 100644\n", 1),
    ).toEqual([".claudeignore"]);
    expect(patchTargets("Index: src/a.ts\n", 0)).toEqual(["src/a.ts"]);
    expect(patchTargets('--- "a/x y"\n+++ "b/x y"\n', 1)).toEqual(["x y"]);
  });

  it("context diffs, without their hunk ranges", () => {
    const text = "*** a/f.c\t2024\n--- b/f.c\t2024\n***************\n*** 1,3 ****\n--- 1,3 ----\n";
    expect(patchTargets(text, 1)).toEqual(["f.c"]);
  });

  it("GNU patch without -p: the whole name and its last component", () => {
    expect(
      patchTargets("--- x/.claude/policy.json\n+++ x/.claude/policy.json\n", undefined),
    ).toEqual(["x/.claude/policy.json", "policy.json"]);
  });

  it("a deletion names the old file; /dev/null is no file", () => {
    expect(patchTargets("--- a/.claudeignore\n+++ /dev/null\n", 1)).toEqual([".claudeignore"]);
  });
});

describe("revisionPath: git's index and revision paths", () => {
  it.each([
    [":.env", ".env"],
    [":0:.env", ".env"],
    [":3:src/a.ts", "src/a.ts"],
    ["HEAD:.env", ".env"],
    ["HEAD~1:config/", "config/"],
    ["HEAD@{1}:x", "x"],
    ["main^{tree}:x", "x"],
    ["HEAD@{2 days ago}:x", "x"],
    ["HEAD:./x", "./x"],
    ["HEAD:", ""],
    [":(top).env", ".env"],
    [":!secrets", "secrets"],
    [":/fix", "fix"],
  ])("%s names %j", (word, path) => {
    expect(revisionPath(word)).toBe(path);
  });

  it.each([
    "HEAD",
    "main..dev",
    "--stat",
    "git@github.com:a/b.git",
    "https://x.com/a:b",
    "a b:c",
    "",
  ])("%j names no path", (word) => {
    expect(revisionPath(word)).toBeUndefined();
  });
});
