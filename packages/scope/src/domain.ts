import type { FileSystem } from "./file-system.js";
import type { IgnoreRules } from "./gitignore/rules.js";
import { isAscii } from "./keys.js";
import { nestedIgnoreName } from "./protected.js";

/** One spelling of a folder and the key it compares by. */
export interface Root {
  path: string;
  key: string;
}

/**
 * A folder whose own ignore files govern below it: the project root, or an
 * `additionalDirectories` entry. Its top file is `.claudeignore` (or the policy's ignoreFile
 * for the project), or the built-in baseline when it has none; nested `.claudeignore` files in
 * subfolders are read as git reads nested `.gitignore` files, lazily, once per folder.
 */
export class IgnoreDomain {
  /** Nested rules by folder below the domain ("a/b"), `null` when the folder has none. */
  private readonly nested = new Map<string, IgnoreRules | null>();

  constructor(
    /** Real path first, then the spelling given (when it differs). */
    readonly roots: readonly Root[],
    readonly rules: IgnoreRules,
    /** The note decisions made by the baseline carry; undefined when a file was read. */
    readonly baselineNote: string | undefined,
    private readonly fs: FileSystem,
    private readonly readRules: (text: string) => IgnoreRules,
  ) {}

  get real(): string {
    return (this.roots[0] as Root).path;
  }

  get realKey(): string {
    return (this.roots[0] as Root).key;
  }

  /** The nested ignore file of a folder below the domain, read once. */
  rulesAt(folder: string): IgnoreRules | null {
    // By the folder's name as written, not folded: on a case-insensitive volume two spellings
    // read the same file anyway, and folding would mix up two real folders (`Foo`, `foo`) on a
    // case-sensitive one.
    const key = folder;
    const known = this.nested.get(key);
    if (known !== undefined) return known;
    const file = `${this.real === "/" ? "" : this.real}/${folder}/${nestedIgnoreName}`;
    // lstat first: a miss is the common answer, and a failing read costs an exception.
    const text = this.fs.lstat(file) === undefined ? undefined : this.fs.readFile(file);
    const rules = text === undefined ? null : this.readRules(text);
    const answer = rules !== null && !rules.isEmpty ? rules : null;
    if (this.nested.size >= 100_000) this.nested.clear();
    this.nested.set(key, answer);
    return answer;
  }

  /** Ignored, with every spelling (as given, NFC, NFD) tried: any match means ignored. */
  ignores(relative: string, isDirectory: boolean): boolean {
    if (this.ignoresOnce(relative, isDirectory)) return true;
    if (isAscii(relative)) return false;
    const nfc = relative.normalize("NFC");
    const nfd = relative.normalize("NFD");
    return (
      (nfc !== relative && this.ignoresOnce(nfc, isDirectory)) ||
      (nfd !== relative && this.ignoresOnce(nfd, isDirectory))
    );
  }

  /** Whether some file that governs `relative` ("" the root) or a folder above it can ignore. */
  canMatchBelow(relative: string): boolean {
    if (this.rules.canMatchBelow(relative)) return true;
    if (relative === "") return false;
    let at = relative.indexOf("/");
    for (;;) {
      const folder = at === -1 ? relative : relative.slice(0, at);
      if (this.rulesAt(folder)?.hasPositive === true) return true;
      if (at === -1) return false;
      at = relative.indexOf("/", at + 1);
    }
  }

  private ignoresOnce(relative: string, isDirectory: boolean): boolean {
    // The folders above the path, shallow to deep, that hold a nested file.
    const files: Array<{ base: string; rules: IgnoreRules }> = [];
    for (let at = relative.indexOf("/"); at !== -1; at = relative.indexOf("/", at + 1)) {
      const folder = relative.slice(0, at);
      const rules = this.rulesAt(folder);
      if (rules !== null) files.push({ base: folder, rules });
    }
    // No nested file: one file decides, with `ignore`'s own walk over the parents.
    if (files.length === 0) return this.rules.ignores(relative, isDirectory);
    files.unshift({ base: "", rules: this.rules });
    // git's prep_exclude: each folder level is decided by the deepest file above it whose
    // patterns match (the last match within that file); an excluded folder excludes all below.
    let end = relative.indexOf("/");
    for (;;) {
      const last = end === -1;
      const level = last ? relative : relative.slice(0, end);
      const levelIsDirectory = last ? isDirectory : true;
      let decided: -1 | 0 | 1 = 0;
      for (let i = files.length - 1; i >= 0 && decided === 0; i--) {
        const file = files[i] as { base: string; rules: IgnoreRules };
        // A file governs the levels strictly below its folder.
        if (file.base !== "" && !level.startsWith(`${file.base}/`)) continue;
        const below = file.base === "" ? level : level.slice(file.base.length + 1);
        decided = file.rules.exact(below, levelIsDirectory);
      }
      if (decided === 1) return true;
      if (last) return false;
      end = relative.indexOf("/", end + 1);
    }
  }
}
