/**
 * A Grep over the project root in the command hook, against a Read in the same run: spawn
 * `automode hook claude-code` with each payload on generated projects of 10k and 100k files
 * (1M with BENCH_MILLION=1), shaped like a `node_modules` (bench/generate-project.ts, the shape of scope's own benchmark),
 * clean and with an ignored `.env` planted in the deepest folder. "Cold": no kept answer (the
 * state folder emptied before each call); "warm": the answer the previous call kept. Median of
 * BENCH_RUNS (default 7) calls each, Read and Grep interleaved. Target: on 100k files, warm Grep
 * ≤ 1.2 × Read.
 *
 * Projects are generated once into `$TMPDIR/automode-grep-bench/` and kept for later runs
 * (10k: ~1 s, 100k: ~9 s, 1M: minutes on the shared build box); BENCH_FRESH=1 regenerates.
 *
 *   pnpm build && pnpm --filter automode exec tsx bench/grep.bench.ts
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { generateProject } from "./generate-project.js";

const here = fileURLToPath(new URL("..", import.meta.url));
const bin = join(here, "bin", "automode.js");
const runs = Number(process.env.BENCH_RUNS ?? 7);
const sizes = [10_000, 100_000, ...(process.env.BENCH_MILLION === "1" ? [1_000_000] : [])];
if (!existsSync(join(here, "dist", "hook.cjs"))) {
  process.stderr.write("dist/hook.cjs is missing: run pnpm build first\n");
  process.exit(2);
}

const cache = join(tmpdir(), "automode-grep-bench");
const work = join(cache, `run-${process.pid}`);
const median = (list: number[]) =>
  [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)] as number;
const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/** The project of `size` files, generated once (a marker says it is complete). */
function project(size: number): { root: string; deep: string } {
  const root = join(cache, `p${size}`);
  const marker = join(cache, `p${size}.complete`);
  if (process.env.BENCH_FRESH === "1" || !existsSync(marker)) {
    rmSync(root, { recursive: true, force: true });
    rmSync(marker, { force: true });
    mkdirSync(cache, { recursive: true });
    const started = performance.now();
    const made = generateProject(root, size);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(`generated ${size} files in ${made.folders} folders: ${seconds} s`);
    writeFileSync(marker, made.deepFolder);
  }
  return { root, deep: readFileSync(marker, "utf8") };
}

/**
 * GNU time, when there, gives each call's CPU time (user + system) too: on a loaded shared box
 * wall time mostly measures the queue, CPU time the work.
 */
const gnuTime = process.platform === "linux" && existsSync("/usr/bin/time");

function call(
  root: string,
  tool: "Read" | "Grep",
  state: string,
): { ms: number; cpu: number; answer: string } {
  const tool_input =
    tool === "Read" ? { file_path: join(root, "src", "0-index.js") } : { pattern: "x", path: root };
  const input = JSON.stringify({
    session_id: "bench",
    cwd: root,
    hook_event_name: "PreToolUse",
    tool_name: tool,
    tool_input,
  });
  const started = performance.now();
  const command = [process.execPath, bin, "hook", "claude-code"];
  const [program, ...args] = gnuTime ? ["/usr/bin/time", "-f", "cpu %U %S", ...command] : command;
  const result = spawnSync(program as string, args, {
    input,
    cwd: root,
    env: {
      ...process.env,
      CLAUDE_PROJECT_DIR: root,
      XDG_STATE_HOME: state,
      AUTOMODE_CONFIG_DIR: join(work, "config"),
    },
    encoding: "utf8",
  });
  const ms = performance.now() - started;
  const answer = /"permissionDecision":"(\w+)"/.exec(result.stdout)?.[1];
  if (result.status !== 0 || answer === undefined) {
    throw new Error(`hook ${tool} failed (${result.status}): ${result.stdout}${result.stderr}`);
  }
  const cpuLine = /cpu ([\d.]+) ([\d.]+)\s*$/.exec(result.stderr);
  const cpu = cpuLine === null ? Number.NaN : (Number(cpuLine[1]) + Number(cpuLine[2])) * 1000;
  return { ms, cpu, answer };
}

mkdirSync(work, { recursive: true });
try {
  console.log(`\nGrep over the project root vs Read, command hook, ms (median of ${runs})\n`);
  console.log(
    `${"files".padStart(9)} ${"planted".padEnd(8)} ${"grep".padEnd(22)} ${"read".padStart(7)} ${"cold".padStart(7)} ${"warm".padStart(7)} ${"cold/read".padStart(10)} ${"warm/read".padStart(10)}   cpu read/cold/warm`,
  );
  for (const size of sizes) {
    const { root, deep } = project(size);
    for (const planted of [false, true]) {
      const env = join(deep, ".env");
      if (planted) writeFileSync(env, "SECRET=1");
      else rmSync(env, { force: true });
      const state = join(work, "state");
      // The first call makes .claude/audit.jsonl; then past the 2 s window in which a folder's
      // times are too fresh for an answer to be kept.
      call(root, "Read", state);
      sleep(2_100);
      const times = { read: [] as number[], cold: [] as number[], warm: [] as number[] };
      const cpu = { read: [] as number[], cold: [] as number[], warm: [] as number[] };
      // Under load the 2 s time budget can cut a cold walk short ("ask", too large to check);
      // every answer seen is printed.
      const answers = new Set<string>();
      for (let i = 0; i < runs; i++) {
        rmSync(state, { recursive: true, force: true });
        const readCold = call(root, "Read", state);
        times.read.push(readCold.ms);
        cpu.read.push(readCold.cpu);
        const cold = call(root, "Grep", state);
        times.cold.push(cold.ms);
        cpu.cold.push(cold.cpu);
        answers.add(`cold:${cold.answer}`);
      }
      for (let i = 0; i < runs; i++) {
        const readWarm = call(root, "Read", state);
        times.read.push(readWarm.ms);
        cpu.read.push(readWarm.cpu);
        const warm = call(root, "Grep", state);
        times.warm.push(warm.ms);
        cpu.warm.push(warm.cpu);
        answers.add(`warm:${warm.answer}`);
      }
      const cpuRead = median(cpu.read);
      const cpuCold = median(cpu.cold);
      const cpuWarm = median(cpu.warm);
      const read = median(times.read);
      const cold = median(times.cold);
      const warm = median(times.warm);
      console.log(
        `${String(size).padStart(9)} ${String(planted).padEnd(8)} ${[...answers].join(",").padEnd(22)} ${read.toFixed(0).padStart(7)} ${cold.toFixed(0).padStart(7)} ${warm.toFixed(0).padStart(7)} ${(cold / read).toFixed(2).padStart(9)}× ${(warm / read).toFixed(2).padStart(9)}×   cpu ${cpuRead.toFixed(0)}/${cpuCold.toFixed(0)}/${cpuWarm.toFixed(0)} ms, warm/read ${(cpuWarm / cpuRead).toFixed(2)}×`,
      );
    }
    rmSync(join(deep, ".env"), { force: true });
  }
  console.log(
    `\nload average ${loadavg()
      .map((n) => n.toFixed(1))
      .join(" ")}`,
  );
} finally {
  rmSync(work, { recursive: true, force: true });
}
