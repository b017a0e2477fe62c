import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, test } from "vitest";
import { createScope, detectCaseSensitive, type FileSystem, nodeFileSystem } from "../src/index.js";
import { makeTree, tempDir } from "./support/temp.js";

/** Does this real folder fold case? Asked of the disk directly, as the oracle. */
function foldsCase(dir: string): boolean {
  const probe = path.join(dir, "CaseProbe");
  fs.writeFileSync(probe, "");
  const folds = fs.existsSync(path.join(dir, "cASEpROBE"));
  fs.rmSync(probe);
  return folds;
}

/**
 * A case-insensitive mount at `mount`, made from a real folder whose names below it are all
 * lower case: every path under it is lower-cased on the way in, which is what such a mount does
 * for lookups. (A real one cannot be created without privileges on Linux; where the temp folder
 * folds case, the last test uses the real thing.)
 */
function foldingFs(mount: string): FileSystem {
  const lower = (p: string) =>
    p.toLowerCase().startsWith(mount.toLowerCase())
      ? mount + p.slice(mount.length).toLowerCase()
      : p;
  return {
    lstat: (p) => nodeFileSystem.lstat(lower(p)),
    realpath: (p) => nodeFileSystem.realpath(lower(p)),
    readdir: (p) => nodeFileSystem.readdir(lower(p)),
    readFile: (p) => nodeFileSystem.readFile(lower(p)),
  };
}

describe("case sensitivity is detected, not assumed", () => {
  test("the temp folder answers as the disk does", () => {
    const dir = tempDir("scope-case-");
    expect(detectCaseSensitive(nodeFileSystem, dir, "linux")).toBe(!foldsCase(dir));
    expect(detectCaseSensitive(nodeFileSystem, dir, "darwin")).toBe(!foldsCase(dir));
  });

  test("a folding mount is detected as case-insensitive", () => {
    const mount = tempDir("scope-case-");
    makeTree(mount, ["project/"]);
    expect(detectCaseSensitive(foldingFs(mount), path.join(mount, "project"), "linux")).toBe(false);
  });

  test("an explicit env.caseSensitive wins over detection", () => {
    const dir = tempDir("scope-case-");
    const scope = createScope({
      projectRoot: dir,
      env: { home: dir, platform: "linux", caseSensitive: false },
    });
    expect(scope.caseSensitive).toBe(false);
  });
});

describe("on a case-insensitive file system", () => {
  const base = tempDir("scope-ci-");
  const root = path.join(base, "repo");
  makeTree(base, [
    "repo/.env",
    "repo/src/a.ts",
    "repo/secrets/k",
    "home/.ssh/id_rsa",
    "repo-evil/x",
  ]);
  fs.writeFileSync(path.join(root, ".claudeignore"), ".env\nsecrets/\n");
  const scope = () =>
    createScope({
      projectRoot: root,
      fs: foldingFs(base),
      env: { home: path.join(base, "home"), platform: "linux" },
    });

  test.each([
    ["mixed-case name of an ignored file", ".ENV", { ignored: true, exists: true }],
    ["mixed-case ignored folder", "Secrets/K", { ignored: true }],
    ["mixed-case spelling of the root", `${base}/REPO/src/a.ts`, { inside: true }],
    ["mixed-case sibling is still outside", `${base}/REPO-EVIL/x`, { inside: false }],
    ["mixed-case credential store", `${base}/home/.SSH/id_rsa`, { credential: true }],
    ["mixed-case system path", "/ETC/passwd", { system: true }],
  ])("%s", (_what, target, expected) => {
    const s = scope();
    expect(s.caseSensitive).toBe(false);
    expect(s.classify(target, root)).toMatchObject(expected);
  });

  test("on a case-sensitive one the same spellings are different files", () => {
    if (foldsCase(base)) return;
    const s = createScope({
      projectRoot: root,
      env: { home: path.join(base, "home"), platform: "linux" },
    });
    expect(s.caseSensitive).toBe(true);
    expect(s.classify(".ENV", root).ignored).toBe(false);
    expect(s.classify(".env", root).ignored).toBe(true);
  });
});

// A real case-insensitive mount exists where the temp folder folds case (macOS, Windows).
const realDir = tempDir("scope-real-ci-");
test.skipIf(!foldsCase(realDir))(
  "a real case-insensitive mount (skipped: none available on this machine)",
  () => {
    makeTree(realDir, ["repo/.env"]);
    const root = path.join(realDir, "repo");
    fs.writeFileSync(path.join(root, ".claudeignore"), ".env\n");
    const s = createScope({
      projectRoot: root,
      env: { home: realDir, platform: process.platform },
    });
    expect(s.caseSensitive).toBe(false);
    expect(s.classify(".ENV", root).ignored).toBe(true);
  },
);
