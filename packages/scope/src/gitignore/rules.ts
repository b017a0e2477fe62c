import ignore, { type Ignore } from "ignore";
import { isAscii } from "../keys.js";
import { toByteString } from "./bytes.js";
import { foldBracketMembers } from "./casefold.js";
import { compileLine, gitLines, type Pattern } from "./patterns.js";

const maxCached = 1_000_000;

interface RuleList {
  test(path: string, mode: "regex"): { ignored: boolean; unignored: boolean };
}

/**
 * `ignore`'s own one-path test, without its walk over the parent folders. Not part of its
 * typed API (hence the version pin in package.json and this check): a different `ignore`
 * fails loudly at the first nested file instead of answering wrongly.
 */
function exactRules(engine: Ignore): RuleList {
  const rules = (engine as unknown as { _rules?: Partial<RuleList> })._rules;
  if (rules === undefined || typeof rules.test !== "function") {
    throw new Error("the installed `ignore` has no one-path test; scope needs ignore ~7.0.17");
  }
  return rules as RuleList;
}

/**
 * A compiled gitignore pattern list that answers as `git check-ignore --no-index` does, built
 * on `ignore` (see patterns.ts and bytes.ts for what is rewritten on the way in).
 */
export class IgnoreRules {
  readonly patterns: readonly Pattern[];
  readonly ignoreCase: boolean;
  private readonly engine: Ignore;
  /** Positive patterns that are matched on basenames, i.e. can match in any folder. */
  private readonly floating: boolean;
  /**
   * Answers by path, files and folders apart. `ignore` caches too, but behind its path
   * validation and an object used as a dictionary; one Map lookup is what keeps a warm check
   * under a microsecond. Bounded so a very long-lived engine cannot grow it without end.
   */
  private readonly files = new Map<string, boolean>();
  private readonly folders = new Map<string, boolean>();
  private readonly exactFiles = new Map<string, -1 | 0 | 1>();
  private readonly exactFolders = new Map<string, -1 | 0 | 1>();

  constructor(lines: readonly string[], ignoreCase: boolean) {
    this.ignoreCase = ignoreCase;
    this.patterns = lines.flatMap((line) => compileLine(line));
    // `ignore` defaults to ignorecase: true, which is wrong on a case-sensitive file system.
    const texts = this.patterns.map((p) => (ignoreCase ? foldBracketMembers(p.text) : p.text));
    this.engine = ignore({ ignorecase: ignoreCase }).add(texts);
    this.floating = this.patterns.some((p) => !p.negative && !p.anchored);
  }

  static fromText(text: string, ignoreCase: boolean): IgnoreRules {
    return new IgnoreRules(gitLines(text), ignoreCase);
  }

  get isEmpty(): boolean {
    return this.patterns.length === 0;
  }

  /**
   * `relative` is below the root, `/`-separated, normalised, never empty. A directory is
   * passed with a trailing slash because `ignore` cannot stat. `ignore` itself checks (and
   * caches) every parent folder, as git refuses to re-include below an excluded folder.
   */
  ignores(relative: string, isDirectory: boolean): boolean {
    const cache = isDirectory ? this.folders : this.files;
    const cached = cache.get(relative);
    if (cached !== undefined) return cached;
    const text = isAscii(relative) ? relative : toByteString(relative);
    const answer = this.engine.ignores(isDirectory ? `${text}/` : text);
    if (cache.size >= maxCached) cache.clear();
    cache.set(relative, answer);
    return answer;
  }

  /**
   * The last pattern matching exactly this path, parent folders not consulted: 1 when it
   * ignores, -1 when it is a negation, 0 when none matches. Nested ignore files need this:
   * git decides each folder level with the deepest file first, so a parent folder excluded by
   * one file may be re-included by a deeper one before the path itself is looked at.
   */
  exact(relative: string, isDirectory: boolean): -1 | 0 | 1 {
    const cache = isDirectory ? this.exactFolders : this.exactFiles;
    const cached = cache.get(relative);
    if (cached !== undefined) return cached;
    const text = isAscii(relative) ? relative : toByteString(relative);
    const result = exactRules(this.engine).test(isDirectory ? `${text}/` : text, "regex");
    const answer = result.ignored ? 1 : result.unignored ? -1 : 0;
    if (cache.size >= maxCached) cache.clear();
    cache.set(relative, answer);
    return answer;
  }

  /** Whether any pattern is positive (a file of negations alone ignores nothing). */
  get hasPositive(): boolean {
    return this.patterns.some((p) => !p.negative);
  }

  /**
   * Whether some positive pattern could match a path below the folder `relative` ("" for the
   * root). False means nothing under it can be ignored, without looking at the disk.
   */
  canMatchBelow(relative: string): boolean {
    if (this.floating) return true;
    if (relative === "") return this.patterns.some((p) => !p.negative);
    const folder = this.fold(`${toByteString(relative)}/`);
    return this.patterns.some((p) => {
      if (p.negative) return false;
      const prefix = this.fold(p.literalPrefix);
      return prefix.startsWith(folder) || folder.startsWith(prefix);
    });
  }

  private fold(text: string): string {
    return this.ignoreCase ? text.toLowerCase() : text;
  }
}
