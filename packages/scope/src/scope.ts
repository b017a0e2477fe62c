import * as path from "node:path";
import { ContainsIgnored } from "./contains.js";
import { defaultEnv, detectCaseSensitive, type ScopeEnv } from "./env.js";
import { ScopeError } from "./errors.js";
import { type FileSystem, nodeFileSystem } from "./file-system.js";
import { gitLines, trimTrailingSpaces } from "./gitignore/patterns.js";
import { IgnoreRules } from "./gitignore/rules.js";
import { isAscii, isWithin, pathKey, relativeWithin } from "./keys.js";
import { credentialKeys, isSystemPath, isUnderAny } from "./locations.js";
import { checkInput, realOf, resolvePath } from "./resolve.js";
import type { PathInfo, PathMatcher, ResolvedPath } from "./types.js";

export interface ScopeOptions {
  /** Absolute: the folder that holds `.claude/`. */
  projectRoot: string;
  /** Also inside the project. Relative entries are relative to the project root. */
  additionalDirectories?: string[];
  /** The ignore file, relative to the project root (or absolute). Default `.claudeignore`. */
  ignoreFile?: string;
  /** Files no write or delete may touch (policy file, audit log); the ignore file is added. */
  protectedFiles?: string[];
  fs?: FileSystem;
  env?: ScopeEnv;
}

export interface Scope {
  /** The project root's real path. */
  root: string;
  caseSensitive: boolean;
  /** Whether the ignore file was found and read (addition: lets lint report a missing one). */
  ignoreFileFound: boolean;
  /** Throws ScopeError (NUL, empty path, relative cwd, symlink loop). */
  resolve(target: string, cwd: string): ResolvedPath;
  classify(target: string, cwd: string): PathInfo;
  /** Any ignored path under this folder (or the folder itself)? Cached per folder. */
  containsIgnored(absoluteDir: string): boolean;
  /** Policy rule `paths`, with the same semantics as the ignore file. */
  matcher(patterns: string[]): PathMatcher;
}

/** One spelling of the project root and the key it compares by. */
interface Root {
  path: string;
  key: string;
}

export function createScope(options: ScopeOptions): Scope {
  const fs = options.fs ?? nodeFileSystem;
  const env = options.env ?? defaultEnv();
  const { projectRoot } = options;
  if (typeof projectRoot !== "string" || projectRoot.includes("\0")) {
    throw new ScopeError("invalid-option", "projectRoot must be a string without NUL bytes");
  }
  if (!path.posix.isAbsolute(projectRoot)) {
    throw new ScopeError("invalid-option", `projectRoot must be absolute, got "${projectRoot}"`);
  }
  if (typeof env.home !== "string" || !path.posix.isAbsolute(env.home)) {
    throw new ScopeError("invalid-option", "env.home must be an absolute path");
  }
  const givenRoot = path.posix.resolve(projectRoot);
  const realRoot = realOf(fs, givenRoot).real;
  const caseSensitive = env.caseSensitive ?? detectCaseSensitive(fs, realRoot, env.platform);
  const key = (p: string) => pathKey(p, caseSensitive);
  const resolveIn = (target: string, cwd: string) => resolvePath(target, cwd, fs, env.home);

  const roots: Root[] = [{ path: realRoot, key: key(realRoot) }];
  if (key(givenRoot) !== roots[0]?.key) roots.push({ path: givenRoot, key: key(givenRoot) });
  const realRootKey = key(realRoot);

  const insideKeys = [realRootKey];
  for (const entry of options.additionalDirectories ?? []) {
    const resolved = resolveOption(entry, "additionalDirectories", givenRoot, resolveIn);
    insideKeys.push(key(resolved.real));
  }

  const ignorePath = resolveOption(
    options.ignoreFile ?? ".claudeignore",
    "ignoreFile",
    givenRoot,
    resolveIn,
  );
  const ignoreText = ignorePath.exists ? fs.readFile(ignorePath.real) : undefined;
  const rules = IgnoreRules.fromText(ignoreText ?? "", !caseSensitive);

  const protectedKeys = new Set<string>();
  for (const file of [
    ignorePath,
    ...(options.protectedFiles ?? []).map((f) =>
      resolveOption(f, "protectedFiles", givenRoot, resolveIn),
    ),
  ]) {
    protectedKeys.add(key(file.absolute));
    protectedKeys.add(key(file.real));
  }

  const homes = [path.posix.resolve(env.home), realOf(fs, env.home).real];
  const credentials = credentialKeys(homes, caseSensitive);
  // The folders holding the stores: a path under none of them (most paths) is under no store,
  // which a few comparisons tell instead of one per store and spelling of home.
  const credentialParents = [...new Set(credentials.map((k) => path.posix.dirname(k)))];
  const isCredential = (k: string) =>
    isUnderAny(credentialParents, k) && isUnderAny(credentials, k);

  /** Every spelling of `resolved` below the root: as written (both roots) and real. */
  const relativesOf = (resolved: ResolvedPath): string[] => {
    const found: string[] = [];
    const absoluteKey = key(resolved.absolute);
    for (const root of roots) {
      const rel = relativeWithin(root.key, absoluteKey, resolved.absolute);
      if (rel !== undefined && rel !== "") found.push(rel);
    }
    const rel = relativeWithin(realRootKey, key(resolved.real), resolved.real);
    if (rel !== undefined && rel !== "" && !found.includes(rel)) found.push(rel);
    return found;
  };

  // Hot path (every operation of every decision): no allocation when the path is written as
  // its real path and the root has one spelling, which is the common case.
  // Answers for that case are kept by real path, one map per shape (file, folder, not yet
  // existing), so a warm check is a single lookup on a string whose hash is already known.
  const memos = new WeakMap<IgnoreRules, Array<Map<string, boolean>>>();
  const matchesWith = (with_: IgnoreRules, resolved: ResolvedPath): boolean => {
    if (with_.isEmpty) return false;
    if (resolved.absolute === resolved.real && roots.length === 1) {
      let memo = memos.get(with_);
      if (memo === undefined) {
        memo = [new Map(), new Map(), new Map()];
        memos.set(with_, memo);
      }
      const shape = resolved.isDirectory
        ? 1
        : resolved.exists && !resolved.input.endsWith("/")
          ? 0
          : 2;
      const byShape = memo[shape] as Map<string, boolean>;
      const known = byShape.get(resolved.real);
      if (known !== undefined) return known;
      const rel = relativeWithin(realRootKey, key(resolved.real), resolved.real);
      const answer = rel !== undefined && rel !== "" && matchesShapes(with_, rel, resolved);
      if (byShape.size >= 1_000_000) byShape.clear();
      byShape.set(resolved.real, answer);
      return answer;
    }
    return relativesOf(resolved).some((rel) => matchesShapes(with_, rel, resolved));
  };

  /**
   * A path that does not exist yet may become a file or a folder, so both are checked; a
   * trailing slash as written means a folder.
   */
  const matchesShapes = (with_: IgnoreRules, rel: string, resolved: ResolvedPath): boolean => {
    if (resolved.exists && resolved.isDirectory) return ignoredIn(with_, rel, true);
    if (ignoredIn(with_, rel, false)) return true;
    return (!resolved.exists || resolved.input.endsWith("/")) && ignoredIn(with_, rel, true);
  };

  const contains = new ContainsIgnored({
    fs,
    ignoredRelative: (rel, isDirectory) => ignoredIn(rules, rel, isDirectory),
    canMatchBelow: (rel) => rules.canMatchBelow(rel),
    relativeOfReal: (real) => relativeWithin(realRootKey, key(real), real),
    key,
  });

  return {
    root: realRoot,
    caseSensitive,
    ignoreFileFound: ignoreText !== undefined,
    resolve: resolveIn,
    classify(target, cwd) {
      const resolved = resolveIn(target, cwd);
      // Usually no link is involved and the path as written is the real path: each check then
      // runs once instead of once per spelling.
      const same = resolved.absolute === resolved.real;
      const absoluteKey = key(resolved.absolute);
      const realKey = same ? absoluteKey : key(resolved.real);
      // Fields copied one by one: an object spread costs several µs on this hot path.
      return {
        input: resolved.input,
        absolute: resolved.absolute,
        real: resolved.real,
        exists: resolved.exists,
        isDirectory: resolved.isDirectory,
        inside: isUnderAny(insideKeys, realKey),
        ignored: matchesWith(rules, resolved),
        credential: isCredential(absoluteKey) || (!same && isCredential(realKey)),
        system:
          isSystemPath(resolved.absolute, caseSensitive) ||
          (!same && isSystemPath(resolved.real, caseSensitive)),
        selfProtected: protectedKeys.has(absoluteKey) || (!same && protectedKeys.has(realKey)),
      };
    },
    containsIgnored(absoluteDir) {
      checkInput(absoluteDir, "/");
      if (!path.posix.isAbsolute(absoluteDir)) {
        throw new ScopeError(
          "relative-cwd",
          `containsIgnored needs an absolute folder, got "${absoluteDir}"`,
        );
      }
      const resolved = resolveIn(absoluteDir, "/");
      if (rules.isEmpty) return false;
      if (matchesWith(rules, resolved)) return true;
      if (!resolved.exists || !resolved.isDirectory) return false;
      const realKey = key(resolved.real);
      const rel = relativeWithin(realRootKey, realKey, resolved.real);
      if (rel !== undefined) return contains.folder(resolved.real, rel);
      // A folder above the project (`grep -r x ~`) holds every ignored path of the project.
      if (isWithin(realKey, realRootKey)) return contains.folder(realRoot, "");
      // Written inside the project but leading out of it through a link: the names below it
      // are still matched as written.
      const written = relativesOf(resolved)[0];
      return written !== undefined && contains.folder(resolved.real, written);
    },
    matcher(patterns) {
      if (
        !Array.isArray(patterns) ||
        patterns.some((p) => typeof p !== "string" || p.includes("\0"))
      ) {
        throw new ScopeError("invalid-option", "path patterns must be strings without NUL bytes");
      }
      // One pattern per entry: a newline inside an entry does not start a second pattern.
      const lines = patterns.flatMap((p) =>
        gitLines(p.replace(/[\r\n]/g, " ")).map(trimTrailingSpaces),
      );
      const own = new IgnoreRules(lines, !caseSensitive);
      return { matches: (resolved) => matchesWith(own, resolved) };
    },
  };
}

/** Non-ASCII names are checked in their form as written, NFC and NFD (fail closed). */
function ignoredIn(rules: IgnoreRules, relative: string, isDirectory: boolean): boolean {
  if (rules.ignores(relative, isDirectory)) return true;
  if (isAscii(relative)) return false;
  const nfc = relative.normalize("NFC");
  const nfd = relative.normalize("NFD");
  return (
    (nfc !== relative && rules.ignores(nfc, isDirectory)) ||
    (nfd !== relative && rules.ignores(nfd, isDirectory))
  );
}

function resolveOption(
  entry: unknown,
  name: string,
  root: string,
  resolveIn: (target: string, cwd: string) => ResolvedPath,
): ResolvedPath {
  if (typeof entry !== "string" || entry === "" || entry.includes("\0")) {
    throw new ScopeError(
      "invalid-option",
      `${name} entries must be non-empty strings without NUL bytes`,
    );
  }
  return resolveIn(entry, root);
}
