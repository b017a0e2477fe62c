import { type Dirent, lstatSync, readdirSync } from "node:fs";
import { basename } from "node:path";
import { type FileKind, type FileSystem, nodeFileSystem } from "@automode/scope";

function kindOf(entry: Dirent): FileKind {
  if (entry.isSymbolicLink()) return "symlink";
  if (entry.isDirectory()) return "directory";
  if (entry.isFile()) return "file";
  return "other";
}

/** How much of a path the engine's view depends on. */
export type Looked = "content" | "kind";

/**
 * What a path looked like. For "content" (a file read, a folder listed): inode, size,
 * modification and change times; a folder's times change when an entry is added, removed or
 * renamed in it, a file's when it is written, replaced (a new inode) or has its mode changed.
 * For "kind" (a path only looked at: does it exist, is it a link): its type and inode, so a
 * folder written into, or a log appended to, is not a change.
 */
interface Identity {
  /** 0: missing, 1: file, 2: folder, 3: link, 4: other, 5: unreadable. */
  type: number;
  ino: number;
  size: number;
  mtimeMs: number;
  ctimeMs: number;
}

// Numbers compared field by field: formatting them into a string cost as much as the lstat.
function identity(path: string, how: Looked): Identity {
  try {
    const st = lstatSync(path, { throwIfNoEntry: false });
    if (st === undefined) return { type: 0, ino: 0, size: 0, mtimeMs: 0, ctimeMs: 0 };
    const type = st.isFile() ? 1 : st.isDirectory() ? 2 : st.isSymbolicLink() ? 3 : 4;
    return how === "kind"
      ? { type, ino: st.ino, size: 0, mtimeMs: 0, ctimeMs: 0 }
      : { type, ino: st.ino, size: st.size, mtimeMs: st.mtimeMs, ctimeMs: st.ctimeMs };
  } catch {
    return { type: 5, ino: 0, size: 0, mtimeMs: 0, ctimeMs: 0 };
  }
}

function same(a: Identity, b: Identity): boolean {
  return (
    a.type === b.type &&
    a.ino === b.ino &&
    a.size === b.size &&
    a.mtimeMs === b.mtimeMs &&
    a.ctimeMs === b.ctimeMs
  );
}

/**
 * The files and folders a long-lived engine read from disk, each with how it looked just before
 * it was read. `fresh()` looks at each again (one `lstat` apiece): anything changed, appeared or
 * vanished means the engine may decide with a stale view, so it is rebuilt. Past `limit` entries
 * the engine is not kept at all (re-checking would cost more than rebuilding).
 */
export class WatchedFiles {
  readonly #seen = new Map<string, { how: Looked; seen: Identity }>();
  #overflow = false;

  constructor(readonly limit: number) {}

  /** Called before the read, so a change racing with the read shows as a change later. */
  note(path: string, how: Looked): void {
    if (this.#overflow) return;
    const known = this.#seen.get(path);
    // Noted by kind and now read: its content counts from here on.
    if (known !== undefined && (known.how === "content" || how === "kind")) return;
    if (this.#seen.size >= this.limit) {
      this.#overflow = true;
      this.#seen.clear();
      return;
    }
    this.#seen.set(path, { how, seen: identity(path, how) });
  }

  get size(): number {
    return this.#seen.size;
  }

  /** Whether everything noted still looks as it did (false once over the limit). */
  fresh(): boolean {
    return this.changed() === undefined;
  }

  /** The first noted path that no longer looks as it did ("" once over the limit). */
  changed(): string | undefined {
    if (this.#overflow) return "";
    for (const [path, { how, seen }] of this.#seen) {
      if (!same(identity(path, how), seen)) return path;
    }
    return undefined;
  }
}

/**
 * A file system that notes, in `watched`, what the engine's view depends on: every file it reads
 * (the policy's ignore file, nested `.claudeignore` files, `.git/config`), every folder it lists
 * (the "anything ignored under here?" answers and the hard-link index it keeps), every look for an
 * ignore file, present or not (a new nested `.claudeignore` must be seen), and, while the engine
 * is being built (`building()`), every path it looks at (which protected folders exist).
 * Listings made to expand a glob are noted too: harmless, they only make the check longer.
 */
export function watchingFileSystem(
  base: FileSystem,
  watched: WatchedFiles,
  options: {
    /** Names of ignore files: every look for one is noted by content. */
    ignoreNames: ReadonlySet<string>;
    /** Paths never noted: the audit log and its lock change on every call, by automode itself. */
    exclude: ReadonlySet<string>;
    /** True while the engine is being built: every path it looks at is noted (by kind). */
    building: () => boolean;
  },
): FileSystem {
  const { ignoreNames, exclude, building } = options;
  const note = (path: string, how: Looked) => {
    if (!exclude.has(path)) watched.note(path, how);
  };
  const looked = (path: string) => {
    if (ignoreNames.has(basename(path))) note(path, "content");
    else if (building()) note(path, "kind");
  };
  const fs: FileSystem = {
    lstat(path) {
      looked(path);
      return base.lstat(path);
    },
    realpath(path) {
      looked(path);
      return base.realpath(path);
    },
    readdir(path) {
      note(path, "content");
      return base.readdir(path);
    },
    readFile(path) {
      note(path, "content");
      return base.readFile(path);
    },
  };
  if (base.readlink !== undefined) {
    const readlink = base.readlink.bind(base);
    fs.readlink = (path) => {
      looked(path);
      return readlink(path);
    };
  }
  if (base.stat !== undefined) {
    const stat = base.stat.bind(base);
    fs.stat = (path) => {
      looked(path);
      return stat(path);
    };
  }
  // Scope lists folders with their entries' kinds in one call (`readdirTyped`, d_type) when
  // the file system offers it, and name by name with an lstat each otherwise; keep the fast way.
  if (base === nodeFileSystem) {
    (fs as FileSystem & { readdirTyped(path: string): unknown }).readdirTyped = (path) => {
      note(path, "content");
      try {
        return readdirSync(path, { withFileTypes: true }).map((entry) => ({
          name: entry.name,
          kind: kindOf(entry),
        }));
      } catch {
        return undefined;
      }
    };
  }
  return fs;
}
