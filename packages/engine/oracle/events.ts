import { basename, isAbsolute, resolve } from "node:path";
import { descriptorPath, type ParsedTrace, type Syscall, stringArg, stringList } from "./strace.js";

/**
 * What the traced processes did, one event per effect, attributed to the program that did it.
 * Paths are absolute: from the descriptor strace decoded (the real path the kernel opened),
 * else resolved against the directory descriptor or the process's tracked working folder.
 */
export type TraceEvent =
  | FileEvent
  | { kind: "execute"; name: string; path: string; argv: string[]; pid: number; program: string }
  | { kind: "network"; target: string; pid: number; program: string };

export interface FileEvent {
  kind: "read" | "write" | "delete";
  path: string;
  /** A folder opened to list its names (`O_DIRECTORY`). */
  listing?: boolean;
  /** The file did not exist before (`O_CREAT` that made it, `mkdir`, a link, a rename target). */
  created?: boolean;
  /** A symbolic link made (`ln -s`): judged by its own name, not by what it points to. */
  link?: boolean;
  /** The call failed for lack of permission (`EROFS`, `EACCES`, `EPERM`): on a real machine it may well succeed. */
  attempted?: string;
  pid: number;
  program: string;
  syscall: string;
}

/** Failures that say "not allowed here", not "nothing there": the attempt is the effect. */
const deniedErrors = new Set(["EROFS", "EACCES", "EPERM"]);

interface Process {
  cwd: string;
  program: string;
}

export function traceEvents(trace: ParsedTrace, initialCwd: string): TraceEvent[] {
  const events: TraceEvent[] = [];
  const processes = new Map<number, Process>();
  // strace may print a new process's first calls before the clone that made it returns in the
  // parent: learn every parent first, so a child starts with its parent's program and cwd.
  const parentOf = new Map<number, number>();
  for (const call of trace.calls) {
    if (/^(clone3?|v?fork)$/.test(call.name) && /^\d+$/.test(call.ret) && call.ret !== "0") {
      parentOf.set(Number(call.ret), call.pid);
    }
  }
  let firstExec = true;
  const processOf = (pid: number): Process => {
    let p = processes.get(pid);
    if (p === undefined) {
      const parent = parentOf.get(pid);
      const from = parent === undefined ? undefined : processes.get(parent);
      p = from === undefined ? { cwd: initialCwd, program: "bash" } : { ...from };
      processes.set(pid, p);
    }
    return p;
  };
  for (const call of trace.calls) {
    const proc = processOf(call.pid);
    const ok = call.errno === undefined && call.ret !== "?" && !call.ret.startsWith("-");
    const denied = call.errno !== undefined && deniedErrors.has(call.errno);
    const at = (dirArg: string | undefined, pathArg: string | undefined) =>
      absolutePath(
        stringArg(pathArg),
        dirArg === undefined ? undefined : descriptorPath(dirArg),
        proc,
      );
    const file = (
      kind: FileEvent["kind"],
      path: string | undefined,
      extra: Partial<FileEvent> = {},
    ) => {
      if (path === undefined || (!ok && !denied)) return;
      const event: FileEvent = {
        kind,
        path,
        pid: call.pid,
        program: proc.program,
        syscall: call.name,
        ...extra,
      };
      if (denied) event.attempted = call.errno;
      events.push(event);
    };
    // Every *at call shows the working folder it ran in: keep the tracked cwd honest.
    const cwdShown = call.args[0]?.startsWith("AT_FDCWD<")
      ? descriptorPath(call.args[0])
      : undefined;
    if (cwdShown !== undefined && isAbsolute(cwdShown)) proc.cwd = cwdShown;
    switch (call.name) {
      case "clone":
      case "clone3":
      case "fork":
      case "vfork": {
        const child = Number(call.ret);
        if (ok && child > 0 && !processes.has(child)) processes.set(child, { ...proc });
        break;
      }
      case "execve":
      case "execveat": {
        if (!ok) break;
        const path =
          call.name === "execve" ? at(undefined, call.args[0]) : at(call.args[0], call.args[1]);
        const argv = stringList(call.name === "execve" ? call.args[1] : call.args[2]);
        const name = basename(path ?? argv[0] ?? "?");
        proc.program = name;
        if (firstExec) {
          // strace's own exec of `bash -c LINE`: the line itself, not something it runs.
          firstExec = false;
          break;
        }
        events.push({
          kind: "execute",
          name,
          path: path ?? "?",
          argv,
          pid: call.pid,
          program: name,
        });
        break;
      }
      case "chdir": {
        const path = at(undefined, call.args[0]);
        if (ok && path !== undefined) proc.cwd = path;
        break;
      }
      case "fchdir": {
        const path = descriptorPath(call.args[0]);
        if (ok && path !== undefined && isAbsolute(path)) proc.cwd = path;
        break;
      }
      case "open":
      case "openat":
      case "openat2":
      case "creat": {
        const [dirArg, pathArg, flagsArg] =
          call.name === "open"
            ? [undefined, call.args[0], call.args[1]]
            : call.name === "creat"
              ? [undefined, call.args[0], "O_WRONLY|O_CREAT|O_TRUNC"]
              : [call.args[0], call.args[1], call.args[2]];
        const flags = flagsArg ?? "";
        if (/\bO_PATH\b/.test(flags)) break;
        const path =
          ok && call.retPath !== undefined && isAbsolute(call.retPath)
            ? call.retPath
            : at(dirArg, pathArg);
        const writes = /\bO_(WRONLY|RDWR|CREAT|TRUNC)\b/.test(flags);
        const reads = !/\bO_WRONLY\b/.test(flags);
        if (reads) file("read", path, /\bO_DIRECTORY\b/.test(flags) ? { listing: true } : {});
        if (writes) file("write", path, /\bO_EXCL\b/.test(flags) ? { created: true } : {});
        break;
      }
      case "unlink":
      case "rmdir":
        file("delete", at(undefined, call.args[0]));
        break;
      case "unlinkat":
        file("delete", at(call.args[0], call.args[1]));
        break;
      case "rename":
        file("delete", at(undefined, call.args[0]));
        file("write", at(undefined, call.args[1]));
        break;
      case "renameat":
      case "renameat2":
        file("delete", at(call.args[0], call.args[1]));
        file("write", at(call.args[2], call.args[3]));
        break;
      case "link":
        file("write", at(undefined, call.args[1]), { created: true });
        break;
      case "symlink":
        file("write", at(undefined, call.args[1]), { created: true, link: true });
        break;
      case "linkat":
        file("write", at(call.args[2], call.args[3]), { created: true });
        break;
      case "symlinkat":
        file("write", at(call.args[1], call.args[2]), { created: true, link: true });
        break;
      case "mkdir":
      case "mknod":
        file("write", at(undefined, call.args[0]), { created: true });
        break;
      case "mkdirat":
      case "mknodat":
        file("write", at(call.args[0], call.args[1]), { created: true });
        break;
      case "truncate":
      case "chmod":
      case "chown":
      case "lchown":
        file("write", at(undefined, call.args[0]));
        break;
      case "fchmodat":
      case "fchownat":
      case "utimensat": {
        // utimensat(fd, NULL, …) touches the descriptor's file, opened (and seen) before.
        if (call.args[1] === "NULL") break;
        file("write", at(call.args[0], call.args[1]));
        break;
      }
      case "connect":
      case "sendto":
      case "sendmsg": {
        const target = socketTarget(call);
        if (target !== undefined) {
          events.push({ kind: "network", target, pid: call.pid, program: proc.program });
        }
        break;
      }
    }
  }
  return events;
}

function absolutePath(
  path: string | undefined,
  dir: string | undefined,
  proc: Process,
): string | undefined {
  if (path === undefined) return undefined;
  if (isAbsolute(path)) return resolve(path);
  if (dir !== undefined && isAbsolute(dir)) return resolve(dir, path);
  return resolve(proc.cwd, path);
}

/** `127.0.0.1:443`, `[::1]:80`, `unix:/path` from a sockaddr strace printed; none for others. */
export function socketTarget(call: Syscall): string | undefined {
  const text = call.args.join(", ");
  const family = /sa_family=(AF_[A-Z0-9]+)/.exec(text)?.[1];
  if (family === "AF_INET") {
    const port = /sin_port=htons\((\d+)\)/.exec(text)?.[1];
    const addr = /inet_addr\(("[^"]*")\)/.exec(text)?.[1];
    return `${stringArg(addr) ?? "?"}:${port ?? "?"}`;
  }
  if (family === "AF_INET6") {
    const port = /sin6_port=htons\((\d+)\)/.exec(text)?.[1];
    const addr = /inet_pton\(AF_INET6,\s*("[^"]*")/.exec(text)?.[1];
    return `[${stringArg(addr) ?? "?"}]:${port ?? "?"}`;
  }
  if (family === "AF_UNIX") {
    const raw = /sun_path=(@?"(?:[^"\\]|\\.)*")/.exec(text)?.[1];
    if (raw === undefined) return "unix:?";
    const abstract = raw.startsWith("@");
    const path = stringArg(abstract ? raw.slice(1) : raw) ?? "?";
    return `unix:${abstract ? "@" : ""}${path}`;
  }
  if (family === undefined || family === "AF_NETLINK") return undefined;
  return family;
}
