/**
 * The pruned `containsIgnored` walk against the full walk it replaced (test/support/full-walk.ts,
 * the oracle): random trees on disk (folders, files, nested `.claudeignore` files, symlinks to
 * files, folders, nowhere and back up, hard links) and random pattern sets (negations,
 * anchored, `**`, directory-only, case-folded), asked about random folders: identical answers.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { ContainsIgnored } from "../src/contains.js";
import { contextFor } from "./support/contains-context.js";
import { FullWalk } from "./support/full-walk.js";
import { patternSet, tree, write } from "./support/random-tree.js";
import { makeTree, tempDir } from "./support/temp.js";

describe("pruned containsIgnored walk", () => {
  test("answers as the full walk over random trees and pattern sets", () => {
    const base = tempDir("scope-pruned-");
    let run = 0;
    fc.assert(
      fc.property(
        fc.array(tree, { maxLength: 6 }),
        fc.option(patternSet, { nil: undefined }),
        fc.boolean(),
        fc.nat(3),
        fc.nat(100),
        (children, top, caseSensitive, statsBeforeIndex, pick) => {
          const root = path.join(base, `t${run++}`);
          fs.mkdirSync(root);
          if (top !== undefined) fs.writeFileSync(path.join(root, ".claudeignore"), top.join("\n"));
          const { folders } = write(root, children);
          // Every folder of the tree, each asked of fresh walkers (answers are cached).
          const asked = [folders[pick % folders.length] as string, root];
          for (const folder of asked) {
            const relative = path.relative(root, folder).split(path.sep).join("/");
            const pruned = contextFor(root, top, caseSensitive);
            const full = contextFor(root, top, caseSensitive);
            const oracle = new FullWalk(full.context).folder(folder, relative);
            const answer = new ContainsIgnored({
              ...pruned.context,
              domain: pruned.domain,
              statsBeforeIndex,
            }).folder(folder, relative);
            expect(answer, `${folder} in ${JSON.stringify({ children, top, caseSensitive })}`).toBe(
              oracle,
            );
          }
          fs.rmSync(root, { recursive: true, force: true });
        },
      ),
      { numRuns: 400 },
    );
  });
});

describe("pruned containsIgnored walk, cases by hand", () => {
  function build(entries: string[], top: string[] | undefined) {
    const root = tempDir("scope-pruned-case-");
    makeTree(root, entries);
    if (top !== undefined) fs.writeFileSync(path.join(root, ".claudeignore"), top.join("\n"));
    return root;
  }

  test("asks the rules only about entries a pattern may match; the full walk asks all", () => {
    const entries = Array.from({ length: 300 }, (_, i) => `pkg${i % 10}/lib/f${i}.js`);
    const root = build(entries, [".env", "/dist/", "!keep.js"]);
    const asked = { pruned: 0, full: 0 };
    const counted = (which: "pruned" | "full") => {
      const { context, domain } = contextFor(root, [".env", "/dist/", "!keep.js"], true);
      const ignoredRelative = context.ignoredRelative;
      context.ignoredRelative = (rel, isDirectory) => {
        asked[which] += 1;
        return ignoredRelative(rel, isDirectory);
      };
      return { context, domain };
    };
    const pruned = counted("pruned");
    const full = counted("full");
    expect(new ContainsIgnored({ ...pruned.context, domain: pruned.domain }).folder(root, "")).toBe(
      false,
    );
    expect(new FullWalk(full.context).folder(root, "")).toBe(false);
    expect(asked.full).toBeGreaterThan(300);
    // `.claudeignore` itself starts with `.`: no name here matches `.env`, none starts with `dist`.
    expect(asked.pruned).toBe(0);
  });

  test("a nested .claudeignore deep in a tree the top file does not reach is read", () => {
    const root = build(["src/a/b/x.js", "src/a/b/y.txt"], ["/dist/"]);
    fs.writeFileSync(path.join(root, "src/a/.claudeignore"), "b/*.txt\n");
    const { context, domain } = contextFor(root, ["/dist/"], true);
    expect(new ContainsIgnored({ ...context, domain }).folder(root, "")).toBe(true);
    const other = contextFor(root, ["/dist/"], true);
    expect(new FullWalk(other.context).folder(root, "")).toBe(true);
  });

  test("files are stat'ed past the first 1,000 only while the identity index holds a file", () => {
    const entries = Array.from({ length: 1_200 }, (_, i) => `m/f${i}.js`);
    const root = build([...entries, ".env"], undefined);
    const walk = () => {
      const { context, domain } = contextFor(root, undefined, true);
      let stated = 0;
      const same = context.sameAsIgnored as (real: string) => boolean;
      context.sameAsIgnored = (real) => {
        stated += 1;
        return same(real);
      };
      const answer = new ContainsIgnored({ ...context, domain }).folder(path.join(root, "m"), "m");
      return { answer, stated };
    };
    // No file has two names: the index is empty, the last 200 files are not stat'ed.
    expect(walk()).toEqual({ answer: false, stated: 1_000 });
    // `.env` gets a second name, walked after every file of `m` (folders come last).
    fs.mkdirSync(path.join(root, "m", "zz"));
    fs.linkSync(path.join(root, ".env"), path.join(root, "m", "zz", "notes.txt"));
    expect(walk()).toEqual({ answer: true, stated: 1_201 });
  });
});
