import type { FileSystem } from "./file-system.js";
import type { IgnoreRules } from "./gitignore/rules.js";
import { isAscii } from "./keys.js";
import { listFolder } from "./listing.js";
import { nestedIgnoreName } from "./protected.js";
import { type PrunePlan, planOf } from "./prune-plan.js";

/** Entries a single `containsIgnored` question may look at before answering "cannot tell". */
export const maxContainsEntries = 200_000;
/** Milliseconds a single `containsIgnored` question may take before answering "cannot tell". */
export const maxContainsMilliseconds = 2_000;

/** The ignore files of a domain, for pruning (see `PrunePlan`). */
export interface ContainsRules {
  /** The domain's top file (or the baseline). */
  rules: IgnoreRules;
  /** The nested `.claudeignore` of a folder below the domain, `null` when it has none. */
  rulesAt(folder: string): IgnoreRules | null;
}

/** How the walk asks about one path below the project root. */
export interface ContainsContext {
  fs: FileSystem;
  /** Ignored by the project's rules? `relative` is below the root, never empty. */
  ignoredRelative(relative: string, isDirectory: boolean): boolean;
  /** Whether some positive pattern could match below this folder ("" is the root). */
  canMatchBelow(relative: string): boolean;
  /** The real path's position below the real root, or undefined when outside. */
  relativeOfReal(real: string): string | undefined;
  /** Cache key of a real folder (case-folded where the file system folds case). */
  key(real: string): string;
  /** Whether a file with several names is another name of an ignored or unknown file. */
  sameAsIgnored?(real: string): boolean;
  /**
   * The domain's ignore files. With them entries are matched only where some positive pattern
   * may match them (the pruned walk); without them every entry is asked (the full walk).
   */
  domain?: ContainsRules;
  /**
   * The identity index's state (builds it). When it is complete and holds no file, no file can
   * be another name of a protected one, and files are not stat'ed one by one.
   */
  identityStats?(): { indexed: number; complete: boolean };
  /** Files stat'ed one by one before the identity index is asked (default 1,000). */
  statsBeforeIndex?: number;
  /** The entry budget of one question (default `maxContainsEntries`). */
  maxEntries?: number;
  /** The time budget of one question in ms (default `maxContainsMilliseconds`). */
  maxMilliseconds?: number;
}

/** The answer with its reason: why a folder counts as holding ignored paths. */
export type ContainsAnswer =
  | { kind: "clean" }
  | { kind: "ignored" }
  /** The budget ran out before the walk finished: treated as holding ignored paths. */
  | { kind: "too-large"; entries: number; milliseconds: number };

/** One governing ignore file: its folder below the domain ("" the top) and its plan. */
interface Governing {
  base: string;
  plan: PrunePlan;
}

class BudgetExceeded extends Error {}

/** Files stat'ed one by one before the identity index is asked instead. */
const statsBeforeIndex = 1_000;

/**
 * "Does anything under this folder count as ignored?" for recursive readers. Answers are
 * cached per real folder for the life of the scope: nothing is invalidated, so a file created
 * later in a folder already answered `false` is not seen (the engine is short-lived; rebuild
 * the scope to see changes). The walk stops at the first ignored entry, asks the rules only
 * about entries some positive pattern may match (names for `name` and `**\/name` patterns,
 * literal starts for anchored ones, every governing nested `.claudeignore` included), lists
 * folders with their entries' kinds in one call, stats files for their link count only when
 * some protected file has several names, does not descend into symlinked folders (it checks
 * their targets instead, so a link to `.env` or to an ignored folder counts), and gives up past
 * an entry and time budget with "cannot tell" (counted as holding ignored paths).
 */
export class ContainsIgnored {
  private readonly cache = new Map<string, boolean>();
  private readonly tooLarge = new Set<string>();
  private entries = 0;
  private started = 0;
  private exceeded: { entries: number; milliseconds: number } | undefined;
  private checkLinks = true;
  private filesStated = 0;
  private pruned = true;

  constructor(private readonly context: ContainsContext) {}

  /** `realDir` is a real folder inside the project, at `relative` ("" for the root). */
  folder(realDir: string, relative: string): boolean {
    return this.answer(realDir, relative).kind !== "clean";
  }

  /** As `folder`, with the reason. */
  answer(realDir: string, relative: string): ContainsAnswer {
    const key = this.context.key(realDir);
    const cached = this.cache.get(key);
    if (cached !== undefined) return this.cachedAnswer(key, cached);

    this.entries = 0;
    this.started = performance.now();
    this.exceeded = undefined;
    // Pruning assumes the folders above an entry are not ignored (the walk would have stopped
    // there). The scope never asks about an ignored folder; if asked, the full walk answers.
    this.pruned =
      this.context.domain !== undefined &&
      (relative === "" || !this.context.ignoredRelative(relative, true));
    this.checkLinks = this.context.sameAsIgnored !== undefined;
    this.filesStated = 0;
    try {
      return this.folderWithin(realDir, relative) ? { kind: "ignored" } : { kind: "clean" };
    } catch (error) {
      if (!(error instanceof BudgetExceeded)) throw error;
      // Folders left unfinished were marked `false` for cycles: they are "cannot tell".
      for (const [k, v] of this.cache) if (!v && this.open.has(k)) this.cache.delete(k);
      this.open.clear();
      this.cache.set(key, true);
      this.tooLarge.add(key);
      const exceeded = this.exceeded ?? { entries: this.entries, milliseconds: 0 };
      return { kind: "too-large", ...exceeded };
    }
  }

  private readonly open = new Set<string>();

  private cachedAnswer(key: string, cached: boolean): ContainsAnswer {
    if (!cached) return { kind: "clean" };
    return this.tooLarge.has(key)
      ? { kind: "too-large", entries: 0, milliseconds: 0 }
      : { kind: "ignored" };
  }

  private folderWithin(realDir: string, relative: string): boolean {
    const key = this.context.key(realDir);
    const cached = this.cache.get(key);
    if (cached !== undefined) return cached;
    // Marked first so a symlink cycle back into this folder ends here.
    this.cache.set(key, false);
    this.open.add(key);
    const answer = !this.pruned
      ? this.walkAll(realDir, relative)
      : this.walkPruned(realDir, relative, this.governing(relative));
    this.open.delete(key);
    this.cache.set(key, answer);
    return answer;
  }

  /** The files that govern the entries of folder `relative`, not counting its own. */
  private governing(relative: string): Governing[] {
    const domain = this.context.domain as ContainsRules;
    const files: Governing[] = [{ base: "", plan: planOf(domain.rules) }];
    if (relative === "") return files;
    for (let at = relative.indexOf("/"); at !== -1; at = relative.indexOf("/", at + 1)) {
      const folder = relative.slice(0, at);
      const rules = domain.rulesAt(folder);
      if (rules !== null) files.push({ base: folder, plan: planOf(rules) });
    }
    return files;
  }

  private count(): void {
    this.entries += 1;
    const budget = this.context.maxEntries ?? maxContainsEntries;
    const overEntries = this.entries > budget;
    const overTime =
      (this.entries & 1023) === 0 &&
      performance.now() - this.started > (this.context.maxMilliseconds ?? maxContainsMilliseconds);
    if (overEntries || overTime) {
      this.exceeded = {
        entries: this.entries,
        milliseconds: Math.round(performance.now() - this.started),
      };
      throw new BudgetExceeded();
    }
  }

  private walkPruned(realDir: string, relative: string, above: Governing[]): boolean {
    const domain = this.context.domain as ContainsRules;
    const listed = listFolder(this.context.fs, realDir) ?? [];
    let governing = above;
    // A nested file in this folder governs its entries: read it (once) when it is there.
    if (relative !== "" && listed.some((e) => this.isIgnoreFileName(e.name))) {
      const rules = domain.rulesAt(relative);
      if (rules !== null) governing = [...above, { base: relative, plan: planOf(rules) }];
    }
    const matchNames =
      governing.some((g) => g.plan.hasPositive) && this.context.canMatchBelow(relative);
    const folders: Array<{ real: string; relative: string }> = [];
    for (const { name, kind } of listed) {
      this.count();
      const real = realDir === "/" ? `/${name}` : `${realDir}/${name}`;
      const childRelative = relative === "" ? name : `${relative}/${name}`;
      if (kind === "symlink") {
        if (this.linkReachesIgnored(real, childRelative)) return true;
        continue;
      }
      const isDirectory = kind === "directory";
      if (
        matchNames &&
        this.mayMatch(governing, childRelative, name, isDirectory) &&
        this.context.ignoredRelative(childRelative, isDirectory)
      ) {
        return true;
      }
      if (kind === "file" && this.linksMatter() && this.context.sameAsIgnored?.(real) === true) {
        return true;
      }
      if (isDirectory) folders.push({ real, relative: childRelative });
    }
    for (const folder of folders) {
      if (this.folderWithin(folder.real, folder.relative)) return true;
    }
    return false;
  }

  /**
   * Whether files must be stat'ed for their link count. The first `statsBeforeIndex` files
   * are (a small tree costs less than the identity index); past them the index is asked once:
   * complete and empty means no file here can be another name of a protected one.
   */
  private linksMatter(): boolean {
    if (!this.checkLinks) return false;
    this.filesStated += 1;
    const before = Math.max(0, this.context.statsBeforeIndex ?? statsBeforeIndex);
    if (this.filesStated !== before + 1 || this.context.identityStats === undefined) {
      return true;
    }
    const stats = this.context.identityStats();
    this.checkLinks = !stats.complete || stats.indexed > 0;
    return this.checkLinks;
  }

  private mayMatch(governing: Governing[], relative: string, name: string, isDir: boolean) {
    // Byte strings and Unicode spellings are the rules' business: ask them.
    if (!isAscii(relative)) return true;
    for (const file of governing) {
      const below = file.base === "" ? relative : relative.slice(file.base.length + 1);
      if (file.plan.mayMatch(below, name, isDir)) return true;
    }
    return false;
  }

  private isIgnoreFileName(name: string): boolean {
    if (name === nestedIgnoreName) return true;
    // Where names fold, `.ClaudeIgnore` is read as the file too.
    return (
      this.context.domain?.rules.ignoreCase === true && name.toLowerCase() === nestedIgnoreName
    );
  }

  /** The full walk, for a context without its ignore files: every entry is asked. */
  private walkAll(realDir: string, relative: string): boolean {
    const { fs } = this.context;
    // No pattern reaches below here: no name in it can be ignored, so names are not matched.
    // The folder is still listed (once, then cached): a link in it may lead to an ignored file,
    // and `grep -R`, `zip -r` or `find -exec cat` would read through it.
    const matchNames = this.context.canMatchBelow(relative);
    const names = fs.readdir(realDir) ?? [];
    const folders: Array<{ real: string; relative: string }> = [];
    // Entries first, folders after: an ignored file next to a deep tree is found at once.
    for (const name of names) {
      this.count();
      const real = realDir === "/" ? `/${name}` : `${realDir}/${name}`;
      const childRelative = relative === "" ? name : `${relative}/${name}`;
      const kind = fs.lstat(real);
      if (kind === "symlink") {
        if (this.linkReachesIgnored(real, childRelative)) return true;
        continue;
      }
      const isDirectory = kind === "directory";
      if (matchNames && this.context.ignoredRelative(childRelative, isDirectory)) return true;
      // A hard link to `.env` under an innocent name is `.env` (one stat per file, and the
      // identity index only when one has several names).
      if (kind === "file" && this.context.sameAsIgnored?.(real) === true) return true;
      if (isDirectory) folders.push({ real, relative: childRelative });
    }
    return folders.some((folder) => this.folderWithin(folder.real, folder.relative));
  }

  private linkReachesIgnored(link: string, relative: string): boolean {
    const { fs } = this.context;
    const target = fs.realpath(link);
    const targetIsDirectory = target !== undefined && fs.lstat(target) === "directory";
    // As written: the link's own name (as a folder too when it leads to one).
    if (this.context.ignoredRelative(relative, targetIsDirectory)) return true;
    if (
      !targetIsDirectory &&
      target === undefined &&
      this.context.ignoredRelative(relative, true)
    ) {
      return true;
    }
    if (target === undefined) return false;
    const targetRelative = this.context.relativeOfReal(target);
    if (targetRelative === undefined || targetRelative === "") {
      return targetRelative === "" && this.folderWithin(target, "");
    }
    if (this.context.ignoredRelative(targetRelative, targetIsDirectory)) return true;
    return targetIsDirectory && this.folderWithin(target, targetRelative);
  }
}
