// The full walk `containsIgnored` used before pruning (packages/scope/src/contains.ts at
// 0c0685e), kept verbatim but for imports and the class name: the oracle of the pruned walk.
import type { FileSystem } from "../../src/file-system.js";

/** How the walk asks about one path below the project root. */
export interface FullWalkContext {
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
}

/**
 * "Does anything under this folder count as ignored?" for recursive readers. Answers are
 * cached per real folder for the life of the scope: nothing is invalidated, so a file created
 * later in a folder already answered `false` is not seen (the engine is short-lived; rebuild
 * the scope to see changes). The walk stops at the first ignored entry, skips name matching in
 * folders no pattern can reach (it still lists them for links), and does not descend into symlinked folders (it checks their
 * targets instead, so a link to `.env` or to an ignored folder counts).
 */
export class FullWalk {
  private readonly cache = new Map<string, boolean>();

  constructor(private readonly context: FullWalkContext) {}

  /** `realDir` is a real folder inside the project, at `relative` ("" for the root). */
  folder(realDir: string, relative: string): boolean {
    const key = this.context.key(realDir);
    const cached = this.cache.get(key);
    if (cached !== undefined) return cached;
    // Marked first so a symlink cycle back into this folder ends here.
    this.cache.set(key, false);
    const answer = this.walk(realDir, relative);
    this.cache.set(key, answer);
    return answer;
  }

  private walk(realDir: string, relative: string): boolean {
    const { fs } = this.context;
    // No pattern reaches below here: no name in it can be ignored, so names are not matched.
    // The folder is still listed (once, then cached): a link in it may lead to an ignored file,
    // and `grep -R`, `zip -r` or `find -exec cat` would read through it.
    const matchNames = this.context.canMatchBelow(relative);
    const names = fs.readdir(realDir) ?? [];
    const folders: Array<{ real: string; relative: string }> = [];
    // Entries first, folders after: an ignored file next to a deep tree is found at once.
    for (const name of names) {
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
    return folders.some((folder) => this.folder(folder.real, folder.relative));
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
      return targetRelative === "" && this.folder(target, "");
    }
    if (this.context.ignoredRelative(targetRelative, targetIsDirectory)) return true;
    return targetIsDirectory && this.folder(target, targetRelative);
  }
}
