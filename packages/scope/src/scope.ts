import { createHash } from "node:crypto";
import * as path from "node:path";
import { additionalDirectoryProblem } from "./additional.js";
import { baselineIgnore, baselineNote } from "./baseline.js";
import { type ContainsAnswer, ContainsIgnored, type ContainsStore } from "./contains.js";
import type { LeaveOut } from "./contains-record.js";
import { IgnoreDomain, type Root } from "./domain.js";
import { defaultEnv, detectCaseSensitive, type ScopeEnv } from "./env.js";
import { ScopeError } from "./errors.js";
import { type FileSystem, nodeFileSystem } from "./file-system.js";
import { gitLines, trimTrailingSpaces } from "./gitignore/patterns.js";
import { IgnoreRules } from "./gitignore/rules.js";
import { IdentityIndex, type Protection } from "./identity.js";
import { isAscii, isWithin, pathKey, relativeWithin } from "./keys.js";
import { credentialKeys, isProcEnviron, isSystemPath, isUnderAny } from "./locations.js";
import {
  gitCommonDir,
  hooksPathOf,
  isProtectedName,
  mayBeProtectedName,
  nestedIgnoreName,
} from "./protected.js";
import { checkInput, realOf, resolvePath } from "./resolve.js";
import type { PathInfo, PathMatcher, ResolvedPath } from "./types.js";

export interface ScopeOptions {
  /** Absolute: the folder that holds `.claude/`. */
  projectRoot: string;
  /**
   * Also inside the project. Relative entries are relative to the project root; `~` and
   * `$HOME` expand. `/`, the home folder, a folder holding the project or the home folder, and
   * system folders are refused (ScopeError `invalid-directory`), links resolved.
   */
  additionalDirectories?: string[];
  /** The ignore file, relative to the project root (or absolute). Default `.claudeignore`. */
  ignoreFile?: string;
  /** Files no write or delete may touch (policy file, audit log); the ignore file is added. */
  protectedFiles?: string[];
  fs?: FileSystem;
  env?: ScopeEnv;
  /**
   * The bound of the file identity index, in directory entries (default 50,000, see
   * `maxIdentityEntries`); past it every unknown file with several names counts as ignored.
   */
  maxIdentityEntries?: number;
  /** Entries one `containsIgnored` question may look at (default 200,000), then "too large". */
  maxContainsEntries?: number;
  /** Milliseconds one `containsIgnored` question may take (default 5,000), then "too large". */
  maxContainsMilliseconds?: number;
  /**
   * Where `containsIgnored` answers are kept between processes (the command hook's cache file,
   * `answerFileStore`). Answers are always kept in the scope too; either is used only while
   * every time it recorded still matches.
   */
  containsStore?: ContainsStore;
  /**
   * An answer depending on a time this close to its walk's start is not kept (default 2,000
   * ms): a change within the same clock tick would not show.
   */
  containsRacyMilliseconds?: number;
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
  /** As `containsIgnored`, with why: `too-large` when the walk's budget ran out first. */
  containsAnswer(absoluteDir: string): ContainsAnswer;
  /** Policy rule `paths`, with the same semantics as the ignore file. */
  matcher(patterns: string[]): PathMatcher;
  /** How many protected files with more than one name were indexed (builds the index). */
  identityIndex(): { indexed: number; complete: boolean };
}

/** A folder below which relative names are matched: a domain, or the root for rule `paths`. */
interface Base {
  roots: readonly Root[];
}

/** One `additionalDirectories` entry that makes the policy invalid. */
export interface DirectoryProblem {
  index: number;
  entry: string;
  /** Why, as a clause: "it is the home folder". */
  problem: string;
}

/**
 * The entries of `additionalDirectories` that make the policy invalid (SPEC section 2), for
 * the linter; `createScope` throws on the first. Relative entries are relative to the root.
 */
export function checkAdditionalDirectories(options: {
  projectRoot: string;
  additionalDirectories: readonly unknown[];
  fs?: FileSystem;
  env?: ScopeEnv;
}): DirectoryProblem[] {
  const fs = options.fs ?? nodeFileSystem;
  const env = options.env ?? defaultEnv();
  const root = path.posix.resolve(options.projectRoot);
  const realRoot = realOf(fs, root).real;
  const caseSensitive = env.caseSensitive ?? detectCaseSensitive(fs, realRoot, env.platform);
  const key = (p: string) => pathKey(p, caseSensitive);
  const home = path.posix.resolve(env.home);
  const facts = {
    rootKeys: [key(root), key(realRoot)],
    homeKeys: [key(home), key(realOf(fs, home).real)],
    caseSensitive,
  };
  const problems: DirectoryProblem[] = [];
  options.additionalDirectories.forEach((entry, index) => {
    if (typeof entry !== "string" || entry === "" || entry.includes("\0")) {
      problems.push({ index, entry: String(entry), problem: "it is not a folder name" });
      return;
    }
    const resolved = resolvePath(entry, root, fs, env.home);
    const problem = additionalDirectoryProblem({
      keys: [key(resolved.absolute), key(resolved.real)],
      ...facts,
    });
    if (problem !== undefined) problems.push({ index, entry, problem });
  });
  return problems;
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
  const readRules = (text: string) => IgnoreRules.fromText(text, !caseSensitive);
  const rootsOf = (given: string, real: string): Root[] => {
    const list: Root[] = [{ path: real, key: key(real) }];
    if (key(given) !== key(real)) list.push({ path: given, key: key(given) });
    return list;
  };

  const roots = rootsOf(givenRoot, realRoot);
  const realRootKey = key(realRoot);
  const projectBase: Base = { roots };

  const additional = options.additionalDirectories ?? [];
  for (const entry of additional)
    resolveOption(entry, "additionalDirectories", givenRoot, resolveIn);
  const problems = checkAdditionalDirectories({
    projectRoot: givenRoot,
    additionalDirectories: additional,
    fs,
    env: { ...env, caseSensitive },
  });
  const first = problems[0];
  if (first !== undefined) {
    throw new ScopeError(
      "invalid-directory",
      `additionalDirectories entry ${JSON.stringify(first.entry)} cannot be part of the project: ${first.problem}`,
    );
  }

  const ignorePath = resolveOption(
    options.ignoreFile ?? ".claudeignore",
    "ignoreFile",
    givenRoot,
    resolveIn,
  );
  const ignoreText = ignorePath.exists ? fs.readFile(ignorePath.real) : undefined;
  /** What the kept answers of `containsIgnored` were computed under (see `containsStore`). */
  const ruleTexts: Array<string | null> = [ignoreText ?? null];
  const baselineRules = new IgnoreRules([...baselineIgnore], !caseSensitive);
  const domains: IgnoreDomain[] = [
    new IgnoreDomain(
      roots,
      ignoreText === undefined ? baselineRules : readRules(ignoreText),
      ignoreText === undefined ? baselineNote(undefined) : undefined,
      fs,
      readRules,
    ),
  ];
  const insideKeys = [realRootKey];
  const ignoreFiles = [ignorePath];
  for (const entry of additional) {
    const resolved = resolveIn(entry, givenRoot);
    insideKeys.push(key(resolved.real));
    const own = resolveIn(nestedIgnoreName, resolved.real);
    const text = own.exists ? fs.readFile(own.real) : undefined;
    ruleTexts.push(text ?? null);
    ignoreFiles.push(own);
    domains.push(
      new IgnoreDomain(
        rootsOf(resolved.absolute, resolved.real),
        text === undefined ? baselineRules : readRules(text),
        text === undefined ? baselineNote(entry) : undefined,
        fs,
        readRules,
      ),
    );
  }

  const homes = [...new Set([path.posix.resolve(env.home), realOf(fs, env.home).real])];
  const protectedKeys = new Set<string>();
  const protectedList: string[] = [];
  for (const file of [
    ...ignoreFiles,
    ...(options.protectedFiles ?? []).map((f) =>
      resolveOption(f, "protectedFiles", givenRoot, resolveIn),
    ),
    // Claude Code's user settings hold hooks too (SPEC section 5, stage 2).
    ...homes.map((home) => resolveIn(".claude/settings.json", home)),
  ]) {
    protectedKeys.add(key(file.absolute));
    protectedKeys.add(key(file.real));
    protectedList.push(file.real);
  }
  // A configured `core.hooksPath` folder is git hooks as much as `.git/hooks/` is.
  // In a linked work tree the hooks live in the main repository's git folder.
  const gitDir = gitCommonDir(fs, realRoot);
  const hooksPath = gitDir === undefined ? undefined : hooksPathOf(fs, gitDir);
  const protectedFolders: string[] = [];
  for (const folder of [
    gitDir === undefined ? undefined : `${gitDir}/hooks`,
    hooksPath !== undefined && !hooksPath.includes("\0") ? hooksPath : undefined,
  ]) {
    if (folder === undefined) continue;
    const resolved = resolveIn(folder, realRoot);
    protectedFolders.push(key(resolved.absolute), key(resolved.real));
  }
  // A linked work tree's config lives in the main repository's git folder, not at `.git/config`.
  if (gitDir !== undefined) {
    const config = resolveIn(`${gitDir}/config`, realRoot);
    protectedKeys.add(key(config.absolute));
    protectedKeys.add(key(config.real));
    protectedList.push(config.real);
  }

  const configFolders = [env.configHome, env.stateHome]
    .filter((folder): folder is string => folder !== undefined && path.posix.isAbsolute(folder))
    .map((folder) => path.posix.resolve(folder, "automode"));
  const credentials = credentialKeys(homes, caseSensitive, configFolders);
  // The folders holding the stores: a path under none of them (most paths) is under no store,
  // which a few comparisons tell instead of one per store and spelling of home.
  const credentialParents = [...new Set(credentials.map((k) => path.posix.dirname(k)))];
  const isCredential = (k: string) =>
    isUnderAny(credentialParents, k) && isUnderAny(credentials, k);

  /** Every spelling of `resolved` below a base: as written (each root spelling) and real. */
  const relativesOf = (base: Base, resolved: ResolvedPath): string[] => {
    const found: string[] = [];
    const absoluteKey = key(resolved.absolute);
    for (const root of base.roots) {
      const rel = relativeWithin(root.key, absoluteKey, resolved.absolute);
      if (rel !== undefined && rel !== "") found.push(rel);
    }
    const realBase = base.roots[0] as Root;
    const rel = relativeWithin(realBase.key, key(resolved.real), resolved.real);
    if (rel !== undefined && rel !== "" && !found.includes(rel)) found.push(rel);
    return found;
  };

  // Hot path (every operation of every decision): no allocation when the path is written as
  // its real path and the base has one spelling, which is the common case.
  // Answers for that case are kept by real path, one map per shape (file, folder, not yet
  // existing), so a warm check is a single lookup on a string whose hash is already known.
  const memos = new WeakMap<object, Array<Map<string, boolean>>>();
  const matchesIn = (
    base: Base,
    owner: object,
    test: (relative: string, isDirectory: boolean) => boolean,
    resolved: ResolvedPath,
  ): boolean => {
    if (resolved.absolute === resolved.real && base.roots.length === 1) {
      let memo = memos.get(owner);
      if (memo === undefined) {
        memo = [new Map(), new Map(), new Map()];
        memos.set(owner, memo);
      }
      const shape = resolved.isDirectory
        ? 1
        : resolved.exists && !resolved.input.endsWith("/")
          ? 0
          : 2;
      const byShape = memo[shape] as Map<string, boolean>;
      const known = byShape.get(resolved.real);
      if (known !== undefined) return known;
      const realBase = base.roots[0] as Root;
      const rel = relativeWithin(realBase.key, key(resolved.real), resolved.real);
      const answer = rel !== undefined && rel !== "" && matchesShapes(test, rel, resolved);
      if (byShape.size >= 1_000_000) byShape.clear();
      byShape.set(resolved.real, answer);
      return answer;
    }
    return relativesOf(base, resolved).some((rel) => matchesShapes(test, rel, resolved));
  };

  /**
   * A path that does not exist yet may become a file or a folder, so both are checked; a
   * trailing slash as written means a folder.
   */
  const matchesShapes = (
    test: (relative: string, isDirectory: boolean) => boolean,
    rel: string,
    resolved: ResolvedPath,
  ): boolean => {
    if (resolved.exists && resolved.isDirectory) return test(rel, true);
    if (test(rel, false)) return true;
    return (!resolved.exists || resolved.input.endsWith("/")) && test(rel, true);
  };

  const domainTests = domains.map(
    (domain) => (relative: string, isDirectory: boolean) => domain.ignores(relative, isDirectory),
  );
  /** The first domain that ignores the path, or undefined. */
  const ignoringDomain = (resolved: ResolvedPath): IgnoreDomain | undefined => {
    for (let i = 0; i < domains.length; i++) {
      const domain = domains[i] as IgnoreDomain;
      if (
        matchesIn(domain, domain, domainTests[i] as (r: string, d: boolean) => boolean, resolved)
      ) {
        return domain;
      }
    }
    return undefined;
  };
  const protectedByName = (resolved: ResolvedPath): boolean =>
    // Most paths hold no marker at all: say so before computing any relative spelling.
    (mayBeProtectedName(resolved.absolute) || mayBeProtectedName(resolved.real)) &&
    domains.some((domain) =>
      relativesOf(domain, resolved).some((rel) => isProtectedName(rel, caseSensitive)),
    );

  const identity = new IdentityIndex({
    fs,
    ...(options.maxIdentityEntries === undefined ? {} : { maxEntries: options.maxIdentityEntries }),
    files: () => {
      const bin = `${realRoot === "/" ? "" : realRoot}/node_modules/.bin`;
      const launchers = (fs.readdir(bin) ?? [])
        .filter((name) => isProtectedName(`node_modules/.bin/${name}`, caseSensitive))
        .map((name) => `${bin}/${name}`);
      return [...protectedList, ...launchers].map((p) => ({ path: p, kind: "selfProtected" }));
    },
    folders: [
      ...credentials.map((k) => ({ path: k, kind: "credential" as const })),
      ...protectedFolders.map((k) => ({ path: k, kind: "selfProtected" as const })),
      ...["node_modules/automode", "node_modules/@automode", ".git/hooks"].map((p) => ({
        path: `${realRoot === "/" ? "" : realRoot}/${p}`,
        kind: "selfProtected" as const,
      })),
    ],
    trees: domains.map((domain) => ({
      path: domain.real,
      kindOf: (rel) =>
        domain.ignores(rel, false)
          ? "ignored"
          : isProtectedName(rel, caseSensitive)
            ? "selfProtected"
            : undefined,
      folderIgnored: (rel) => domain.ignores(rel, true),
    })),
  });

  // Folders automode's own lock files churn: the audit log's (a lock per decision) and the git
  // folder (a lock per git command). Their listings, less the locks, stand for their times.
  const lockFolders = new Map<string, LeaveOut[]>();
  const addLocks = (folder: string, leaveOut: LeaveOut) => {
    const k = key(folder);
    lockFolders.set(k, [...(lockFolders.get(k) ?? []), leaveOut]);
  };
  for (const file of options.protectedFiles ?? []) {
    if (typeof file !== "string" || !file.endsWith(".lock")) continue;
    const lock = resolveIn(file, givenRoot).real;
    const name = path.posix.basename(lock);
    addLocks(path.posix.dirname(lock), (n, kind) => kind === "file" && n.startsWith(name));
  }
  if (gitDir !== undefined) {
    addLocks(resolveIn(gitDir, realRoot).real, (n, kind) => kind === "file" && n.endsWith(".lock"));
  }
  const lockNames = (realFolder: string): LeaveOut | undefined => {
    if (lockFolders.size === 0) return undefined;
    const list = lockFolders.get(key(realFolder));
    if (list === undefined) return undefined;
    return (n, kind) => list.some((leaveOut) => leaveOut(n, kind));
  };
  const fingerprint = createHash("sha256")
    .update(
      JSON.stringify({
        v: 1,
        caseSensitive,
        maxEntries: options.maxContainsEntries ?? null,
        roots: domains.map((d) => d.real),
        rules: ruleTexts,
      }),
    )
    .digest("hex");
  const storeFor = (domain: IgnoreDomain): ContainsStore | undefined => {
    const store = options.containsStore;
    if (store === undefined) return undefined;
    const prefix = `${fingerprint}\0${domain.realKey}\0`;
    return {
      load: (folderKey) => store.load(prefix + folderKey),
      save: (folderKey, recorded) => store.save(prefix + folderKey, recorded),
    };
  };

  const containsByDomain = domains.map(
    (domain) =>
      new ContainsIgnored({
        lockNames,
        ...optional("store", storeFor(domain)),
        ...optional("racyMilliseconds", options.containsRacyMilliseconds),
        fs,
        ignoredRelative: (rel, isDirectory) => domain.ignores(rel, isDirectory),
        canMatchBelow: (rel) => domain.canMatchBelow(rel),
        domain,
        identityStats: () => identity.stats(),
        ...(options.maxContainsEntries === undefined
          ? {}
          : { maxEntries: options.maxContainsEntries }),
        ...(options.maxContainsMilliseconds === undefined
          ? {}
          : { maxMilliseconds: options.maxContainsMilliseconds }),
        relativeOfReal: (real) => relativeWithin(domain.realKey, key(real), real),
        key,
        sameAsIgnored: (real) => {
          const stat = fs.stat?.(real);
          if (stat === undefined || stat.kind !== "file" || stat.nlink < 2) return false;
          const found = identity.lookup(stat);
          return found === "unknown" || found?.kind === "ignored" || found?.kind === "credential";
        },
      }),
  );

  const containsAnswer = (absoluteDir: string): ContainsAnswer => {
    checkInput(absoluteDir, "/");
    if (!path.posix.isAbsolute(absoluteDir)) {
      throw new ScopeError(
        "relative-cwd",
        `containsIgnored needs an absolute folder, got "${absoluteDir}"`,
      );
    }
    const resolved = resolveIn(absoluteDir, "/");
    if (ignoringDomain(resolved) !== undefined) return { kind: "ignored" };
    if (!resolved.exists || !resolved.isDirectory) return { kind: "clean" };
    const realKey = key(resolved.real);
    const clean: ContainsAnswer = { kind: "clean" };
    const answers = domains.map((domain, i): (() => ContainsAnswer) => () => {
      const contains = containsByDomain[i] as ContainsIgnored;
      const rel = relativeWithin(domain.realKey, realKey, resolved.real);
      if (rel !== undefined) return contains.answer(resolved.real, rel);
      // A folder above the project (`grep -r x ~`) holds every ignored path of the project.
      if (isWithin(realKey, domain.realKey)) return contains.answer(domain.real, "");
      // Written inside the project but leading out of it through a link: the names below it
      // are still matched as written.
      const written = relativesOf(domain, resolved)[0];
      return written === undefined ? clean : contains.answer(resolved.real, written);
    });
    for (const answer of answers) {
      const found = answer();
      if (found.kind !== "clean") return found;
    }
    return clean;
  };

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
      const ignoredBy = ignoringDomain(resolved);
      // Fields copied one by one: an object spread costs several µs on this hot path.
      const info: PathInfo = {
        input: resolved.input,
        absolute: resolved.absolute,
        real: resolved.real,
        exists: resolved.exists,
        isDirectory: resolved.isDirectory,
        inside: isUnderAny(insideKeys, realKey),
        ignored: ignoredBy !== undefined,
        credential:
          isCredential(absoluteKey) ||
          (!same && isCredential(realKey)) ||
          isProcEnviron(resolved.absolute) ||
          (!same && isProcEnviron(resolved.real)),
        system:
          isSystemPath(resolved.absolute, caseSensitive) ||
          (!same && isSystemPath(resolved.real, caseSensitive)),
        selfProtected:
          protectedKeys.has(absoluteKey) ||
          (!same && protectedKeys.has(realKey)) ||
          (protectedFolders.length > 0 &&
            (isUnderAny(protectedFolders, absoluteKey) || isUnderAny(protectedFolders, realKey))) ||
          protectedByName(resolved),
      };
      if (ignoredBy?.baselineNote !== undefined) info.note = ignoredBy.baselineNote;
      if (resolved.stdin) info.stdin = true;
      if (resolved.unknown !== undefined) info.unknown = resolved.unknown;
      if (resolved.exists && !resolved.isDirectory && fs.stat !== undefined) {
        // Every name of a protected file is that file: a second name is found by identity.
        const stat = fs.stat(resolved.real);
        if (stat !== undefined && stat.kind === "file" && stat.nlink > 1) {
          sameFile(info, identity.lookup(stat), identity.bound);
        }
      }
      return info;
    },
    containsIgnored: (absoluteDir) => containsAnswer(absoluteDir).kind !== "clean",
    containsAnswer: (absoluteDir) => containsAnswer(absoluteDir),
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
      const test = (rel: string, isDirectory: boolean) => ignoredIn(own, rel, isDirectory);
      return {
        matches: (resolved) => !own.isEmpty && matchesIn(projectBase, own, test, resolved),
      };
    },
    identityIndex: () => identity.stats(),
  };
}

/** Marks a path that is another name of a protected file as that file. */
function sameFile(info: PathInfo, found: Protection | "unknown" | undefined, bound: number): void {
  if (found === undefined) return;
  if (found === "unknown") {
    if (!info.ignored) {
      info.ignored = true;
      info.note = `it has several names and automode could not index every protected file (more than ${bound} entries), so it cannot prove this is not one of them`;
    }
    return;
  }
  const already =
    found.kind === "ignored"
      ? info.ignored
      : found.kind === "credential"
        ? info.credential
        : info.selfProtected;
  if (already) return;
  info[found.kind] = true;
  info.note = `it is another name (a hard link) of ${found.path}`;
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

function optional<K extends string, V>(name: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [name]: value }) as { [P in K]?: V };
}
