import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, test } from "vitest";
import { createScope } from "../src/index.js";
import { makeTree, tempDir } from "./support/temp.js";

// `containsIgnored` under nested `.claudeignore` files (issue 21): a nested file governs the
// entries below its folder, whether the question starts above it, at it or below it.

function project(entries: string[], files: Record<string, string>) {
  const base = tempDir("scope-nested-");
  const root = path.join(base, "repo");
  makeTree(base, ["home/", ...entries.map((e) => `repo/${e}`)]);
  for (const [at, text] of Object.entries(files)) {
    fs.writeFileSync(path.join(root, at, ".claudeignore"), text);
  }
  const scope = createScope({
    projectRoot: root,
    env: { home: path.join(base, "home"), platform: "linux" },
  });
  return { scope, at: (p: string) => path.join(root, p) };
}

describe("containsIgnored and nested ignore files", () => {
  test("a nested file's pattern counts below its folder, asked from above", () => {
    const { scope, at } = project(["src/a.ts", "sub/deep/a.pem"], {
      "": "/build/\n",
      sub: "*.pem\n",
    });
    expect(scope.containsIgnored(at(""))).toBe(true);
    expect(scope.containsIgnored(at("src"))).toBe(false);
  });

  test("asked at the nested file's own folder", () => {
    const { scope, at } = project(["sub/a.pem", "sub/b.ts"], { "": "/build/\n", sub: "*.pem\n" });
    expect(scope.containsIgnored(at("sub"))).toBe(true);
  });

  test("asked below the nested file's folder: the file above still governs", () => {
    const { scope, at } = project(["sub/deep/er/a.pem", "sub/deep/b.ts", "other/deep/a.pem"], {
      "": "/build/\n",
      sub: "*.pem\n",
    });
    expect(scope.containsIgnored(at("sub/deep"))).toBe(true);
    expect(scope.containsIgnored(at("sub/deep/er"))).toBe(true);
    // The nested file governs only its own folder's tree.
    expect(scope.containsIgnored(at("other/deep"))).toBe(false);
  });

  test("a nested file of negations alone ignores nothing", () => {
    const { scope, at } = project(["sub/a.pem"], { "": "/build/\n", sub: "!*.pem\n" });
    expect(scope.containsIgnored(at("sub"))).toBe(false);
  });
});
