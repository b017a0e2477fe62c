import * as path from "node:path";
import { ScopeError } from "./errors.js";
import { expandHome } from "./expand.js";
import type { FileKind, FileSystem } from "./file-system.js";
import { mayBeSpecial, type SpecialPath, specialPath } from "./proc-paths.js";
import type { ResolvedPath } from "./types.js";

/** Linux gives up after 40 links (ELOOP); so does scope, instead of looping forever. */
const maxLinkHops = 40;

/** Rejects what cannot name a path safely. Throws ScopeError; never guesses. */
export function checkInput(target: unknown, cwd: unknown): asserts target is string {
  if (typeof target !== "string") throw new ScopeError("not-a-string", "the path is not a string");
  if (typeof cwd !== "string") throw new ScopeError("not-a-string", "the cwd is not a string");
  if (target.includes("\0")) throw new ScopeError("nul-byte", "the path contains a NUL byte");
  if (cwd.includes("\0")) throw new ScopeError("nul-byte", "the cwd contains a NUL byte");
  if (target === "") throw new ScopeError("empty-path", "the path is empty");
  if (!path.posix.isAbsolute(cwd)) {
    throw new ScopeError("relative-cwd", `the cwd must be absolute, got "${cwd}"`);
  }
}

export function resolvePath(
  target: string,
  cwd: string,
  fs: FileSystem,
  home: string,
): ResolvedPath {
  checkInput(target, cwd);
  const expanded = expandHome(target, home);
  let joined = expanded.startsWith("/") ? expanded : `${cwd}/${expanded}`;
  // Per-process links are rewritten for the command before realpath sees them (see proc-paths.ts).
  if (mayBeSpecial(joined)) {
    const special = specialOf(joined, cwd);
    if (special !== undefined && hasGlob(target)) {
      // The shell expands a pattern in its own process, through its own /proc/self.
      return named(target, {
        kind: "unknown",
        path: normalizeAbsolute(joined),
        reason: "a pattern through /proc or /dev is expanded by the shell's own process",
      });
    }
    if (special !== undefined && special.kind !== "plain") return named(target, special);
    if (special !== undefined) joined = special.path;
  }
  const absolute = normalizeAbsolute(joined);
  const { real, exists, kind } = realOf(fs, joined, absolute);
  return {
    input: target,
    absolute,
    real,
    exists,
    isDirectory: exists && (kind ?? fs.lstat(real)) === "directory",
  };
}

function hasGlob(target: string): boolean {
  return target.includes("*") || target.includes("?") || target.includes("[");
}

function specialOf(joined: string, cwd: string): SpecialPath | undefined {
  // A cwd that itself goes through `/proc/self/cwd` would name the folder the shell was in
  // before: not known here.
  if (mayBeSpecial(cwd) && specialPath(cwd, "/") !== undefined) {
    return {
      kind: "unknown",
      path: normalizeAbsolute(joined),
      reason: "the command's folder is named through /proc or /dev",
    };
  }
  return specialPath(joined, cwd);
}

/** A path the file system must not be asked about: named as written, never resolved. */
function named(input: string, special: Exclude<SpecialPath, { kind: "plain" }>): ResolvedPath {
  const resolved: ResolvedPath = {
    input,
    absolute: special.path,
    real: special.path,
    // Not looked up: the file system would describe automode's process, not the command's.
    exists: false,
    isDirectory: false,
  };
  if (special.kind === "stream" && special.stream === "stdin") resolved.stdin = true;
  if (special.kind === "unknown") resolved.unknown = special.reason;
  return resolved;
}

/**
 * `path.posix.resolve` of an absolute path, without its cost when the path is already normal
 * (no empty, `.` or `..` segment and no trailing slash), which is how paths usually arrive.
 */
export function normalizeAbsolute(joined: string): string {
  if (!joined.startsWith("/")) return path.posix.resolve("/", joined);
  if (
    joined.includes("//") ||
    joined.includes("/./") ||
    joined.includes("/../") ||
    (joined.length > 1 && joined.endsWith("/")) ||
    joined.endsWith("/.") ||
    joined.endsWith("/..")
  ) {
    return path.posix.resolve(joined);
  }
  return joined;
}

/** Whether some segment of the `/`-separated path is `..`. */
function hasDotDot(joined: string): boolean {
  return (
    joined.includes("/../") || joined.endsWith("/..") || joined.startsWith("../") || joined === ".."
  );
}

interface Real {
  real: string;
  exists: boolean;
  /** What lstat saw at `real`, when already known. */
  kind?: FileKind;
}

/** `fs.lstat`, with `null` for "could not tell" (it threw). */
function quietLstat(fs: FileSystem, path: string): FileKind | undefined | null {
  try {
    return fs.lstat(path);
  } catch {
    return null;
  }
}

/**
 * The real path of an absolute, possibly unnormalised path. Without `..` the lexical and the
 * physical path agree up to symlinks, so one realpath call usually settles it; a `..` after a
 * symlink means the link's parent, so from the first `..` on the path is walked segment by
 * segment.
 */
export function realOf(
  fs: FileSystem,
  joined: string,
  absolute: string = normalizeAbsolute(joined),
): Real {
  // Without `..` the lexical normalisation is the path to look up.
  if (!hasDotDot(joined)) return realOfPlain(fs, absolute);
  const segments = joined.split("/");
  const firstUp = segments.indexOf("..");
  const head = realOfPlain(fs, path.posix.resolve("/", ...segments.slice(0, firstUp)));
  const rest = segments.slice(firstUp);
  if (!head.exists) return { real: path.posix.resolve(head.real, ...rest), exists: false };
  return walk(fs, head.real, rest);
}

/** A normalised path without `..`: realpath of the longest existing prefix, then walk the rest. */
function realOfPlain(fs: FileSystem, normalised: string): Real {
  let prefix = normalised;
  const missing: string[] = [];
  // lstat found nothing at `prefix/missing[0]` (and did not throw).
  let absent = false;
  for (;;) {
    // A cheap lstat first: when it finds nothing, realpath would not either, and a failing
    // realpath costs several times a failing lstat (an exception in node:fs). When lstat
    // cannot say (it threw, e.g. ENOTDIR), realpath decides as before.
    const kind = quietLstat(fs, prefix);
    const real = kind === undefined ? undefined : fs.realpath(prefix);
    if (real !== undefined) {
      if (absent && real === prefix) {
        // The folder is its own real path, so the walk's first question would be the very
        // lstat that just found nothing: the rest is a new path under the folder. (Through
        // a linked folder the walk asks under the real path instead, which can differ, e.g.
        // when the written path is too long for the kernel and the real one is not.)
        const rest = missing.join("/");
        return { real: real === "/" ? `/${rest}` : `${real}/${rest}`, exists: false };
      }
      if (missing.length > 0) return walk(fs, real, missing);
      // Not a symlink: the real path is the same file, so its kind is already known.
      return kind === null || kind === "symlink"
        ? { real, exists: true }
        : { real, exists: true, kind };
    }
    if (prefix === "/") return { real: path.posix.resolve("/", ...missing), exists: false };
    // `prefix` is absolute and normalised (no trailing slash): its last `/` splits it into
    // parent and name, as path.posix.dirname and basename would, for less.
    const slash = prefix.lastIndexOf("/");
    missing.unshift(prefix.slice(slash + 1));
    absent = kind === undefined;
    prefix = slash === 0 ? "/" : prefix.slice(0, slash);
  }
}

/**
 * Walks `segments` from the real directory `start` as the kernel does. A dangling symlink is
 * followed through its written target (a write to it creates the target), so
 * `ln -s /etc/x link; echo > link` is seen as a write to `/etc/x`.
 */
function walk(fs: FileSystem, start: string, segments: string[]): Real {
  let current = start;
  // What lstat saw at `current`, while it is known (the caller need not ask again).
  let currentKind: FileKind | undefined;
  const queue = [...segments];
  let hops = 0;
  while (queue.length > 0) {
    const segment = queue.shift() as string;
    if (segment === "" || segment === ".") continue;
    if (segment === "..") {
      current = path.posix.dirname(current);
      currentKind = undefined;
      continue;
    }
    const next = current === "/" ? `/${segment}` : `${current}/${segment}`;
    const kind = fs.lstat(next);
    if (kind === undefined) return { real: path.posix.resolve(next, ...queue), exists: false };
    if (kind !== "symlink") {
      current = next;
      currentKind = kind;
      continue;
    }
    currentKind = undefined;
    const target = fs.realpath(next);
    if (target !== undefined) {
      current = target;
      continue;
    }
    hops += 1;
    if (hops > maxLinkHops) {
      throw new ScopeError("symlink-loop", `too many levels of symbolic links at "${next}"`);
    }
    const link = fs.readlink?.(next);
    // Without readlink the link itself is the best answer there is.
    if (link === undefined) return { real: path.posix.resolve(next, ...queue), exists: false };
    queue.unshift(...link.split("/"));
    if (link.startsWith("/")) current = "/";
  }
  return currentKind === undefined
    ? { real: current, exists: true }
    : { real: current, exists: true, kind: currentKind };
}
