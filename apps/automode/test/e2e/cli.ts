import { spawn, spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, realpathSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const appRoot = fileURLToPath(new URL("../..", import.meta.url));
const bin = join(appRoot, "bin", "automode.js");

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  input?: string;
  cwd?: string;
  env?: NodeJS.ProcessEnv;
}

/** Runs `automode …` as a child process, the way a user or Claude Code does. */
export function cli(args: readonly string[], options: RunOptions = {}): Run {
  const result = spawnSync(process.execPath, [bin, ...args], {
    input: options.input ?? "",
    cwd: options.cwd ?? appRoot,
    env: { ...process.env, NO_COLOR: "1", CLAUDE_PROJECT_DIR: "", ...options.env },
    encoding: "utf8",
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The same, without blocking, so many can run at once. */
export function cliAsync(args: readonly string[], options: RunOptions = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], {
      cwd: options.cwd ?? appRoot,
      env: { ...process.env, NO_COLOR: "1", CLAUDE_PROJECT_DIR: "", ...options.env },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString("utf8");
    });
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString("utf8");
    });
    child.on("error", reject);
    child.on("close", (status) => resolve({ status, stdout, stderr }));
    child.stdin.end(options.input ?? "");
  });
}

const created: string[] = [];

/** Removes every folder `sampleProject` and `tempDir` made (call it from afterAll). */
export function cleanup(): void {
  for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** A fresh copy of the sample project in a temporary folder (its real path). */
export function sampleProject(): string {
  const work = tempDir();
  const project = join(work, "invoice-kit");
  cpSync(join(appRoot, "sample-project"), project, { recursive: true });
  return project;
}

export function tempDir(): string {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), "automode-e2e-")));
  created.push(dir);
  return dir;
}
