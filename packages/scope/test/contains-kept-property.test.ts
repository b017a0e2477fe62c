/**
 * Kept answers never outlive a change: random trees and pattern sets (test/support/random-tree),
 * a question asked (and its answer kept), then random changes on disk (files and folders added,
 * removed, renamed, nested `.claudeignore` files written, symlinks made), then the question asked
 * again through the kept answers: always the answer a scope with nothing kept gives.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { type ContainsStore, createScope, type RecordedAnswer } from "../src/index.js";
import { names, patternSet, tree, write } from "./support/random-tree.js";
import { settle, tempDir } from "./support/temp.js";

type Change =
  | { kind: "add"; folder: number; name: string }
  | { kind: "remove"; which: number }
  | { kind: "rename"; which: number; name: string }
  | { kind: "ignore"; folder: number; lines: string[] }
  | { kind: "link"; folder: number; name: string; to: number };

const name = fc.constantFrom(...names);
const change: fc.Arbitrary<Change> = fc.oneof(
  fc.record({ kind: fc.constant("add" as const), folder: fc.nat(50), name }),
  fc.record({ kind: fc.constant("remove" as const), which: fc.nat(50) }),
  fc.record({ kind: fc.constant("rename" as const), which: fc.nat(50), name }),
  fc.record({ kind: fc.constant("ignore" as const), folder: fc.nat(50), lines: patternSet }),
  fc.record({ kind: fc.constant("link" as const), folder: fc.nat(50), name, to: fc.nat(50) }),
);

function memoryStore(): ContainsStore {
  const map = new Map<string, string>();
  return {
    load: (k) => {
      const text = map.get(k);
      return text === undefined ? undefined : (JSON.parse(text) as RecordedAnswer);
    },
    save: (k, v) => map.set(k, JSON.stringify(v)),
  };
}

function apply(changes: Change[], root: string, folders: string[], files: string[]): void {
  const existing = (list: string[]) => list.filter((p) => fs.existsSync(p));
  for (const c of changes) {
    const inFolders = existing(folders);
    const any = [...existing(files), ...inFolders.filter((f) => f !== root)];
    try {
      if (c.kind === "add") {
        const at = path.join(inFolders[c.folder % inFolders.length] as string, c.name);
        if (!fs.existsSync(at)) fs.writeFileSync(at, "x");
      } else if (c.kind === "remove" && any.length > 0) {
        fs.rmSync(any[c.which % any.length] as string, { recursive: true, force: true });
      } else if (c.kind === "rename" && any.length > 0) {
        const from = any[c.which % any.length] as string;
        const to = path.join(path.dirname(from), c.name);
        if (!fs.existsSync(to)) fs.renameSync(from, to);
      } else if (c.kind === "ignore") {
        const at = inFolders[c.folder % inFolders.length] as string;
        fs.writeFileSync(path.join(at, ".claudeignore"), `${c.lines.join("\n")}\n`);
      } else if (c.kind === "link") {
        const at = path.join(inFolders[c.folder % inFolders.length] as string, c.name);
        const targets = [...inFolders, ...existing(files), path.join(root, "missing")];
        if (!fs.existsSync(at)) fs.symlinkSync(targets[c.to % targets.length] as string, at);
      }
    } catch {
      // A change the tree does not allow (a name taken by a dangling link): skip it.
    }
  }
}

describe("kept containsIgnored answers", () => {
  test("after random changes, a kept answer is never taken when the fresh answer differs", () => {
    const base = tempDir("scope-kept-prop-");
    let run = 0;
    let changedAnswers = 0;
    fc.assert(
      fc.property(
        fc.array(tree, { maxLength: 5 }),
        fc.option(patternSet, { nil: undefined }),
        fc.boolean(),
        fc.nat(100),
        fc.array(change, { minLength: 1, maxLength: 3 }),
        (children, top, caseSensitive, pick, changes) => {
          const root = path.join(base, `t${run++}`);
          const home = path.join(base, "home");
          fs.mkdirSync(root);
          fs.mkdirSync(home, { recursive: true });
          if (top !== undefined) fs.writeFileSync(path.join(root, ".claudeignore"), top.join("\n"));
          const { folders, files } = write(root, children);
          settle(40);
          const env = { home, platform: "linux" as const, caseSensitive };
          const make = (store?: ContainsStore) =>
            createScope({
              projectRoot: root,
              env,
              containsRacyMilliseconds: 20,
              ...(store === undefined ? {} : { containsStore: store }),
            });
          const asked = [folders[pick % folders.length] as string, root];
          const store = memoryStore();
          const kept = make(store);
          const before = asked.map((f) => kept.containsIgnored(f));
          apply(changes, root, folders, files);
          const onlyAdded = changes.every((c) => c.kind === "add" || c.kind === "link");
          // A fresh scope with nothing kept is the truth (its walk is checked against the full
          // walk in contains-pruned.test.ts).
          const fresh = make();
          asked.forEach((folder, i) => {
            if (!fs.existsSync(folder)) return;
            const truth = fresh.containsIgnored(folder);
            if (truth !== before[i]) changedAnswers += 1;
            const what = `${folder} ${JSON.stringify({ children, top, caseSensitive, changes })}`;
            // The hook: a new process, answers from the store.
            expect(make(store).containsIgnored(folder), what).toBe(truth);
            // A long-lived scope (it reads nested ignore files once: only additions here).
            if (onlyAdded) expect(kept.containsIgnored(folder), what).toBe(truth);
          });
          fs.rmSync(root, { recursive: true, force: true });
        },
      ),
      { numRuns: 150 },
    );
    // The changes did change answers, so kept answers were really put to the test.
    expect(changedAnswers).toBeGreaterThan(5);
  });
});
