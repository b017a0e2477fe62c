/**
 * `pnpm bench` (second part): "is anything ignored under the project root?" on generated
 * projects shaped like a `node_modules` (bench/project.ts), the pruned walk `containsIgnored`
 * uses against the full walk it replaced (test/support/full-walk.ts), same rules, same run.
 * Each figure is the median of 3 fresh walkers (no cached answers; the OS's file cache warm),
 * alternating pruned and full. Sizes: 10k and 100k files; 1M with BENCH_MILLION=1 (writing it
 * takes minutes). Each size with the built-in baseline and with a typical `.claudeignore`, with
 * and without an ignored `.env` planted in the deepest folder of the last package.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { ContainsIgnored } from "../src/contains.js";
import { contextFor } from "../test/support/contains-context.js";
import { FullWalk } from "../test/support/full-walk.js";
import { generateProject } from "./project.js";

const sizes = [10_000, 100_000, ...(process.env.BENCH_MILLION === "1" ? [1_000_000] : [])];
const ignoreFiles: Array<{ label: string; lines: string[] | undefined }> = [
  { label: "baseline", lines: undefined },
  { label: ".claudeignore", lines: [".env", "*.pem", "/dist/", "/config/*.key", "!.env.example"] },
];

const median = (list: number[]) =>
  [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)] as number;

function listingFloor(root: string): number {
  const started = performance.now();
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(`${dir}/${entry.name}`);
    }
  };
  walk(root);
  return performance.now() - started;
}

const base = fs.mkdtempSync(path.join(os.tmpdir(), "scope-contains-bench-"));
try {
  console.log(
    "\ncontainsIgnored(project root), ms (median of 3); ratio = full / pruned; floor = listing every folder\n",
  );
  console.log(
    `${"files".padStart(9)} ${"rules".padEnd(14)} ${"planted".padEnd(8)} ${"answer".padEnd(6)} ${"full".padStart(8)} ${"pruned".padStart(8)} ${"ratio".padStart(6)} ${"floor".padStart(8)}`,
  );
  for (const size of sizes) {
    const root = path.join(base, `p${size}`);
    const project = generateProject(root, size);
    for (const planted of [false, true]) {
      if (planted) fs.writeFileSync(path.join(project.deepFolder, ".env"), "SECRET=1");
      for (const rules of ignoreFiles) {
        const ignoreFile = path.join(root, ".claudeignore");
        if (rules.lines === undefined) fs.rmSync(ignoreFile, { force: true });
        else fs.writeFileSync(ignoreFile, rules.lines.join("\n"));
        const times = { full: [] as number[], pruned: [] as number[] };
        const answers = new Set<boolean>();
        for (const which of ["full", "pruned", "pruned", "full", "full", "pruned"] as const) {
          const { context, domain } = contextFor(root, rules.lines, true);
          const started = performance.now();
          const answer =
            which === "full"
              ? new FullWalk(context).folder(root, "")
              : new ContainsIgnored({ ...context, domain }).folder(root, "");
          times[which].push(performance.now() - started);
          answers.add(answer);
        }
        if (answers.size !== 1) throw new Error(`answers differ at ${size} files, ${rules.label}`);
        const full = median(times.full);
        const pruned = median(times.pruned);
        console.log(
          `${size.toLocaleString("en").padStart(9)} ${rules.label.padEnd(14)} ${String(planted).padEnd(8)} ${String([...answers][0]).padEnd(6)} ${full.toFixed(0).padStart(8)} ${pruned.toFixed(0).padStart(8)} ${(full / pruned).toFixed(1).padStart(5)}x ${listingFloor(root).toFixed(0).padStart(8)}`,
        );
      }
    }
    fs.rmSync(root, { recursive: true, force: true });
  }
} finally {
  fs.rmSync(base, { recursive: true, force: true });
}
