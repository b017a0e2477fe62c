import ignore, { type Ignore } from "ignore";
import { isAscii } from "../keys.js";
import { toByteString } from "./bytes.js";
import { compileLine, gitLines, type Pattern } from "./patterns.js";

const maxCached = 1_000_000;

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

  constructor(lines: readonly string[], ignoreCase: boolean) {
    this.ignoreCase = ignoreCase;
    this.patterns = lines.flatMap((line) => compileLine(line));
    // `ignore` defaults to ignorecase: true, which is wrong on a case-sensitive file system.
    this.engine = ignore({ ignorecase: ignoreCase }).add(this.patterns.map((p) => p.text));
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
