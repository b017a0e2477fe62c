import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, test } from "vitest";
import { createScope, ScopeError } from "../src/index.js";
import { makeTree, tempDir } from "./support/temp.js";

describe("matcher (policy rule paths)", () => {
  const base = tempDir("scope-matcher-");
  const root = path.join(base, "repo");
  makeTree(base, [
    "repo/db/migrations/001.sql",
    "repo/db/seed.sql",
    "repo/sub/pnpm-lock.yaml",
    "shared/db/migrations/x.sql",
  ]);
  fs.symlinkSync(path.join(root, "db/migrations"), path.join(root, "m"));
  const scope = createScope({
    projectRoot: root,
    env: { home: path.join(base, "home"), platform: "linux" },
  });
  const match = (patterns: string[], target: string) =>
    scope.matcher(patterns).matches(scope.resolve(target, root));

  test.each([
    [["db/migrations/**"], "db/migrations/001.sql", true],
    [["db/migrations/**"], "db/migrations/002-new.sql", true],
    [["db/migrations/**"], "db/seed.sql", false],
    [["db/migrations/"], "db/migrations/001.sql", true],
    [["pnpm-lock.yaml"], "sub/pnpm-lock.yaml", true],
    [["/pnpm-lock.yaml"], "sub/pnpm-lock.yaml", false],
    [["*.sql", "!seed.sql"], "db/seed.sql", false],
    [["*.sql", "!seed.sql"], "db/migrations/001.sql", true],
    [["db/migrations/**"], "m/001.sql", true],
    [["db/migrations/**"], "../shared/db/migrations/x.sql", false],
    [["DB/**"], "db/seed.sql", false],
  ])("%j on %s → %s", (patterns, target, expected) => {
    expect(match(patterns, target)).toBe(expected);
  });

  test("one entry is one pattern, even with a newline in it", () => {
    expect(match(["nothing\ndb/seed.sql"], "db/seed.sql")).toBe(false);
  });

  test("bad patterns are refused", () => {
    expect(() => scope.matcher(["a\0b"])).toThrow(ScopeError);
    expect(() => scope.matcher("db/**" as unknown as string[])).toThrow(ScopeError);
  });
});
