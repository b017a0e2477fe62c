import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, test } from "vitest";
import { createScope } from "../src/index.js";
import { makeTree, tempDir } from "./support/temp.js";

function project(maxContainsEntries?: number) {
  const base = tempDir("scope-budget-");
  const root = path.join(base, "repo");
  const entries = Array.from({ length: 60 }, (_, i) => `repo/pkg${i % 6}/lib/f${i}.js`);
  makeTree(base, ["home/", ...entries]);
  fs.writeFileSync(path.join(root, ".claudeignore"), ".env\n");
  const scope = createScope({
    projectRoot: root,
    env: { home: path.join(base, "home"), platform: "linux" },
    ...(maxContainsEntries === undefined ? {} : { maxContainsEntries }),
  });
  return { root, scope };
}

describe("containsIgnored budget", () => {
  test("within the budget a clean tree is clean", () => {
    const { root, scope } = project(1_000);
    expect(scope.containsAnswer(root)).toEqual({ kind: "clean" });
    expect(scope.containsIgnored(root)).toBe(false);
  });

  test("past the entry budget the answer is 'too large', counted as holding ignored paths", () => {
    const { root, scope } = project(20);
    const answer = scope.containsAnswer(root);
    expect(answer.kind).toBe("too-large");
    expect(answer.kind === "too-large" && answer.entries).toBe(21);
    expect(scope.containsIgnored(root)).toBe(true);
    // Asked again: still too large, never a cached "clean" for a folder left half walked.
    expect(scope.containsAnswer(root).kind).toBe("too-large");
    expect(scope.containsIgnored(path.join(root, "pkg0"))).toBe(false);
  });

  test("an ignored file found is 'ignored', not 'too large'", () => {
    const { root, scope } = project(1_000);
    fs.writeFileSync(path.join(root, "pkg3", "lib", ".env"), "x");
    expect(scope.containsAnswer(root)).toEqual({ kind: "ignored" });
  });
});
