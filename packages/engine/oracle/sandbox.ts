import { spawn, spawnSync } from "node:child_process";
import {
  chownSync,
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readSync,
  rmSync,
  statSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * Runs one command line under `strace -f` inside a bubblewrap sandbox: its own mount, pid,
 * network, ipc and uts namespaces, the whole host file system read-only, `/tmp` and `/run`
 * empty tmpfs, no capabilities, a uid other than 0 inside, and (when we are root) an
 * unprivileged uid outside too, so that even a mount left writable by mistake belongs to
 * nobody the sandbox is. The run folder is the only writable host path.
 */

/** The uid the sandbox runs as outside when the oracle itself runs as root (`nobody`). */
export const outsideUid = 65534;
const insideUid = 1000;

export type Support = { ok: true } | { ok: false; reason: string };

let support: Support | undefined;

/** Whether strace, bwrap and user namespaces work here; the reason when they do not. */
export function sandboxSupport(): Support {
  if (support !== undefined) return support;
  for (const [tool, args] of [
    ["strace", ["-V"]],
    ["bwrap", ["--version"]],
  ] as const) {
    const probe = spawnSync(tool, args, { encoding: "utf8" });
    if (probe.error !== undefined || probe.status !== 0) {
      support = { ok: false, reason: `${tool} is not installed (apt-get install ${pkg(tool)})` };
      return support;
    }
  }
  // Before any corpus command runs: the host is read-only in there, we are not root and
  // hold no capability. (test/oracle/oracle.test.ts's canary proves it in depth.)
  const hostFile = join(fileURLToPath(new URL(".", import.meta.url)), `.probe-${process.pid}`);
  const check = [
    `! touch /etc/.oracle-probe-${process.pid} 2>/dev/null`,
    `! touch '${hostFile}' 2>/dev/null`,
    '[ "$(id -u)" != 0 ]',
    "grep -Eq '^CapEff:[[:space:]]+0+$' /proc/self/status",
  ].join(" && ");
  const notIsolated = 42;
  const probe = spawnSync(
    ...sandboxArgv(["bash", "-c", `${check} || exit ${notIsolated}`], {
      cwd: "/",
      binds: [],
    }),
    {
      encoding: "utf8",
      timeout: 10_000,
    },
  );
  const leaked = [`/etc/.oracle-probe-${process.pid}`, hostFile].filter((f) => existsSync(f));
  for (const file of leaked) rmSync(file, { force: true });
  if (leaked.length > 0) {
    support = { ok: false, reason: `the sandbox is not isolated: it wrote ${leaked.join(", ")}` };
  } else if (probe.status === notIsolated) {
    support = {
      ok: false,
      reason: "the sandbox is not isolated (root, a capability or a writable host path)",
    };
  } else if (probe.status !== 0) {
    const why = (probe.stderr || probe.error?.message || `exit ${probe.status}`).trim();
    support = { ok: false, reason: `bwrap cannot create namespaces here: ${why.split("\n")[0]}` };
  } else {
    support = { ok: true };
  }
  return support;
}

function pkg(tool: string): string {
  return tool === "bwrap" ? "bubblewrap" : tool;
}

export function isRoot(): boolean {
  return typeof process.getuid === "function" && process.getuid() === 0;
}

interface SandboxSpec {
  cwd: string;
  /** Host folders bound read-write at the same path (after `/tmp` becomes a tmpfs). */
  binds: string[];
  /** Host folders bound read-only at the same path. */
  roBinds?: string[];
  env?: Record<string, string>;
  /** RLIMIT_FSIZE for everything inside, bytes. */
  fileSizeLimit?: number;
}

/** The argv (program first) that runs `inner` in the sandbox. */
export function sandboxArgv(inner: string[], spec: SandboxSpec): [string, string[]] {
  const bwrap = [
    "bwrap",
    "--ro-bind",
    "/",
    "/",
    "--dev",
    "/dev",
    "--proc",
    "/proc",
    "--tmpfs",
    "/tmp",
    // Unix sockets are file-system objects that no network namespace hides (a D-Bus or
    // Docker socket under /run): an empty /run leaves none to connect to.
    "--tmpfs",
    "/run",
    "--unshare-all",
    "--die-with-parent",
    "--new-session",
    "--cap-drop",
    "ALL",
    "--uid",
    String(insideUid),
    "--gid",
    String(insideUid),
    "--clearenv",
  ];
  for (const dir of spec.binds) bwrap.push("--bind", dir, dir);
  for (const dir of spec.roBinds ?? []) bwrap.push("--ro-bind", dir, dir);
  for (const [key, value] of Object.entries(spec.env ?? {})) bwrap.push("--setenv", key, value);
  bwrap.push("--chdir", spec.cwd, "--", ...inner);
  const limits = [
    "prlimit",
    `--fsize=${spec.fileSizeLimit ?? 64 * 1024 * 1024}`,
    "--nproc=512",
    "--core=0",
    "--",
  ];
  const argv = isRoot()
    ? [
        "setpriv",
        `--reuid=${outsideUid}`,
        `--regid=${outsideUid}`,
        "--clear-groups",
        "--inh-caps=-all",
        "--bounding-set=-all",
        "--",
        ...limits,
        ...bwrap,
      ]
    : [...limits, ...bwrap];
  return [argv[0]!, argv.slice(1)];
}

/** The system calls traced: files, processes, the working folder, the network. */
export const tracedSyscalls = [
  "open",
  "openat",
  "openat2",
  "creat",
  "unlink",
  "unlinkat",
  "rmdir",
  "rename",
  "renameat",
  "renameat2",
  "link",
  "linkat",
  "symlink",
  "symlinkat",
  "mkdir",
  "mkdirat",
  "mknod",
  "mknodat",
  "truncate",
  "chmod",
  "fchmodat",
  "chown",
  "lchown",
  "fchownat",
  "utimensat",
  "execve",
  "execveat",
  "chdir",
  "fchdir",
  "clone",
  "clone3",
  "fork",
  "vfork",
  "connect",
  "sendto",
  "sendmsg",
];

export interface RunSpec {
  command: string;
  cwd: string;
  home: string;
  /** The only writable host folder (the fixture), bound at the same path. */
  runDir: string;
  /** A host folder for the trace (bound read-write: strace writes there). */
  traceDir: string;
  /** Read-only host folder prepended to PATH (Debian's `fdfind` as `fd`). */
  binDir?: string;
  /**
   * A shell snippet run in the sandbox before the traced command, untraced (the fixture's git
   * index refresh).
   */
  setup?: string;
  timeoutMs: number;
  /** Bytes of stdout and of stderr kept; the rest is read and dropped. */
  outputLimit: number;
}

export interface RunResult {
  exitCode: number | null;
  signal: string | null;
  timedOut: boolean;
  stdout: string;
  stderr: string;
  outputTruncated: boolean;
  /** strace's output, `-xx` hex strings and `-y` decoded descriptors. */
  trace: string;
}

/** Runs `bash -c command` traced inside the sandbox. */
export async function runTraced(spec: RunSpec): Promise<RunResult> {
  mkdirSync(spec.traceDir, { recursive: true });
  const traceFile = join(spec.traceDir, "strace.out");
  // Opened here before the run: a command that deletes the trace file (`rm -rf /`) only
  // unlinks its name; strace keeps writing and this descriptor still reads it.
  const traceFd = openSync(traceFile, "w+");
  try {
    if (isRoot()) {
      chownSync(spec.traceDir, outsideUid, outsideUid);
      chownSync(traceFile, outsideUid, outsideUid);
    }
    const path = ["/usr/local/bin", "/usr/bin", "/bin", "/usr/sbin", "/sbin"];
    if (spec.binDir !== undefined) path.unshift(spec.binDir);
    const strace = [
      "strace",
      "-f",
      "-qq",
      "-y",
      "-xx",
      "-s",
      "4096",
      "--seccomp-bpf",
      "-e",
      `trace=${tracedSyscalls.join(",")}`,
      "-o",
      traceFile,
      "--",
      "bash",
      "-c",
      spec.command,
    ];
    const inner =
      spec.setup === undefined
        ? strace
        : ["bash", "-c", `${spec.setup}\nexec "$@"`, "oracle-setup", ...strace];
    const [program, args] = sandboxArgv(inner, {
      cwd: spec.cwd,
      binds: [spec.runDir, spec.traceDir],
      roBinds: spec.binDir === undefined ? [] : [spec.binDir],
      env: {
        PATH: path.join(":"),
        HOME: spec.home,
        USER: "oracle",
        LOGNAME: "oracle",
        LANG: "C.UTF-8",
        TERM: "dumb",
        SHELL: "/bin/bash",
      },
    });
    const result = await spawnLimited(program, args, spec.timeoutMs, spec.outputLimit);
    return { ...result, trace: readAll(traceFd) };
  } finally {
    closeSync(traceFd);
  }
}

function readAll(fd: number): string {
  const chunks: Buffer[] = [];
  const buffer = Buffer.alloc(1 << 16);
  let position = 0;
  for (;;) {
    const n = readSync(fd, buffer, 0, buffer.length, position);
    if (n === 0) break;
    chunks.push(Buffer.from(buffer.subarray(0, n)));
    position += n;
  }
  return Buffer.concat(chunks).toString("latin1");
}

function spawnLimited(
  program: string,
  args: string[],
  timeoutMs: number,
  limit: number,
): Promise<Omit<RunResult, "trace">> {
  return new Promise((resolve, reject) => {
    const child = spawn(program, args, { stdio: ["ignore", "pipe", "pipe"], env: {} });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let outBytes = 0;
    let errBytes = 0;
    let truncated = false;
    let timedOut = false;
    child.stdout.on("data", (chunk: Buffer) => {
      if (outBytes < limit) out.push(chunk.subarray(0, limit - outBytes));
      else truncated = true;
      outBytes += chunk.length;
    });
    child.stderr.on("data", (chunk: Buffer) => {
      if (errBytes < limit) err.push(chunk.subarray(0, limit - errBytes));
      else truncated = true;
      errBytes += chunk.length;
    });
    // bwrap runs with --die-with-parent and is the parent of the pid namespace: killing it
    // kills everything inside.
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill("SIGKILL");
    }, timeoutMs);
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      resolve({
        exitCode: code,
        signal,
        timedOut,
        stdout: Buffer.concat(out).toString("utf8"),
        stderr: Buffer.concat(err).toString("utf8"),
        outputTruncated: truncated || outBytes > limit || errBytes > limit,
      });
    });
  });
}

/**
 * A temp folder the sandbox's outside uid can reach: `os.tmpdir()` when every folder on its
 * way lets others through (a test run's private TMPDIR, mode 0700, does not), else `/tmp`.
 */
export function reachableTmp(): string {
  const candidate = tmpdir();
  if (!isRoot()) return candidate;
  for (let dir = candidate; ; dir = dirname(dir)) {
    try {
      if ((statSync(dir).mode & 0o001) === 0) return "/tmp";
    } catch {
      return "/tmp";
    }
    if (dirname(dir) === dir) return candidate;
  }
}
