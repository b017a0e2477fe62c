import * as fs from "node:fs";
import * as path from "node:path";
import fc from "fast-check";
import ignore from "ignore";
import { afterAll, describe, expect, test } from "vitest";
import { createScope } from "../src/index.js";
import { names, patternFileArbitrary, type TreeEntry, treeArbitrary } from "./support/generate.js";
import { gitCheckIgnore, gitInit } from "./support/git.js";
import { tempDir } from "./support/temp.js";

// Replay a failure with SCOPE_SEED=<the printed seed>.
const seed = Number(process.env.SCOPE_SEED ?? Date.now() % 2_147_483_647);
const totals = { files: 0, checks: 0, ignored: 0, rawIgnoreWrong: 0 };

afterAll(() => {
  console.log(
    `git differential: seed ${seed}, ${totals.files} pattern files, ${totals.checks} path checks (${totals.ignored} ignored by git); plain ignore() would have disagreed on ${totals.rawIgnoreWrong}`,
  );
});

function buildTree(root: string, tree: TreeEntry[]): string[] {
  const paths: string[] = [];
  for (const entry of tree) {
    const relative = entry.segments.join("/");
    const full = path.join(root, relative);
    if (entry.isDirectory) fs.mkdirSync(full, { recursive: true });
    else {
      fs.mkdirSync(path.dirname(full), { recursive: true });
      fs.writeFileSync(full, "x");
    }
    paths.push(relative);
  }
  return paths;
}

/**
 * One repository for every run: `git init` was half the processes the test started, and on a
 * loaded machine the cost that pushed it past its time limit. Each run empties the work tree
 * (all but `.git`, which no generated name can be) and builds its own; git reads only the
 * pattern file given with `-c` and the paths on disk, so nothing carries over between runs.
 */
let shared: { base: string; repo: string } | undefined;
function sharedRepo(): { base: string; repo: string } {
  if (shared === undefined) {
    const base = tempDir("scope-diff-");
    const repo = path.join(base, "repo");
    fs.mkdirSync(repo);
    gitInit(repo);
    shared = { base, repo };
  }
  for (const name of fs.readdirSync(shared.repo)) {
    if (name !== ".git") fs.rmSync(path.join(shared.repo, name), { recursive: true, force: true });
  }
  return shared;
}

function compare(tree: TreeEntry[], patternText: string, ignoreCase: boolean): void {
  const { base, repo } = sharedRepo();
  const patternFile = path.join(base, "patterns");
  fs.writeFileSync(patternFile, patternText);
  const paths = buildTree(repo, tree);
  const expected = gitCheckIgnore(repo, patternFile, paths, ignoreCase);
  const scope = createScope({
    projectRoot: repo,
    ignoreFile: patternFile,
    env: { home: base, platform: "linux", caseSensitive: !ignoreCase },
  });
  const actual = paths.map((p) => scope.classify(p, repo).ignored);
  totals.files += 1;
  totals.checks += paths.length;
  totals.ignored += expected.filter(Boolean).length;
  // How often plain ignore().ignores() would have been wrong: proof the fixes are exercised.
  const raw = ignore({ ignorecase: ignoreCase }).add(patternText);
  paths.forEach((p, i) => {
    const isDirectory = tree[i]?.isDirectory === true;
    if (raw.ignores(isDirectory ? `${p}/` : p) !== expected[i]) totals.rawIgnoreWrong += 1;
  });
  const wrong = paths.filter((_, i) => actual[i] !== expected[i]);
  if (wrong.length > 0) {
    const detail = wrong.map((p) => `${JSON.stringify(p)} git=${expected[paths.indexOf(p)]}`);
    throw new Error(
      `disagreement with git (ignoreCase=${ignoreCase})\npatterns: ${JSON.stringify(patternText)}\n${detail.join("\n")}`,
    );
  }
}

/**
 * Nested files: the root patterns go to `core.excludesFile` (the lowest precedence, as the
 * root file is the shallowest), and each nested file is written twice, as `.gitignore` for git
 * and as `.claudeignore` for scope, in folders of the tree.
 */
function compareNested(
  tree: TreeEntry[],
  patternText: string,
  nested: Array<{ pick: number; text: string }>,
  ignoreCase = false,
): void {
  const { base, repo } = sharedRepo();
  const patternFile = path.join(base, "patterns");
  fs.writeFileSync(patternFile, patternText);
  const paths = buildTree(repo, tree);
  const folders = tree.filter((e) => e.isDirectory).map((e) => e.segments.join("/"));
  const placed = new Set<string>();
  for (const { pick, text } of nested) {
    if (folders.length === 0) break;
    const folder = folders[pick % folders.length] as string;
    if (placed.has(folder)) continue;
    placed.add(folder);
    fs.writeFileSync(path.join(repo, folder, ".gitignore"), text);
    fs.writeFileSync(path.join(repo, folder, ".claudeignore"), text);
  }
  const expected = gitCheckIgnore(repo, patternFile, paths, ignoreCase);
  const scope = createScope({
    projectRoot: repo,
    ignoreFile: patternFile,
    env: { home: base, platform: "linux", caseSensitive: !ignoreCase },
  });
  const actual = paths.map((p) => scope.classify(p, repo).ignored);
  nestedTotals.files += 1;
  nestedTotals.nestedFiles += placed.size;
  nestedTotals.checks += paths.length;
  nestedTotals.ignored += expected.filter(Boolean).length;
  const wrong = paths.filter((_, i) => actual[i] !== expected[i]);
  if (wrong.length > 0) {
    const files = [...placed].map(
      (f) => `${f}/: ${JSON.stringify(fs.readFileSync(path.join(repo, f, ".gitignore"), "utf8"))}`,
    );
    const detail = wrong.map((p) => `${JSON.stringify(p)} git=${expected[paths.indexOf(p)]}`);
    throw new Error(
      `disagreement with git (nested files, ignoreCase=${ignoreCase})\nroot patterns: ${JSON.stringify(patternText)}\n${files.join("\n")}\n${detail.join("\n")}`,
    );
  }
  // Answers the nested files changed: proof they were read and mattered.
  const rootOnly = createScope({
    projectRoot: repo,
    ignoreFile: patternFile,
    env: { home: base, platform: "linux", caseSensitive: !ignoreCase },
  });
  for (const dir of placed) fs.rmSync(path.join(repo, dir, ".claudeignore"));
  paths.forEach((p, i) => {
    if (rootOnly.classify(p, repo).ignored !== expected[i]) nestedTotals.changed += 1;
  });
}

const escapeLine = (name: string) =>
  name.replace(/[*?[\\!#]/g, (c) => `\\${c}`).replace(/ $/, "\\ ");
/** Short nested files that reach the folder's own entries: names, negations, folders, `*`. */
const nestedPatternArbitrary = fc
  .array(
    fc.oneof(
      fc.constantFrom(...names).map(escapeLine),
      fc.constantFrom(...names).map((n) => `!${escapeLine(n)}`),
      fc.constantFrom(...names).map((n) => `${escapeLine(n)}/`),
      fc.constantFrom(...names).map((n) => `!${escapeLine(n)}/`),
      fc.constantFrom(...names).map((n) => `/${escapeLine(n)}`),
      fc.constantFrom(...names).map((n) => `**/${escapeLine(n)}`),
      fc.constantFrom("*", "!*", "*/", "!*/", "a*", "!.env", "*.txt", "!a/b"),
    ),
    { minLength: 1, maxLength: 5 },
  )
  .chain((lines) =>
    fc.oneof(
      fc.constant(lines.join("\n")),
      patternFileArbitrary.map((t) => `${t}\n${lines.join("\n")}`),
    ),
  );

const nestedTotals = { files: 0, nestedFiles: 0, checks: 0, ignored: 0, changed: 0 };
const nestedArbitrary = fc.array(fc.record({ pick: fc.nat(), text: nestedPatternArbitrary }), {
  minLength: 1,
  maxLength: 3,
});

// 80 runs start 80 git processes and build 80 trees: seconds on a quiet machine, and several
// times that on a loaded one. Nothing here is timed; the limit only stops a hung git.
const limit = { timeout: 180_000 };

describe(`git check-ignore --no-index differential (seed ${seed})`, () => {
  test(
    "nested .claudeignore files, as git reads nested .gitignore files (ignoreCase false and true)",
    limit,
    () => {
      fc.assert(
        fc.property(treeArbitrary, patternFileArbitrary, nestedArbitrary, (tree, text, nested) =>
          compareNested(tree, text, nested),
        ),
        { seed: seed + 2, numRuns: 30, endOnFailure: true },
      );
      fc.assert(
        fc.property(treeArbitrary, patternFileArbitrary, nestedArbitrary, (tree, text, nested) =>
          compareNested(tree, text, nested, true),
        ),
        { seed: seed + 3, numRuns: 10, endOnFailure: true },
      );
      console.log(
        `git differential (nested): ${nestedTotals.files} trees, ${nestedTotals.nestedFiles} nested files, ${nestedTotals.checks} path checks (${nestedTotals.ignored} ignored by git, ${nestedTotals.changed} decided by a nested file)`,
      );
      expect(nestedTotals.nestedFiles).toBeGreaterThanOrEqual(30);
      // Most paths lie outside the folders holding a nested file: 9–22 per run were seen.
      expect(nestedTotals.changed).toBeGreaterThanOrEqual(3);
    },
  );

  test("case-sensitive, as on Linux", limit, () => {
    console.log(`git differential seed: ${seed}`);
    fc.assert(
      fc.property(treeArbitrary, patternFileArbitrary, (tree, text) => compare(tree, text, false)),
      { seed, numRuns: 60, endOnFailure: true },
    );
  });

  test("core.ignoreCase=true, as on a case-insensitive file system", limit, () => {
    fc.assert(
      fc.property(treeArbitrary, patternFileArbitrary, (tree, text) => compare(tree, text, true)),
      { seed: seed + 1, numRuns: 20, endOnFailure: true },
    );
    expect(totals.files).toBeGreaterThanOrEqual(50);
    expect(totals.checks).toBeGreaterThanOrEqual(2000);
    // The generator must keep both answers common, or agreement would prove little. Random
    // pattern files ignore 4.8–14 % of the paths (seed 573887969 gave 105 of 2,194): a floor
    // in paths, not in share, so a thin but real sample does not fail the run.
    expect(totals.ignored).toBeGreaterThanOrEqual(50);
    expect(totals.ignored / totals.checks).toBeGreaterThan(0.02);
    expect(totals.ignored / totals.checks).toBeLessThan(0.85);
  });
});
