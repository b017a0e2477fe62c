import {
  type LockNames,
  listingOf,
  type RecordedAnswer,
  Recorder,
  racyMilliseconds,
  stillValid,
} from "./contains-record.js";
import type { FileSystem } from "./file-system.js";
import type { IgnoreRules } from "./gitignore/rules.js";
import { isAscii } from "./keys.js";
import { listFolder } from "./listing.js";
import { nestedIgnoreName } from "./protected.js";
import { type PrunePlan, planOf } from "./prune-plan.js";

/** Entries a single `containsIgnored` question may look at before answering "cannot tell". */
export const maxContainsEntries = 200_000;
/** Milliseconds a single `containsIgnored` question may take before answering "cannot tell". */
export const maxContainsMilliseconds = 5_000;

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
  /**
   * Answers kept beyond this object's life (the command hook's cache file), by folder key.
   * Whatever it returns is used only when every recorded time still matches.
   */
  store?: ContainsStore;
  /** Times this close to a walk's start keep its answer from being kept (default 2,000 ms). */
  racyMilliseconds?: number;
  /**
   * Folders whose times automode's own lock files keep changing (the audit log's folder, `.git`):
   * the names to leave out of their listing, which is recorded instead of their times.
   */
  lockNames?: LockNames;
  /** The clock the racy window is measured on (default `Date.now`: file times are wall time). */
  now?: () => number;
}

/** Where answers are kept between processes (see `answerFileStore`). */
export interface ContainsStore {
  load(folderKey: string): RecordedAnswer | undefined;
  save(folderKey: string, recorded: RecordedAnswer): void;
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

class BudgetExceeded extends Error {
  constructor(readonly onTime: boolean) {
    super("budget exceeded");
  }
}

/** Recorded paths kept in memory across all kept answers before they are all dropped. */
const maxKeptStamps = 2_000_000;

/** Files stat'ed one by one before the identity index is asked instead. */
const statsBeforeIndex = 1_000;

/**
 * "Does anything under this folder count as ignored?" for recursive readers. The walk stops at
 * the first ignored entry, asks the rules only about entries some positive pattern may match
 * (names for `name` and `**\/name` patterns, literal starts for anchored ones, every governing
 * nested `.claudeignore` included), lists folders with their entries' kinds in one call, stats
 * files for their link count only when some protected file has several names, does not descend
 * into symlinked folders (it checks their targets instead, so a link to `.env` or to an ignored
 * folder counts), and gives up past an entry and time budget with "cannot tell" (counted as
 * holding ignored paths).
 *
 * Answers are kept (in this object, and in `store` when given) with the times of every folder
 * the walk listed and every nested ignore file it depends on, taken before they were read, and
 * the targets of the links it met; a kept answer is used only when all of them still match
 * (see `stillValid`). A clean answer also answers the folders below it.
 */
export class ContainsIgnored {
  /** Folders answered during the current question (cycles end here), by key. */
  private cache = new Map<string, boolean>();
  private readonly open = new Set<string>();
  /** Kept answers of past questions, by folder key. */
  private readonly kept = new Map<string, RecordedAnswer>();
  private keptStamps = 0;
  private recorder: Recorder | undefined;
  /** Folders (below the domain) whose nested ignore file matters unless the walk lists them. */
  private readonly pendingAncestors = new Set<string>();
  private domainReal: string | undefined;
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
    const known = this.keptAnswer(key, realDir, relative);
    if (known !== undefined) return known;

    this.cache = new Map();
    this.open.clear();
    this.pendingAncestors.clear();
    this.entries = 0;
    this.started = performance.now();
    this.exceeded = undefined;
    const recorder = new Recorder(
      this.context.fs,
      (this.context.now ?? Date.now)(),
      this.context.racyMilliseconds ?? racyMilliseconds,
    );
    this.recorder = recorder;
    this.domainReal = domainRootOf(realDir, relative);
    if (this.domainReal === undefined) recorder.refuse();
    else if (this.checkable()) this.recordAbove(relative, true);
    // Pruning assumes the folders above an entry are not ignored (the walk would have stopped
    // there). The scope never asks about an ignored folder; if asked, the full walk answers.
    this.pruned =
      this.context.domain !== undefined &&
      (relative === "" || !this.context.ignoredRelative(relative, true));
    this.checkLinks = this.context.sameAsIgnored !== undefined;
    this.filesStated = 0;
    let answer: ContainsAnswer;
    let kept: RecordedAnswer["answer"];
    try {
      const found = this.folderWithin(realDir, relative);
      answer = found ? { kind: "ignored" } : { kind: "clean" };
      kept = answer;
    } catch (error) {
      if (!(error instanceof BudgetExceeded)) throw error;
      // A budget run out on time depends on the machine's load: such an answer is not kept.
      if (error.onTime) recorder.refuse();
      const exceeded = this.exceeded ?? { entries: this.entries, milliseconds: 0 };
      answer = { kind: "too-large", ...exceeded };
      kept = { kind: "too-large", entries: exceeded.entries };
    } finally {
      this.recorder = undefined;
      this.open.clear();
    }
    this.keep(key, recorder, kept);
    return answer;
  }

  /** A kept answer that still holds: this folder's, a clean folder above it, or the store's. */
  private keptAnswer(key: string, realDir: string, relative: string): ContainsAnswer | undefined {
    const own = this.kept.get(key);
    if (own !== undefined) {
      if (this.valid(own)) return fromKept(own.answer);
      this.kept.delete(key);
      this.keptStamps -= own.stamps.length;
    }
    // Nothing ignored under a folder above means nothing under this one.
    if (this.kept.size > 0 && relative !== "" && realDir.endsWith(`/${relative}`)) {
      let above = realDir;
      for (let rest = relative; rest !== ""; ) {
        above = above.slice(0, above.lastIndexOf("/")) || "/";
        const cut = rest.lastIndexOf("/");
        rest = cut === -1 ? "" : rest.slice(0, cut);
        const found = this.kept.get(this.context.key(above));
        if (found?.answer.kind === "clean" && this.valid(found)) return { kind: "clean" };
      }
    }
    // A store's answers are checked against times; a file system without them cannot.
    const stored = this.checkable() ? this.context.store?.load(key) : undefined;
    if (stored !== undefined && this.valid(stored)) {
      this.remember(key, stored);
      return fromKept(stored.answer);
    }
    return undefined;
  }

  private valid(recorded: RecordedAnswer): boolean {
    return stillValid(this.context.fs, recorded, this.context.lockNames);
  }

  private keep(key: string, recorder: Recorder, answer: RecordedAnswer["answer"]): void {
    // Ancestors of link targets the walk did not list: their nested ignore files matter.
    for (const folder of this.pendingAncestors) {
      const real = this.realOf(folder);
      if (!recorder.has(real)) recorder.path(`${real}/${nestedIgnoreName}`);
    }
    this.pendingAncestors.clear();
    if (!recorder.keepable) return;
    const recorded: RecordedAnswer = { answer, stamps: recorder.stamps, links: recorder.links };
    this.remember(key, recorded);
    if (this.checkable()) this.context.store?.save(key, recorded);
  }

  private checkable(): boolean {
    return typeof this.context.fs.times === "function";
  }

  private remember(key: string, recorded: RecordedAnswer): void {
    const previous = this.kept.get(key);
    if (previous !== undefined) this.keptStamps -= previous.stamps.length;
    if (this.keptStamps + recorded.stamps.length > maxKeptStamps) {
      this.kept.clear();
      this.keptStamps = 0;
    }
    this.kept.set(key, recorded);
    this.keptStamps += recorded.stamps.length;
  }

  private realOf(folder: string): string {
    const root = this.domainReal as string;
    if (folder === "") return root;
    return root === "/" ? `/${folder}` : `${root}/${folder}`;
  }

  /**
   * Records what the answer depends on above `relative`: the domain's top folder (a new name
   * there, such as a hard link made as `.env`, invalidates every kept answer of the domain) and
   * the nested ignore file of every folder between it and `relative` (`now`), or notes them to
   * be recorded at the end unless the walk lists them (a link's target).
   */
  private recordAbove(relative: string, now: boolean): void {
    const recorder = this.recorder;
    if (recorder === undefined || this.domainReal === undefined) return;
    if (now) {
      const locks = this.context.lockNames?.(this.domainReal);
      if (locks === undefined) recorder.path(this.domainReal);
      else {
        const listed = listFolder(this.context.fs, this.domainReal);
        if (listed === undefined) recorder.refuse();
        else recorder.listing(this.domainReal, listingOf(listed, locks));
      }
    }
    for (let at = relative.indexOf("/"); at !== -1; at = relative.indexOf("/", at + 1)) {
      const folder = relative.slice(0, at);
      if (now) recorder.path(`${this.realOf(folder)}/${nestedIgnoreName}`);
      else this.pendingAncestors.add(folder);
    }
  }

  private folderWithin(realDir: string, relative: string): boolean {
    const key = this.context.key(realDir);
    const cached = this.cache.get(key);
    if (cached !== undefined) return cached;
    // Marked first so a symlink cycle back into this folder ends here.
    this.cache.set(key, false);
    this.open.add(key);
    // Its times before its listing: a change made after them shows in the next comparison.
    if (this.recorder !== undefined && this.context.lockNames?.(realDir) === undefined) {
      this.recorder.path(realDir);
    }
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
      throw new BudgetExceeded(!overEntries);
    }
  }

  private walkPruned(realDir: string, relative: string, above: Governing[]): boolean {
    const domain = this.context.domain as ContainsRules;
    const listed = listFolder(this.context.fs, realDir) ?? [];
    const locks = this.recorder === undefined ? undefined : this.context.lockNames?.(realDir);
    if (locks !== undefined) this.recorder?.listing(realDir, listingOf(listed, locks));
    let governing = above;
    // A nested file in this folder governs its entries: read it (once) when it is there.
    const ignoreFile = listed.find((e) => this.isIgnoreFileName(e.name));
    if (ignoreFile !== undefined) {
      // Its patterns matter, and editing it in place leaves the folder's times as they were.
      this.recorder?.path(
        realDir === "/" ? `/${ignoreFile.name}` : `${realDir}/${ignoreFile.name}`,
      );
    }
    if (relative !== "" && ignoreFile !== undefined) {
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
    // Nested ignore files it reads are not recorded: its answers are not kept.
    this.recorder?.refuse();
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
    const targetKind = target === undefined ? undefined : fs.lstat(target);
    const targetIsDirectory = targetKind === "directory";
    this.recorder?.link(link, target, targetKind);
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
    this.recordAbove(targetRelative, false);
    if (this.context.ignoredRelative(targetRelative, targetIsDirectory)) return true;
    return targetIsDirectory && this.folderWithin(target, targetRelative);
  }
}

function fromKept(answer: RecordedAnswer["answer"]): ContainsAnswer {
  return answer.kind === "too-large" ? { ...answer, milliseconds: 0 } : answer;
}

/** The domain's real top folder, from a folder and its position below it (when they agree). */
function domainRootOf(realDir: string, relative: string): string | undefined {
  if (relative === "") return realDir;
  if (!realDir.endsWith(`/${relative}`)) return undefined;
  return realDir.slice(0, realDir.length - relative.length - 1) || "/";
}
