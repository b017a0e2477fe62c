/**
 * `automode serve` under load, with a real load generator (autocannon) against a real server
 * process on loopback TCP, as Claude Code's http hook calls it:
 *   1. latency per decision (p50, p99) with 16 connections, for a Read and for a Bash call,
 *      audit append included (the server answers after the record is written);
 *   2. sustained throughput over BENCH_SERVE_SECONDS (default 60), then: every answered call is in
 *      the log once, and `automode audit verify` passes;
 *   3. memory after BENCH_MEM_SMALL (10,000) and BENCH_MEM_LARGE (100,000) requests: resident
 *      size as it is, and resident size and live heap after a forced collection (a preloaded
 *      probe, bench/memory-probe.cjs), which tells a leak from V8 collecting late.
 * Targets (issue 14): p50 ≤ 1 ms, p99 ≤ 5 ms, ≥ 2,000 decisions/s, memory within 10%.
 *
 *   pnpm build && pnpm bench     (BENCH_SERVE_SECONDS=10 BENCH_MEM_LARGE=30000 for a short run)
 */
import { spawn, spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, realpathSync, rmSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";

const here = fileURLToPath(new URL("..", import.meta.url));
const bin = join(here, "bin", "automode.js");
const sustainSeconds = Number(process.env.BENCH_SERVE_SECONDS ?? 60);
const latencySeconds = Number(process.env.BENCH_LATENCY_SECONDS ?? 10);
const memSmall = Number(process.env.BENCH_MEM_SMALL ?? 10_000);
const memLarge = Number(process.env.BENCH_MEM_LARGE ?? 100_000);
const connections = 16;

const work = realpathSync(mkdtempSync(join(tmpdir(), "automode-serve-bench-")));
const project = join(work, "invoice-kit");
cpSync(join(here, "sample-project"), project, { recursive: true });
const config = join(work, "config");
const token = "bench-token-0123456789abcdef";

const server = spawn(
  process.execPath,
  [
    "--expose-gc",
    "-r",
    join(here, "bench", "memory-probe.cjs"),
    ...(process.env.BENCH_SERVE_NODE_ARGS?.split(" ").filter(Boolean) ?? []),
    bin,
    "serve",
    "--port",
    "0",
  ],
  {
    env: {
      ...process.env,
      AUTOMODE_CONFIG_DIR: config,
      AUTOMODE_TOKEN: token,
      AUTOMODE_SOCKET: "",
    },
    stdio: ["ignore", "ignore", "pipe"],
  },
);
let said = "";
const port = await new Promise<number>((resolve, reject) => {
  server.stderr.on("data", (chunk: Buffer) => {
    said += chunk.toString("utf8");
    const port = /127\.0\.0\.1:(\d+)/.exec(said)?.[1];
    if (said.includes("ready (pid") && port !== undefined) resolve(Number(port));
  });
  server.on("exit", (code) => reject(new Error(`automode serve exited ${code}: ${said}`)));
});

interface Probe {
  rssBefore: number;
  rss: number;
  heapUsed: number;
}
/** The server's memory: resident size as it is, then after a forced collection (the live heap). */
async function probe(): Promise<Probe> {
  const seen = said.length;
  server.kill("SIGUSR2");
  for (;;) {
    const line = /memory-probe (\{.*\})\n/.exec(said.slice(seen))?.[1];
    if (line !== undefined) return JSON.parse(line) as Probe;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const hookInput = (tool_name: string, tool_input: object) =>
  JSON.stringify({
    session_id: "bench",
    transcript_path: join(work, "t.jsonl"),
    cwd: project,
    hook_event_name: "PreToolUse",
    tool_name,
    tool_input,
  });
const calls = {
  Read: hookInput("Read", { file_path: join(project, "src", "invoice.ts") }),
  Bash: hookInput("Bash", { command: "npm test -- --run && git status", description: "test" }),
};

async function load(
  body: string,
  how: { duration: number } | { amount: number },
): Promise<autocannon.Result> {
  const result = await autocannon({
    url: `http://127.0.0.1:${port}/v1/hooks/claude-code`,
    method: "POST",
    connections,
    headers: {
      authorization: `Bearer ${token}`,
      "content-type": "application/json",
      "x-automode-project-dir": project,
    },
    body,
    ...how,
  });
  if (result.errors > 0 || result.non2xx > 0 || result.timeouts > 0) {
    throw new Error(
      `errors ${result.errors}, non-2xx ${result.non2xx}, timeouts ${result.timeouts}`,
    );
  }
  return result;
}

/** The server's CPU time (user + system) in ms, from /proc (Linux); undefined elsewhere. */
const cpuMs = (): number | undefined => {
  try {
    const fields =
      readFileSync(`/proc/${server.pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return undefined;
  }
};

const log = join(project, ".claude", "audit.jsonl");
const decisionLines = () =>
  readFileSync(log, "utf8")
    .split("\n")
    .filter((line) => line !== "" && !line.includes('"event":')).length;

const out = (line: string) => process.stdout.write(`${line}\n`);
out(
  `\nautomode serve, ${connections} connections (autocannon), node ${process.version}, ${process.platform}/${process.arch}, ${cpus().length} CPUs, load average ${loadavg()[0]?.toFixed(1)}`,
);

await load(calls.Read, { amount: 500 }); // warm the engine and the JIT
for (const [tool, body] of Object.entries(calls)) {
  const r = await load(body, { duration: latencySeconds });
  out(
    `${tool.padEnd(5)} latency p50 ${r.latency.p50} ms  p99 ${r.latency.p99} ms  (${latencySeconds} s, ${r.requests.average.toFixed(0)} decisions/s)`,
  );
}

const before = decisionLines();
const cpuBefore = cpuMs();
const sustained = await load(calls.Bash, { duration: sustainSeconds });
// The server answers after the append, so every 2xx is in the log; a request autocannon cut off
// at the end may be recorded without being counted.
const recorded = decisionLines() - before;
const cpuAfter = cpuMs();
const cpuPer =
  cpuBefore === undefined || cpuAfter === undefined
    ? "n/a"
    : `${(((cpuAfter - cpuBefore) * 1000) / sustained["2xx"]).toFixed(0)} µs`;
const answered = sustained["2xx"];
const verify = spawnSync(process.execPath, [bin, "audit", "verify", log], {
  env: { ...process.env, AUTOMODE_CONFIG_DIR: config },
  encoding: "utf8",
});
out(
  `sustained ${sustainSeconds} s (Bash): ${sustained.requests.average.toFixed(0)} decisions/s, server CPU ${cpuPer} per decision, ${answered} answered, ${recorded} recorded (${recorded - answered} in flight at the cut), audit verify ${verify.status === 0 ? "passed" : `FAILED: ${verify.stdout}${verify.stderr}`}`,
);

await load(calls.Read, { amount: memSmall });
const small = await probe();
await load(calls.Read, { amount: memLarge - memSmall });
const large = await probe();
const mb = (bytes: number) => (bytes / 1048576).toFixed(1);
const pct = (a: number, b: number) => `${(((b - a) / a) * 100).toFixed(1)}%`;
out(
  `memory after ${memSmall} / ${memLarge} more requests: resident ${mb(small.rssBefore)} / ${mb(large.rssBefore)} MB (${pct(small.rssBefore, large.rssBefore)}); after a forced GC: resident ${mb(small.rss)} / ${mb(large.rss)} MB (${pct(small.rss, large.rss)}), live heap ${mb(small.heapUsed)} / ${mb(large.heapUsed)} MB (${pct(small.heapUsed, large.heapUsed)})`,
);

server.kill("SIGTERM");
await new Promise((resolve) => server.once("exit", resolve));
rmSync(work, { recursive: true, force: true });
if (answered > recorded || verify.status !== 0) process.exitCode = 1;
