import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, test } from "vitest";
import { createScope, type FileSystem, nodeFileSystem } from "../src/index.js";
import { makeTree, settle, tempDir } from "./support/temp.js";

/** The real file system, counting how often folders are listed. */
function countingFs(): FileSystem & { readdirs: number } {
  const counted = {
    ...nodeFileSystem,
    readdirs: 0,
    readdir(p: string) {
      counted.readdirs += 1;
      return nodeFileSystem.readdir(p);
    },
  };
  return counted;
}

function project(entries: string[], ignore: string) {
  const base = tempDir("scope-contains-");
  const root = path.join(base, "repo");
  makeTree(base, ["home/", ...entries.map((e) => `repo/${e}`), "outside/file"]);
  fs.writeFileSync(path.join(root, ".claudeignore"), ignore);
  const files = countingFs();
  settle();
  const scope = createScope({
    projectRoot: root,
    fs: files,
    env: { home: path.join(base, "home"), platform: "linux" },
    containsRacyMilliseconds: 20,
  });
  return { base, root, scope, files };
}

describe("containsIgnored", () => {
  test("finds an ignored file anywhere below, and not where there is none", () => {
    const { root, scope } = project(
      ["src/a.ts", "deep/a/b/c/server.key", "docs/readme.md"],
      "*.key\n",
    );
    expect(scope.containsIgnored(root)).toBe(true);
    expect(scope.containsIgnored(path.join(root, "deep/a"))).toBe(true);
    expect(scope.containsIgnored(path.join(root, "src"))).toBe(false);
    expect(scope.containsIgnored(path.join(root, "docs"))).toBe(false);
  });

  test("an ignored folder contains itself", () => {
    const { root, scope } = project(["secrets/", "src/a.ts"], "secrets/\n");
    expect(scope.containsIgnored(path.join(root, "secrets"))).toBe(true);
    expect(scope.containsIgnored(root)).toBe(true);
  });

  test("a negation below an ignored folder cannot re-include (git semantics)", () => {
    const { root, scope } = project(["build/keep.txt"], "build/\n!build/keep.txt\n");
    expect(scope.containsIgnored(path.join(root, "build"))).toBe(true);
  });

  test("a link to an ignored file or folder counts", () => {
    const { root, scope } = project(
      [".env", "src/a.ts", "vault/key", "docs/x.md"],
      "/.env\n/vault/\n",
    );
    fs.symlinkSync(path.join(root, ".env"), path.join(root, "src/env"));
    fs.symlinkSync(path.join(root, "vault"), path.join(root, "docs/v"));
    expect(scope.containsIgnored(path.join(root, "src"))).toBe(true);
    expect(scope.containsIgnored(path.join(root, "docs"))).toBe(true);
  });

  test("a folder above the project holds the project's ignored paths", () => {
    const { base, scope } = project([".env"], ".env\n");
    expect(scope.containsIgnored(base)).toBe(true);
    expect(scope.containsIgnored(path.join(base, "outside"))).toBe(false);
  });

  test("no ignore file, or nothing ignored: false", () => {
    const { root, scope } = project(["src/a.ts"], "# nothing\n");
    expect(scope.containsIgnored(root)).toBe(false);
  });

  test("answers are cached per folder: a second query lists nothing", () => {
    const { root, scope, files } = project(["a/b/c/d/e.txt", "a/x/y.txt", "z.txt"], "*.key\n");
    expect(scope.containsIgnored(root)).toBe(false);
    const first = files.readdirs;
    expect(first).toBeGreaterThan(0);
    expect(scope.containsIgnored(root)).toBe(false);
    expect(scope.containsIgnored(path.join(root, "a/b"))).toBe(false);
    expect(files.readdirs).toBe(first);
  });

  test("a folder no pattern can reach is listed once (for links), then answered from cache", () => {
    const entries = Array.from({ length: 200 }, (_, i) => `src/m${i % 10}/f${i}.ts`);
    const { root, scope, files } = project(entries, "/build/out/\n/config/*.key\n");
    expect(scope.containsIgnored(path.join(root, "src"))).toBe(false);
    expect(files.readdirs).toBe(11);
    expect(scope.containsIgnored(path.join(root, "src/m3"))).toBe(false);
    expect(files.readdirs).toBe(11);
  });

  test("an ignored folder itself is answered without listing anything", () => {
    const entries = Array.from({ length: 50 }, (_, i) => `node_modules/p${i}/index.js`);
    const { root, scope, files } = project(entries, "node_modules/\n");
    expect(scope.containsIgnored(path.join(root, "node_modules/p3"))).toBe(true);
    expect(files.readdirs).toBe(0);
  });

  test("a dangling link named like an ignored folder counts", () => {
    const { root, scope } = project(["src/a.ts"], "cache/\n");
    fs.symlinkSync(path.join(root, "nowhere"), path.join(root, "src/cache"));
    expect(scope.containsIgnored(path.join(root, "src"))).toBe(true);
  });

  test("a relative folder is refused", () => {
    const { scope } = project(["a"], "");
    expect(() => scope.containsIgnored("src")).toThrow(/absolute/);
  });
});
