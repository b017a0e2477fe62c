#!/usr/bin/env node
// CI's mutation step (issue 21; docs/mutation-testing.md): Stryker on the source files changed
// since the last full mutation run, per package, each against its own thresholds.break. A full
// run does not fit CI's time on a 2-core machine; this does, and new code must keep the score.
// The base is $MUTATION_BASE, else the commit recorded in .ci/mutation-base.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const packages = ["scope", "policy", "audit", "engine"];
const root = new URL("..", import.meta.url).pathname;

function globToRegExp(glob) {
  let out = "";
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === "*" && glob[i + 1] === "*") {
      out += glob[i + 2] === "/" ? "(?:.*/)?" : ".*";
      i += glob[i + 2] === "/" ? 2 : 1;
    } else if (c === "*") out += "[^/]*";
    else out += c.replace(/[.+?^${}()|[\]\\]/g, "\\$&");
  }
  return new RegExp(`^${out}$`);
}

const baseFile = join(root, ".ci/mutation-base");
const base =
  // biome-ignore lint/suspicious/noUndeclaredEnvVars: read by CI directly, not by a turbo task
  process.env.MUTATION_BASE ??
  (existsSync(baseFile) ? readFileSync(baseFile, "utf8").trim() : undefined);
if (base === undefined || base === "") {
  console.error("mutation-changed: no base commit (set MUTATION_BASE or write .ci/mutation-base)");
  process.exit(1);
}
const known = spawnSync("git", ["cat-file", "-e", `${base}^{commit}`], { cwd: root });
if (known.status !== 0) {
  console.error(`mutation-changed: base commit ${base} is not in this clone (shallow?)`);
  process.exit(1);
}
const changed = execFileSync("git", ["diff", "--name-only", "--diff-filter=AMR", base, "HEAD"], {
  cwd: root,
  encoding: "utf8",
})
  .split("\n")
  .filter((f) => f !== "");

let failed = false;
for (const name of packages) {
  const dir = `packages/${name}/`;
  const config = (await import(pathToFileURL(join(root, dir, "stryker.config.mjs")).href)).default;
  const take = config.mutate.filter((g) => !g.startsWith("!")).map(globToRegExp);
  const skip = config.mutate.filter((g) => g.startsWith("!")).map((g) => globToRegExp(g.slice(1)));
  const files = changed
    .filter((f) => f.startsWith(dir))
    .map((f) => f.slice(dir.length))
    .filter((f) => take.some((r) => r.test(f)) && !skip.some((r) => r.test(f)));
  if (files.length === 0) {
    console.log(`mutation: @automode/${name}: no mutated file changed since ${base.slice(0, 12)}`);
    continue;
  }
  console.log(`mutation: @automode/${name}: ${files.join(", ")}`);
  const run = spawnSync("pnpm", ["exec", "stryker", "run", "--mutate", files.join(",")], {
    cwd: join(root, dir),
    stdio: "inherit",
  });
  if (run.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
