import * as fs from "node:fs";
import * as path from "node:path";
import ignore from "ignore";
import { describe, expect, test } from "vitest";
import { createScope } from "../src/index.js";
import { gitCheckIgnore, gitInit } from "./support/git.js";
import { makeTree, tempDir } from "./support/temp.js";

// With core.ignoreCase, git's wildmatch lower-cases the path's character but compares it with a
// bracket's single members as written: `[A]` matches neither `a` nor `A`, while ranges and
// POSIX classes fold both ways. Each case is asked of real git and of scope.

function answers(
  patternText: string,
  entries: readonly string[],
): { git: boolean[]; ours: boolean[]; raw: boolean[] } {
  const base = tempDir("scope-fold-");
  const repo = path.join(base, "repo");
  makeTree(repo, entries);
  gitInit(repo);
  const patternFile = path.join(base, "patterns");
  fs.writeFileSync(patternFile, patternText);
  const paths = entries.map((e) => e.replace(/\/$/, ""));
  const git = gitCheckIgnore(repo, patternFile, paths, true);
  const scope = createScope({
    projectRoot: repo,
    ignoreFile: patternFile,
    env: { home: base, platform: "linux", caseSensitive: false },
  });
  const ours = paths.map((p) => scope.classify(p, repo).ignored);
  const plain = ignore({ ignorecase: true }).add(patternText);
  const raw = entries.map((e) => plain.ignores(e));
  return { git, ours, raw };
}

describe("bracket members under core.ignoreCase, as git folds them", () => {
  // [pattern, path, git's answer]
  const cases: Array<[string, string, boolean]> = [
    ["[A]", "a", false],
    ["[A]", "A", false],
    ["[a]", "A", true],
    ["[\\A]", "a", false],
    ["[!A]", "A", true],
    ["[Z-A]", "Z", false],
    ["[A-C]", "a", true],
    ["[aB]", "B", false],
    ["[A-]", "A", false],
    ["[]A]", "a", false],
    ["[[:upper:]]", "a", true],
    // The seed-925027393 find, shrunk to its one line: `[A]` is why `abc` is not matched.
    ["/[A]**/*/**/", "abc/x/Foo/", false],
  ];

  test.each(cases)("%s on %s", (pattern, target, expected) => {
    const { git, ours } = answers(`${pattern}\n`, [target]);
    expect(git).toEqual([expected]);
    expect(ours).toEqual([expected]);
  });

  test("the pattern file the differential found, on its folder", () => {
    const text =
      "!#\\[/[/\\[[]a]/\r\n/[A]**/*/**/\n#*a  \n\\!??/!D\\/\n\\!#??/bß.ENV/#cb\\/\n\\#*[-ÿ]/  \n\\!!d*/  \n";
    const { git, ours } = answers(text, ["abc/ß/Foo/"]);
    expect(git).toEqual([false]);
    expect(ours).toEqual(git);
  });

  // Every single-character name against brackets mixing members, ranges and classes.
  const names = ["a", "A", "b", "B", "c", "C", "z", "Z", "_", "-", "]", "`"];
  const brackets = [
    "[A]",
    "[Ab]",
    "[!B]",
    "[^Z]",
    "[\\C]",
    "[A-C]",
    "[C-a]",
    "[Z-A]",
    "[a-A]",
    "[A-Z]",
    "[-A]",
    "[A-]",
    "[]B]",
    "[!]A]",
    "[a-b-C]",
    "[[:lower:]B]",
    "[[:upper:]]",
    "[[A]",
    "[\\A-c]",
  ];
  test.each(brackets)("%s agrees with git on every one-letter name", (bracket) => {
    const { git, ours } = answers(`${bracket}\n`, names);
    expect(ours).toEqual(git);
  });

  test("plain ignore() folds upper-case members, which is what is rewritten", () => {
    const { git, ours, raw } = answers("[A]\n[\\B]\n", names);
    expect(ours).toEqual(git);
    expect(raw).not.toEqual(git);
  });
});
