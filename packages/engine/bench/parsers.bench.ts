/**
 * The two bash parsers compared (`pnpm bench`): the cold start of each in a fresh process,
 * and the decision time of `engine.decide` on shell commands with each. Figures only, no
 * budget: the native binding is the default where it loads, the WebAssembly build the
 * fallback (packages/engine/README.md, "Parsers").
 */
import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { Bench, type Task } from "tinybench";
import { createEngineSync } from "../src/engine.js";
import { initShellParser, type ShellParserKind } from "../src/shell/parser-load.js";
import { readEveryday } from "../test/corpus/lists.js";
import { createProject } from "../test/pipeline/project.js";

const kinds: ShellParserKind[] = ["native", "wasm"];

// Cold start: a fresh Node process readies the parser and analyses one command; the time from
// before the parser's load to the end of that analysis is reported.
const tsx = createRequire(import.meta.url).resolve("tsx");
const shellUrl = new URL("../src/shell/index.js", import.meta.url).href;
const coldScript = (kind: ShellParserKind) => `
const { analyzeCommand, initShellParser } = await import(${JSON.stringify(shellUrl)});
const fs = { lstat: () => undefined, realpath: () => undefined, readdir: () => undefined, readFile: () => undefined };
const t = performance.now();
await initShellParser("${kind}");
analyzeCommand("git status", { cwd: "/repo", home: "/home/u", fs, parser: "${kind}" });
process.stdout.write(String(performance.now() - t));`;
const cold = (kind: ShellParserKind) => {
  const runs = Array.from({ length: 5 }, () =>
    Number(
      execFileSync(
        process.execPath,
        ["--import", tsx, "--input-type=module", "-e", coldScript(kind)],
        { encoding: "utf8" },
      ),
    ),
  );
  return runs.sort((a, b) => a - b)[2] as number;
};

const project = createProject();
const env = { home: project.home, platform: process.platform, caseSensitive: true };
const cwd = project.root;
const commands = readEveryday(
  fileURLToPath(new URL("../test/corpus/everyday.txt", import.meta.url)),
).map((e) => e.command);

await initShellParser("wasm");
const engines = Object.fromEntries(
  kinds.map((parser) => [
    parser,
    createEngineSync({ projectRoot: project.root, tier: "balanced", env, parser }),
  ]),
);

function mean(task: Task | undefined): number {
  const r = task?.result;
  if (!r || !("latency" in r)) throw new Error(`${task?.name} did not complete`);
  return r.latency.mean;
}

// Alternating rounds, so a busy machine slows both sides alike; medians of the rounds.
const perCommand: Record<ShellParserKind, number[]> = { native: [], wasm: [] };
for (let round = 0; round < 5; round++) {
  const bench = new Bench({ time: 400, warmup: true });
  for (const kind of kinds) {
    const engine = engines[kind]!;
    bench.add(kind, () => {
      for (const command of commands) engine.decide({ kind: "execute", command, cwd });
    });
  }
  await bench.run();
  bench.tasks.forEach((task, i) => {
    perCommand[kinds[i]!].push((mean(task) * 1000) / commands.length);
  });
}
project.cleanup();

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
console.log(`bash parsers, ${commands.length} everyday commands (balanced), engine.decide:`);
for (const kind of kinds) {
  console.log(
    `  ${kind.padEnd(6)}  ${median(perCommand[kind]).toFixed(1)} µs a command (mean), parser load and first analysis ${cold(kind).toFixed(1)} ms (median of 5 processes)`,
  );
}
