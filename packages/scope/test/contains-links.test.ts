import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, test } from "vitest";
import { createScope } from "../src/index.js";
import { makeTree, tempDir } from "./support/temp.js";

// How `containsIgnored` treats symbolic links met during its walk (issue 21): a link counts by
// its own name (as written) and by what it leads to, and the walk never descends through it.

function project(entries: string[], ignore: string, links: Array<[string, string]>) {
  const base = tempDir("scope-links-");
  const root = path.join(base, "repo");
  makeTree(base, [
    "home/",
    "outside/plain.txt",
    "outside/server.key",
    ...entries.map((e) => `repo/${e}`),
  ]);
  fs.writeFileSync(path.join(root, ".claudeignore"), ignore);
  for (const [link, target] of links) fs.symlinkSync(target, path.join(root, link));
  const scope = createScope({
    projectRoot: root,
    env: { home: path.join(base, "home"), platform: "linux" },
  });
  return { root, scope, at: (p: string) => path.join(root, p) };
}

describe("containsIgnored and symbolic links", () => {
  test("a link whose own name is ignored counts, though it leads to a clean file", () => {
    const { root, scope, at } = project(["src/a.ts"], "*.secret\n", [["src/token.secret", "a.ts"]]);
    expect(scope.containsIgnored(at("src"))).toBe(true);
    expect(scope.containsIgnored(root)).toBe(true);
  });

  test("a link named as an ignored folder counts when it leads to a clean folder", () => {
    const { scope, at } = project(["src/a.ts", "lib/b.ts"], "cache/\n", [["src/cache", "../lib"]]);
    expect(scope.containsIgnored(at("src"))).toBe(true);
    expect(scope.containsIgnored(at("lib"))).toBe(false);
  });

  test("a link to a file named as a folder pattern does not count (the pattern needs a folder)", () => {
    const { scope, at } = project(["src/a.ts"], "build/\n", [["src/build", "a.ts"]]);
    expect(scope.containsIgnored(at("src"))).toBe(false);
  });

  test("a dangling link named as an ignored folder counts: it may become one", () => {
    const { scope, at } = project(["src/a.ts", "docs/x.md"], "build/\n", [
      ["src/build", "../nowhere"],
      ["docs/other", "../nowhere"],
    ]);
    expect(scope.containsIgnored(at("src"))).toBe(true);
    expect(scope.containsIgnored(at("docs"))).toBe(false);
  });

  test("a link to an ignored file elsewhere in the project counts", () => {
    const { scope, at } = project(["src/a.ts", "conf/prod.key"], "/conf/*.key\n", [
      ["src/alias", "../conf/prod.key"],
    ]);
    expect(scope.containsIgnored(at("src"))).toBe(true);
  });

  test("a link to a clean folder that holds an ignored file counts", () => {
    const { scope, at } = project(
      ["src/a.ts", "vault/inner/x.key", "docs/y.md"],
      "/vault/**/*.key\n",
      [
        ["src/alias", "../vault"],
        ["docs/alias", "../src"],
      ],
    );
    expect(scope.containsIgnored(at("src"))).toBe(true);
    // docs → src → vault: followed from link to link.
    expect(scope.containsIgnored(at("docs"))).toBe(true);
  });

  test("a link to a clean folder with nothing ignored in it does not count", () => {
    const { scope, at } = project(["src/a.ts", "lib/b.ts", "conf/prod.key"], "/conf/*.key\n", [
      ["src/alias", "../lib"],
    ]);
    expect(scope.containsIgnored(at("src"))).toBe(false);
  });

  test("a link to the project root counts when the root holds an ignored path", () => {
    const { scope, at } = project(["src/a.ts", ".env"], "/.env\n", [["src/up", ".."]]);
    expect(scope.containsIgnored(at("src"))).toBe(true);
  });

  test("a link to the project root does not count when nothing is ignored", () => {
    const { scope, at } = project(["src/a.ts", "docs/b.md"], "/.env\n", [["src/up", ".."]]);
    expect(scope.containsIgnored(at("src"))).toBe(false);
  });

  test("a link out of the project does not count (outside is not the project's ignore file's)", () => {
    const { scope, at } = project(["src/a.ts"], "*.key\n", [["src/out", "../../outside"]]);
    expect(scope.containsIgnored(at("src"))).toBe(false);
  });

  test("a link cycle ends, with the right answer either way", () => {
    const clean = project(["a/x.ts", "b/y.ts"], "*.key\n", [
      ["a/to-b", "../b"],
      ["b/to-a", "../a"],
    ]);
    expect(clean.scope.containsIgnored(clean.at("a"))).toBe(false);
    const dirty = project(["a/x.ts", "b/y.key"], "*.key\n", [
      ["a/to-b", "../b"],
      ["b/to-a", "../a"],
    ]);
    expect(dirty.scope.containsIgnored(dirty.at("a"))).toBe(true);
  });
});
