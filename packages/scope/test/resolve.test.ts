import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, test } from "vitest";
import { createScope } from "../src/index.js";
import { makeTree, tempDir } from "./support/temp.js";

describe("resolve", () => {
  const base = tempDir("scope-resolve-");
  const root = path.join(base, "repo");
  makeTree(base, ["repo/src/a.ts", "repo/dir/", "elsewhere/inner/f"]);
  fs.symlinkSync(path.join(base, "elsewhere"), path.join(root, "ln"));
  fs.symlinkSync("ln/inner", path.join(root, "chain"));
  const scope = createScope({
    projectRoot: root,
    env: { home: path.join(base, "home"), platform: "linux" },
  });

  test("an existing file", () => {
    expect(scope.resolve("src/a.ts", root)).toEqual({
      input: "src/a.ts",
      absolute: path.join(root, "src/a.ts"),
      real: path.join(root, "src/a.ts"),
      exists: true,
      isDirectory: false,
    });
  });

  test("a link to a folder is a folder", () => {
    expect(scope.resolve("ln", root)).toMatchObject({
      real: path.join(base, "elsewhere"),
      isDirectory: true,
    });
  });

  test("a new file: real path of the nearest existing parent plus the rest", () => {
    expect(scope.resolve("chain/new/deeper.txt", root)).toMatchObject({
      absolute: path.join(root, "chain/new/deeper.txt"),
      real: path.join(base, "elsewhere/inner/new/deeper.txt"),
      exists: false,
      isDirectory: false,
    });
  });

  test("`..` after a link climbs from the link's target, as the kernel does", () => {
    expect(scope.resolve("ln/inner/../inner/f", root).real).toBe(
      path.join(base, "elsewhere/inner/f"),
    );
    expect(scope.resolve("chain/..", root).real).toBe(path.join(base, "elsewhere"));
  });

  test("`~` forms expand to the given home only", () => {
    const home = path.join(base, "home");
    expect(scope.resolve("~", root).absolute).toBe(home);
    expect(scope.resolve("~/x", root).absolute).toBe(path.join(home, "x"));
    expect(scope.resolve("$HOME/x", root).absolute).toBe(path.join(home, "x"));
    expect(scope.resolve("~nobody/x", root).absolute).toBe(path.join(root, "~nobody/x"));
    expect(scope.resolve("$HOMEx/y", root).absolute).toBe(path.join(root, "$HOMEx/y"));
  });

  test("the root is reported by its real path", () => {
    const linked = path.join(base, "repo-link");
    fs.symlinkSync(root, linked);
    const viaLink = createScope({ projectRoot: linked, env: { home: base, platform: "linux" } });
    expect(viaLink.root).toBe(root);
    expect(viaLink.classify(path.join(linked, "src/a.ts"), "/").inside).toBe(true);
  });
});
