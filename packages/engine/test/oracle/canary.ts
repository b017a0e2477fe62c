import { spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { homedir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type RunResult, runTraced, sandboxArgv } from "../../oracle/sandbox.js";

/**
 * Files and a listening socket on the real machine that a command inside the sandbox tries to
 * destroy or reach. Each canary holds a random token; afterwards every one must be intact.
 */
export interface Canaries {
  token: string;
  files: string[];
  /** A folder matched by `/tmp/oracle-canary-*`. */
  tmpDir: string;
  port: number;
  connections: () => number;
  cleanup: () => Promise<void>;
}

const packageDir = fileURLToPath(new URL("../..", import.meta.url));

export async function plantCanaries(): Promise<Canaries> {
  const token = `canary-${process.pid}-${Math.random().toString(36).slice(2)}`;
  // The real /tmp, whatever TMPDIR the test run has: the name `rm -rf /tmp/oracle-canary-*` aims at.
  const tmpDir = mkdtempSync("/tmp/oracle-canary-");
  const workDir = join(packageDir, "node_modules", ".oracle-canary");
  mkdirSync(workDir, { recursive: true });
  const files = [
    join(tmpDir, "file"),
    join(workDir, `${token}.txt`),
    join(homedir(), `.oracle-${token}`),
  ];
  for (const file of files) writeFileSync(file, token);
  let count = 0;
  const server: Server = createServer((socket) => {
    count++;
    socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address !== null ? address.port : 0;
  return {
    token,
    files,
    tmpDir,
    port,
    connections: () => count,
    cleanup: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      for (const file of files) rmSync(file, { force: true });
      rmSync(tmpDir, { recursive: true, force: true });
      rmSync(workDir, { recursive: true, force: true });
    },
  };
}

/** Every canary file still holds its token. */
export function intact(canaries: Canaries): string[] {
  return canaries.files.filter(
    (file) => !existsSync(file) || readFileSync(file, "utf8") !== canaries.token,
  );
}

/** Runs `bash -c line` in the oracle's sandbox without strace (a whole-tree `rm -rf` is slow traced). */
export function runSandboxed(
  line: string,
  cwd: string,
  timeoutMs: number,
): Promise<Omit<RunResult, "trace">> {
  const [program, args] = sandboxArgv(["bash", "-c", line], {
    cwd,
    binds: [cwd],
    env: { PATH: "/usr/bin:/bin", HOME: cwd },
  });
  return new Promise((resolve, reject) => {
    const child = spawn(program, args, { stdio: ["ignore", "pipe", "pipe"], env: {} });
    let stdout = "";
    let stderr = "";
    let timedOut = false;
    child.stdout.on("data", (chunk: Buffer) => {
      if (stdout.length < 1 << 16) stdout += chunk.toString();
    });
    child.stderr.on("data", (chunk: Buffer) => {
      if (stderr.length < 1 << 16) stderr += chunk.toString();
    });
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill("SIGKILL");
    }, timeoutMs);
    child.on("error", reject);
    child.on("close", (exitCode, signal) => {
      clearTimeout(timer);
      resolve({ exitCode, signal, timedOut, stdout, stderr, outputTruncated: false });
    });
  });
}

export { runTraced };
