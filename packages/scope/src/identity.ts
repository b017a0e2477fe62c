import type { FileStat, FileSystem } from "./file-system.js";

/** What a protected file is protected as. The order is the order of precedence. */
export type ProtectionKind = "ignored" | "credential" | "selfProtected";

export interface Protection {
  kind: ProtectionKind;
  /** A name of the protected file, for the reason shown to the person. */
  path: string;
}

/**
 * At most this many directory entries are looked at to build the index. A project with more
 * (outside `node_modules` and `.git`, which are not walked) gets an incomplete index, and then
 * every file with more than one link that the index does not know is treated as ignored:
 * automode cannot prove it is not another name of a protected file (fail closed).
 */
export const maxIdentityEntries = 50_000;

/** Folder names the project walk does not enter (see README, "File identity"). */
const notWalked = new Set(["node_modules", ".git"]);

export interface IdentitySources {
  fs: FileSystem;
  /** The bound on directory entries looked at (default `maxIdentityEntries`). */
  maxEntries?: number;
  /**
   * Single files protected by name: policy, audit log and lock, ignore files, settings,
   * `node_modules/.bin/automode*`. A function: listing `.bin` is left to the first lookup.
   */
  files: () => Array<{ path: string; kind: ProtectionKind }>;
  /** Folders protected with everything below them: credential stores, git hooks, automode. */
  folders: Array<{ path: string; kind: ProtectionKind }>;
  /** Trees whose files are protected one by one (the project, additional folders). */
  trees: Array<{
    path: string;
    /** How a file of the tree is protected, by its path below `path`; undefined: it is not. */
    kindOf(relative: string): ProtectionKind | undefined;
    /** A folder below the tree that is ignored as a whole (everything in it is ignored). */
    folderIgnored(relative: string): boolean;
  }>;
}

const keyOf = (stat: FileStat) => `${stat.dev}:${stat.ino}`;

/**
 * Device and inode of every protected file that has more than one name, built the first time a
 * file with more than one link is classified (most decisions never meet one), then kept for the
 * scope's life. A file with one link has no other name, so it never needs to be indexed.
 */
export class IdentityIndex {
  private entries: Map<string, Protection> | undefined;
  private complete = true;

  constructor(private readonly sources: IdentitySources) {}

  /**
   * How the file with this identity is protected; `"unknown"` when the index is incomplete and
   * does not hold it; undefined when it is no protected file.
   */
  lookup(stat: FileStat): Protection | "unknown" | undefined {
    if (this.entries === undefined) this.build();
    const found = this.entries?.get(keyOf(stat));
    if (found !== undefined) return found;
    return this.complete ? undefined : "unknown";
  }

  /** The number of identities indexed, and whether the walk finished (for tests and docs). */
  get bound(): number {
    return this.sources.maxEntries ?? maxIdentityEntries;
  }

  stats(): { indexed: number; complete: boolean } {
    if (this.entries === undefined) this.build();
    return { indexed: this.entries?.size ?? 0, complete: this.complete };
  }

  private build(): void {
    const entries = new Map<string, Protection>();
    const { fs } = this.sources;
    let budget = this.sources.maxEntries ?? maxIdentityEntries;
    const add = (path: string, kind: ProtectionKind, stat?: FileStat) => {
      const seen = stat ?? fs.stat?.(path);
      if (seen === undefined || seen.kind !== "file" || seen.nlink < 2) return;
      const key = keyOf(seen);
      const known = entries.get(key);
      if (known === undefined || rank(kind) < rank(known.kind)) entries.set(key, { kind, path });
    };
    /** Every file below `root` (itself included); `classify` says how each is protected. */
    const walk = (
      root: string,
      classify: (relative: string, isDirectory: boolean) => ProtectionKind | "all" | undefined,
      skipNames: boolean,
    ) => {
      const top = fs.realpath(root);
      if (top === undefined) return;
      const stack: Array<{ path: string; relative: string; all: ProtectionKind | undefined }> = [
        { path: top, relative: "", all: undefined },
      ];
      while (stack.length > 0) {
        const folder = stack.pop() as { path: string; relative: string; all?: ProtectionKind };
        const stat = fs.stat?.(folder.path);
        if (stat === undefined) continue;
        if (stat.kind === "file") {
          if (folder.all !== undefined) add(folder.path, folder.all, stat);
          continue;
        }
        if (stat.kind !== "directory") continue;
        const names = fs.readdir(folder.path) ?? [];
        for (const name of names) {
          budget -= 1;
          if (budget < 0) {
            this.complete = false;
            return;
          }
          const path = folder.path === "/" ? `/${name}` : `${folder.path}/${name}`;
          const relative = folder.relative === "" ? name : `${folder.relative}/${name}`;
          const child = fs.stat?.(path);
          if (child === undefined || child.kind === "symlink" || child.kind === "other") continue;
          if (child.kind === "directory") {
            if (skipNames && folder.all === undefined && notWalked.has(name)) continue;
            const all = folder.all ?? asAll(classify(relative, true));
            stack.push({ path, relative, all });
            continue;
          }
          if (child.nlink < 2) continue;
          const kind = folder.all ?? asKind(classify(relative, false));
          if (kind !== undefined) add(path, kind, child);
        }
      }
    };

    for (const file of this.sources.files()) add(file.path, file.kind);
    for (const folder of this.sources.folders) {
      if (this.complete) walk(folder.path, () => folder.kind, false);
      // The folder itself may be a file (`~/.kube/config` is a store, and so is its name).
      add(folder.path, folder.kind);
    }
    for (const tree of this.sources.trees) {
      if (!this.complete) break;
      walk(
        tree.path,
        (relative, isDirectory) =>
          isDirectory ? (tree.folderIgnored(relative) ? "all" : undefined) : tree.kindOf(relative),
        true,
      );
    }
    this.entries = entries;
  }
}

function rank(kind: ProtectionKind): number {
  return kind === "ignored" ? 0 : kind === "credential" ? 1 : 2;
}

function asAll(answer: ProtectionKind | "all" | undefined): ProtectionKind | undefined {
  return answer === "all" ? "ignored" : undefined;
}

function asKind(answer: ProtectionKind | "all" | undefined): ProtectionKind | undefined {
  return answer === "all" ? "ignored" : answer;
}
