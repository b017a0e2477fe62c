/**
 * `pnpm bench`: ignored-or-not for 100,000 resolved paths against a 100-pattern file, against
 * plain `ignore().ignores()` in the same run, then the cost of resolving through the real file
 * system. Run with tsx (a root dev dependency) because Node 20 cannot run TypeScript itself.
 * Budget (issue 3): at least 1,000,000 checks/s warm, at most 1.5x the time of raw `ignore`.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ignore from "ignore";
import { Bench } from "tinybench";
import { createScope, IgnoreRules } from "../src/index.js";

const pathCount = 100_000;

// A deterministic generator, so every run measures the same work.
let state = 42;
const random = () => {
  state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
  return state / 2_147_483_648;
};
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;

const words = [
  "src",
  "lib",
  "test",
  "docs",
  "build",
  "dist",
  "node_modules",
  "config",
  "app",
  "api",
];
const names = [
  "index.ts",
  "main.js",
  "README.md",
  ".env",
  "secret.key",
  "data.json",
  "a.log",
  "x.pem",
];

function patternFile(): string[] {
  const lines: string[] = [
    ".env",
    ".env.*",
    "*.key",
    "*.pem",
    "secrets/",
    "/build/",
    "!build/keep/",
  ];
  for (let i = 0; lines.length < 100; i++) {
    const word = pick(words);
    const kind = i % 8;
    if (kind === 0) lines.push(`*.${word}${i}`);
    else if (kind === 1) lines.push(`/${word}/gen${i}/`);
    else if (kind === 2) lines.push(`${word}/**/*.tmp${i}`);
    else if (kind === 3) lines.push(`!${word}/keep${i}.txt`);
    else if (kind === 4) lines.push(`cache-[0-9]${i}/`);
    else if (kind === 5) lines.push(`**/${word}/out${i}`);
    else if (kind === 6) lines.push(`${word}${i}?.log`);
    else lines.push(`/${word}/${pick(words)}/*.bak${i}`);
  }
  return lines;
}

interface Sample {
  relative: string;
  isDirectory: boolean;
}

function samples(): Sample[] {
  const list: Sample[] = [];
  for (let i = 0; i < pathCount; i++) {
    const depth = 1 + Math.floor(random() * 5);
    const parts: string[] = [];
    for (let d = 0; d < depth; d++) parts.push(pick(words));
    const isDirectory = random() < 0.2;
    if (!isDirectory) parts.push(`${i % 500}-${pick(names)}`);
    list.push({ relative: parts.join("/"), isDirectory });
  }
  return list;
}

const lines = patternFile();
const paths = samples();
const root = "/project";
const resolved = paths.map((p) => {
  const full = `${root}/${p.relative}`;
  return {
    input: p.relative,
    absolute: full,
    real: full,
    exists: true,
    isDirectory: p.isDirectory,
  };
});

// Matching only, no file system: an in-memory root with nothing on it.
const emptyFs = {
  lstat: (p: string) => (p === root || p === "/" ? ("directory" as const) : undefined),
  realpath: (p: string) => (p === root || p === "/" ? p : undefined),
  readdir: () => undefined,
  readFile: () => undefined,
};

function runAll(check: (index: number) => boolean): number {
  let hits = 0;
  for (let i = 0; i < pathCount; i++) if (check(i)) hits += 1;
  return hits;
}

const raw = ignore({ ignorecase: false }).add(lines);
const rules = new IgnoreRules(lines, false);
const scope = createScope({
  projectRoot: root,
  fs: emptyFs,
  env: { home: "/home/u", platform: "linux", caseSensitive: true },
});
const matcher = scope.matcher(lines);
const rawCheck = (i: number) => {
  const p = paths[i] as Sample;
  return raw.ignores(p.isDirectory ? `${p.relative}/` : p.relative);
};
const rulesCheck = (i: number) => {
  const p = paths[i] as Sample;
  return rules.ignores(p.relative, p.isDirectory);
};
const matcherCheck = (i: number) => matcher.matches(resolved[i] as (typeof resolved)[number]);

// Same answers, or the comparison means nothing.
const answers = [runAll(rawCheck), runAll(rulesCheck), runAll(matcherCheck)];
if (new Set(answers).size !== 1) throw new Error(`answers differ: ${answers.join(" / ")}`);

// Warm: every instance has already answered each path once (the pass above), as in an engine
// that has been running for a while. Cold: a fresh instance, every path new, measured apart
// because one cold pass takes seconds.
const bench = new Bench({ time: 1500, warmup: true });
bench
  .add("raw ignore().ignores()", () => runAll(rawCheck))
  .add("IgnoreRules.ignores (scope's matching)", () => runAll(rulesCheck))
  .add("PathMatcher.matches (from a ResolvedPath)", () => runAll(matcherCheck));
await bench.run();
// Cold passes alternate (scope, raw, raw, scope, ...) because V8 shares compiled regular
// expressions between instances: whichever runs second would otherwise look faster.
const coldTimes: Record<"scope" | "raw", number[]> = { scope: [], raw: [] };
const coldPass = (which: "scope" | "raw") => {
  const started = performance.now();
  if (which === "scope") {
    const fresh = new IgnoreRules(lines, false);
    for (const p of paths) fresh.ignores(p.relative, p.isDirectory);
  } else {
    const fresh = ignore({ ignorecase: false }).add(lines);
    for (const p of paths) fresh.ignores(p.isDirectory ? `${p.relative}/` : p.relative);
  }
  coldTimes[which].push(performance.now() - started);
};
for (const which of ["scope", "raw", "raw", "scope", "scope", "raw"] as const) coldPass(which);
const median = (list: number[]) =>
  [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)] as number;

const allTasks = [...bench.tasks];
const periodOf = (name: string): number => {
  const task = allTasks.find((t) => t.name === name);
  const result = task?.result;
  if (result === undefined || result.state !== "completed")
    throw new Error(`${name} did not complete`);
  return result.period;
};
const perSecond = (name: string) => Math.round(pathCount / (periodOf(name) / 1000));

console.log(
  `\n${lines.length} patterns, ${pathCount.toLocaleString("en")} paths (${answers[0]} ignored)\n`,
);
for (const task of allTasks) {
  console.log(
    `${task.name.padEnd(44)} ${perSecond(task.name).toLocaleString("en").padStart(12)} paths/s`,
  );
}
const ratio =
  periodOf("IgnoreRules.ignores (scope's matching)") / periodOf("raw ignore().ignores()");
const matcherRatio =
  periodOf("PathMatcher.matches (from a ResolvedPath)") / periodOf("raw ignore().ignores()");
console.log(
  `\nwarm time ratio to raw ignore: IgnoreRules ${ratio.toFixed(2)}x, PathMatcher ${matcherRatio.toFixed(2)}x (budget 1.5x)`,
);
const coldPerSecond = (which: "scope" | "raw") =>
  Math.round(pathCount / (median(coldTimes[which]) / 1000));
const coldRatio = median(coldTimes.scope) / median(coldTimes.raw);
console.log(
  `cold (fresh instance, every path new, median of 3): IgnoreRules ${coldPerSecond("scope").toLocaleString("en")} paths/s, raw ignore ${coldPerSecond("raw").toLocaleString("en")} paths/s, ratio ${coldRatio.toFixed(2)}x`,
);
const warm = perSecond("IgnoreRules.ignores (scope's matching)");
console.log(`warm checks/s: ${warm.toLocaleString("en")} (budget 1,000,000)`);

// Resolution through the real file system, reported separately.
const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "scope-bench-")));
try {
  const project = path.join(dir, "repo");
  for (let i = 0; i < 50; i++) fs.mkdirSync(path.join(project, `src/m${i}`), { recursive: true });
  for (let i = 0; i < 1000; i++)
    fs.writeFileSync(path.join(project, `src/m${i % 50}/f${i}.ts`), "");
  fs.writeFileSync(path.join(project, ".claudeignore"), lines.join("\n"));
  fs.symlinkSync(path.join(project, "src"), path.join(project, "linked"));
  const real = createScope({ projectRoot: project, env: { home: dir, platform: "linux" } });
  const targets = Array.from({ length: 1000 }, (_, i) => `src/m${i % 50}/f${i}.ts`);
  const missing = targets.map((t) => t.replace(".ts", ".new.ts"));
  const viaLink = targets.map((t) => t.replace("src/", "linked/"));
  const dotted = targets.map((t) => t.replace("src/", "src/../src/"));
  const fsBench = new Bench({ time: 1000, warmup: true });
  fsBench
    .add("resolve existing", () => {
      for (const t of targets) real.resolve(t, project);
    })
    .add("resolve new file", () => {
      for (const t of missing) real.resolve(t, project);
    })
    .add("resolve through a link", () => {
      for (const t of viaLink) real.resolve(t, project);
    })
    .add("resolve with `..`", () => {
      for (const t of dotted) real.resolve(t, project);
    })
    .add("classify existing (resolve + all checks)", () => {
      for (const t of targets) real.classify(t, project);
    });
  await fsBench.run();
  console.log("\nresolution through the real file system (1,000 paths per op)\n");
  for (const task of fsBench.tasks) {
    const result = task.result;
    if (result === undefined || result.state !== "completed") continue;
    const micros = (result.period * 1000) / 1000;
    console.log(`${task.name.padEnd(44)} ${micros.toFixed(2).padStart(8)} µs/path`);
  }
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
