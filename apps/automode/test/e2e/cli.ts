import { spawn, spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const appRoot = fileURLToPath(new URL("../..", import.meta.url));
export const bin = join(appRoot, "bin", "automode.js");

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

/** A PATH with node and the system tools, and no automode on it. */
export function pathWithoutAutomode(): string {
  return [dirname(process.execPath), "/usr/local/bin", "/usr/bin", "/bin"].join(":");
}

/** The same PATH with this build's automode on it, as a global install puts it there. */
export function pathWithAutomode(): string {
  const dir = join(tempDir(), "bin");
  mkdirSync(dir);
  symlinkSync(bin, join(dir, "automode"));
  return `${dir}:${pathWithoutAutomode()}`;
}

/** Installs this build into a project's node_modules as npm and pnpm do (links). */
export function installInto(project: string): void {
  mkdirSync(join(project, "node_modules", ".bin"), { recursive: true });
  symlinkSync(appRoot, join(project, "node_modules", "automode"));
  symlinkSync(bin, join(project, "node_modules", ".bin", "automode"));
}
