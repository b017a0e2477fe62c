import * as fs from "node:fs";
import * as path from "node:path";
import fc from "fast-check";
import ignore from "ignore";
import { afterAll, describe, expect, test } from "vitest";
import { createScope } from "../src/index.js";
import { patternFileArbitrary, type TreeEntry, treeArbitrary } from "./support/generate.js";
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

// 80 runs start 80 git processes and build 80 trees: seconds on a quiet machine, and several
// times that on a loaded one. Nothing here is timed; the limit only stops a hung git.
const limit = { timeout: 180_000 };

describe(`git check-ignore --no-index differential (seed ${seed})`, () => {
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
