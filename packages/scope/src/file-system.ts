import * as fs from "node:fs";

/** What `lstat` saw. A symlink is reported as itself, never as its target. */
export type FileKind = "file" | "directory" | "symlink" | "other";

/**
 * The file system as scope sees it. Synchronous on purpose: `engine.decide` is synchronous.
 * Every method answers `undefined` instead of throwing when the path is missing or unreadable,
 * so a test (or an in-memory host) can implement it in a few lines.
 */
export interface FileSystem {
  lstat(path: string): FileKind | undefined;
  /** The real path; `undefined` when missing (or a dangling link). */
  realpath(path: string): string | undefined;
  /** Entry names, without `.` and `..`. */
  readdir(path: string): string[] | undefined;
  readFile(path: string): string | undefined;
  /**
   * The raw target of a symlink. Optional (an addition to ARCHITECTURE.md's interface): without
   * it a dangling link cannot be followed, and scope treats the link itself as the target.
   */
  readlink?(path: string): string | undefined;
}

function kindOf(stats: fs.Stats): FileKind {
  if (stats.isSymbolicLink()) return "symlink";
  if (stats.isDirectory()) return "directory";
  if (stats.isFile()) return "file";
  return "other";
}

/** The real file system through `node:fs`. */
export const nodeFileSystem: FileSystem = {
  lstat(path) {
    try {
      // throwIfNoEntry spares the common miss an exception; ENOTDIR (a file used as a folder),
      // EACCES and ELOOP still throw, and mean "not there" too.
      const stats = fs.lstatSync(path, { throwIfNoEntry: false });
      return stats === undefined ? undefined : kindOf(stats);
    } catch {
      return undefined;
    }
  },
  realpath(path) {
    try {
      // The native realpath(3) resolves `..` physically, as the kernel does.
      return fs.realpathSync.native(path);
    } catch {
      return undefined;
    }
  },
  readdir(path) {
    try {
      return fs.readdirSync(path);
    } catch {
      return undefined;
    }
  },
  readFile(path) {
    try {
      return fs.readFileSync(path, "utf8");
    } catch {
      return undefined;
    }
  },
  readlink(path) {
    try {
      return fs.readlinkSync(path);
    } catch {
      return undefined;
    }
  },
};
