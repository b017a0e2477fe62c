/**
 * Paths through the kernel's per-process links (`/proc/self/cwd`, `/dev/fd/..`, `/dev/stdin`),
 * rewritten for the command that will run, before anything looks at the file system: asking
 * the real `/proc/self` would describe automode's own process (its cwd, its descriptors), not
 * the command's. Linux semantics on every platform: elsewhere the paths do not exist, and
 * treating them as Linux would is the stricter reading.
 */

/** What a path through `/proc` or `/dev` names for the command. */
export type SpecialPath =
  /** An ordinary path (the command's cwd or `/` plus the rest), to resolve as any other. */
  | { kind: "plain"; path: string }
  /** A file of procfs about the command's own process (`/proc/self/status`): named, not resolved. */
  | { kind: "virtual"; path: string }
  /** One of the command's standard streams. */
  | { kind: "stream"; stream: "stdin" | "stdout" | "stderr"; path: string }
  /** What it names depends on another process or an open descriptor: nobody can tell. */
  | { kind: "unknown"; path: string; reason: string };

/** Stands for the calling thread's `/proc/self/task/<tid>`; cannot occur in input (NUL is refused). */
const thread = "\0thread";
const streams = ["stdin", "stdout", "stderr"] as const;
const digits = /^[0-9]+$/;

/** A `/proc` or `/dev` segment pair that is one of the per-process links. */
function isMagicPair(first: string, second: string | undefined): boolean {
  if (second === undefined) return false;
  if (first === "proc") {
    return second === "self" || second === "thread-self" || digits.test(second);
  }
  return first === "dev" && (second === "fd" || (streams as readonly string[]).includes(second));
}

/**
 * After a `..`, the physical walk may climb into `/proc` or `/dev` where the written path does
 * not (a link to `/`, a cwd named differently): a later per-process link is then unknowable
 * without walking the file system, so it is reported as unknown (rare, and fail closed).
 */
function climbsIntoMagic(segments: readonly string[], from: number): boolean {
  const up = segments.indexOf("..", from);
  if (up === -1) return false;
  for (let i = up + 1; i < segments.length; i++) {
    if (isMagicPair(segments[i] as string, segments[i + 1])) return true;
  }
  return false;
}

function show(stack: readonly string[], rest: readonly string[] = []): string {
  const all = [...stack, ...rest];
  const at = all.indexOf(thread);
  if (at === 3) all.splice(1, 3, "thread-self");
  return `/${all.join("/")}`;
}

/** The rest of a walk that left `/proc` by `/..` or `/proc/self/root`: it starts again at `/`. */
function fromRoot(rest: readonly string[], cwd: string, depth: number): SpecialPath {
  const path = `/${rest.join("/")}`;
  return specialPath(path, cwd, depth + 1) ?? { kind: "plain", path };
}

/** Quick test: most paths name neither `/proc` nor `/dev`. */
export function mayBeSpecial(joined: string): boolean {
  return joined.includes("/proc") || joined.includes("/dev");
}

/**
 * `joined` is absolute and not yet normalised (`..` after `/dev/fd` means `/proc/self`, not
 * `/dev`); `cwd` is the command's folder. Undefined for a path that is none of these.
 */
export function specialPath(joined: string, cwd: string, depth = 0): SpecialPath | undefined {
  if (!mayBeSpecial(joined)) return undefined;
  const segments = joined.split("/").filter((s) => s !== "" && s !== ".");
  const unknown = (reason: string): SpecialPath => ({
    kind: "unknown",
    path: `/${segments.join("/")}`,
    reason,
  });
  if (depth > 8) return unknown("it loops through /proc/self/root");
  const first = segments[0];
  if (first !== "proc" && first !== "dev") {
    return climbsIntoMagic(segments, 0)
      ? unknown("after `..` it may climb into /proc or /dev, where it depends on the process")
      : undefined;
  }
  let stack: string[] = [];
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i] as string;
    const rest = segments.slice(i + 1);
    if (segment === "..") {
      stack.pop();
      if (stack.length === 0) return fromRoot(rest, cwd, depth);
      continue;
    }
    stack.push(segment);
    if (stack[0] === "dev") {
      if (stack.length < 2) continue;
      const device = stack[1] as string;
      if (device === "fd") stack = ["proc", "self", "fd"];
      else if (device === "stdin" || device === "stdout" || device === "stderr") {
        stack = ["proc", "self", "fd", String(streams.indexOf(device))];
      } else {
        // An ordinary device (`/dev/null`, `/dev/sda`): a file system path like any other.
        return climbsIntoMagic(segments, i + 1) ? unknown("it climbs back into /proc") : undefined;
      }
    }
    const second = stack[1];
    if (stack[0] === "proc") {
      if (stack.length < 2) continue;
      if (second === "thread-self") {
        stack = ["proc", "self", "task", thread];
        continue;
      }
      if (second !== "self") {
        if (digits.test(second as string)) {
          return unknown(`it names process ${second}'s files, which depend on that process`);
        }
        // `/proc/cpuinfo`, `/proc/sys/…`: the same for every process.
        continue;
      }
      // Under /proc/self: `own` is the index of the entry below the process folder.
      const own = stack[2] === "task" && stack.length >= 4 ? 4 : 2;
      if (stack.length === 4 && stack[2] === "task" && stack[3] !== thread) {
        return unknown(`it names thread ${stack[3]}'s files, which depend on that thread`);
      }
      if (stack.length !== own + 1) {
        if (stack[own] === "fd" && stack.length === own + 2) {
          const fd = stack[own + 1] as string;
          if (rest.length > 0) {
            return unknown("it goes through an open file descriptor, whose file is not known");
          }
          const n = digits.test(fd) ? Number(fd) : Number.NaN;
          const stream = streams[n];
          if (stream !== undefined && String(n) === fd) {
            return { kind: "stream", stream, path: `/dev/${stream}` };
          }
          return unknown(`it is open file descriptor ${fd}, whose file is not known`);
        }
        continue;
      }
      const entry = stack[own];
      if (entry === "cwd") {
        if (climbsIntoMagic(rest, 0)) return unknown("it climbs back into /proc or /dev");
        return { kind: "plain", path: rest.length === 0 ? cwd : `${cwd}/${rest.join("/")}` };
      }
      if (entry === "root") return fromRoot(rest, cwd, depth);
      if (entry === "exe" || entry === "map_files" || entry === "ns") {
        // Links to files whose names only the running process knows.
        return unknown(`/proc/self/${entry} depends on the process that runs`);
      }
    }
  }
  // `/dev` itself, or `/dev/` with nothing after: an ordinary folder.
  if (stack[0] !== "proc") return undefined;
  return { kind: "virtual", path: show(stack) };
}
