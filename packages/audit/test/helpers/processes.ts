import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

export const packageDir = fileURLToPath(new URL("../..", import.meta.url));
export const workerScript = fileURLToPath(new URL("./append-worker.mjs", import.meta.url));

/** Builds dist/ (the workers run the built package); a few seconds, once per test file. */
export function buildPackage(): void {
  execFileSync(
    process.execPath,
    [createRequire(import.meta.url).resolve("typescript/bin/tsc"), "-p", "tsconfig.build.json"],
    {
      cwd: packageDir,
      stdio: "inherit",
    },
  );
}

export interface WorkerReport {
  id: string;
  count: number;
  startedAt: number;
  endedAt: number;
  median: number;
}

export interface Worker {
  child: ChildProcess;
  ready: Promise<void>;
  done: Promise<{
    code: number | null;
    signal: NodeJS.Signals | null;
    report?: WorkerReport;
    stderr: string;
  }>;
}

/** Spawns a real `node` process running the append worker, waiting for "go". */
export function spawnWorker(
  file: string,
  count: number,
  id: string,
  options: { durable?: boolean; staleMs?: number } = {},
): Worker {
  const child = spawn(
    process.execPath,
    [workerScript, file, String(count), id, ...(options.durable ? ["durable"] : [])],
    {
      env: { ...process.env, AUDIT_WAIT_GO: "1", AUDIT_STALE_MS: String(options.staleMs ?? 5000) },
      stdio: ["pipe", "pipe", "pipe"],
    },
  );
  let stdout = "";
  let stderr = "";
  let markReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => {
    markReady = resolve;
  });
  child.stdout?.on("data", (d: Buffer) => {
    stdout += d.toString();
    if (stdout.startsWith("ready\n")) markReady();
  });
  child.stderr?.on("data", (d: Buffer) => {
    stderr += d.toString();
  });
  const done = new Promise<Awaited<Worker["done"]>>((resolve) => {
    child.on("exit", (code, signal) => {
      const last = stdout.trim().split("\n").at(-1);
      const report = last?.startsWith("{") ? (JSON.parse(last) as WorkerReport) : undefined;
      resolve(report ? { code, signal, report, stderr } : { code, signal, stderr });
    });
  });
  return { child, ready, done };
}

/** Starts every worker at once (after all are ready). */
export async function go(workers: Worker[]): Promise<void> {
  await Promise.all(workers.map((w) => w.ready));
  for (const w of workers) w.child.stdin?.end("go\n");
}
